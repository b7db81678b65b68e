import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { findMemberById } from '../members/repository.ts';
import { verifySecret } from '../security/password.ts';
import { tryConsume } from '../security/rate-limit.ts';

/** R01: too many re-authentication attempts for this member ID in a short time. */
export type ReauthResult = { ok: true } | Failure<'wrong_password' | 'R01'>;

/**
 * Checks the current password of a logged-in member before a sensitive change. An attempt is reserved on
 * the per-member limiter before the password is evaluated, so a stolen session cannot guess faster.
 */
export async function verifyCurrentPassword(
  deps: AppDeps,
  memberId: number,
  password: string,
): Promise<ReauthResult> {
  if (!(await tryConsume(deps.limiters.reauthByMember, String(memberId)))) return { ok: false, code: 'R01' };
  const member = await findMemberById(deps.db, memberId);
  if (!member || !(await verifySecret(member.password_hash, password)))
    return { ok: false, code: 'wrong_password' };
  return { ok: true };
}
