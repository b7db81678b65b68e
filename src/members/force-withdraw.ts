import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { notifyServicesOfLogout, revokeOidcAccessIn } from '../oidc/connected-services.ts';
import { revokePendingTokens } from './pending-tokens.ts';
import { deleteMemberSessions, findMemberById, markForceWithdrawn, recordAuthEvent } from './repository.ts';

export type ForceWithdrawResult =
  | { ok: true; sessionsRevoked: number; servicesRevoked: string[] }
  | Failure<'not_active'>;

/**
 * Forced withdrawal (DOMAIN.md cause 8), called by the support console: the membership is marked
 * force-withdrawn with a reason; every session and every pending token (reset link, email change…) ends at
 * once, with every group service's grant and token. Logging in afterwards, even with the right password,
 * ends at the coded error M01.
 */
export async function forceWithdrawMember(
  deps: AppDeps,
  memberId: number,
  reason: string,
): Promise<ForceWithdrawResult> {
  const result = await deps.db
    .transaction()
    .execute((trx) => forceWithdrawMemberIn(trx, memberId, reason, deps.now()));
  if (result.ok) notifyServicesOfLogout(deps, memberId, result.servicesRevoked);
  return result;
}

/**
 * The same, inside the caller's transaction (the console writes its audit row in it too). The caller tells
 * the services in `servicesRevoked` after the commit (notifyServicesOfLogout).
 */
export async function forceWithdrawMemberIn(
  trx: Transaction<Database>,
  memberId: number,
  reason: string,
  now: Date,
): Promise<ForceWithdrawResult> {
  if (!(await markForceWithdrawn(trx, memberId, reason, now))) return { ok: false, code: 'not_active' };
  const member = await findMemberById(trx, memberId);
  if (member) await revokePendingTokens(trx, member);
  const sessionsRevoked = await deleteMemberSessions(trx, memberId);
  const servicesRevoked = await revokeOidcAccessIn(trx, memberId);
  await recordAuthEvent(trx, { kind: 'force_withdrawal', memberId, reason: 'support' });
  return { ok: true, sessionsRevoked, servicesRevoked };
}
