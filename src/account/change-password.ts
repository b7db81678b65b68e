import type { AppDeps, CurrentMember } from '../deps.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { revokePendingTokens } from '../members/pending-tokens.ts';
import { deleteMemberSessions, recordAuthEvent, setMemberPassword } from '../members/repository.ts';
import { hashSecret } from '../security/password.ts';
import { type ReauthResult, verifyCurrentPassword } from './reauthenticate.ts';

export type ChangePasswordResult = ReauthResult;

/**
 * Password change from settings: the current password first; then every other session ends (this one is
 * kept), every pending token (reset link, email change…) stops working, and the member is told by email. The new password has
 * passed the registration policy at the edge.
 */
export async function changePassword(
  deps: AppDeps,
  member: CurrentMember,
  input: { currentPassword: string; newPassword: string },
): Promise<ChangePasswordResult> {
  const check = await verifyCurrentPassword(deps, member.id, input.currentPassword);
  if (!check.ok) return check;
  const passwordHash = await hashSecret(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await setMemberPassword(trx, member.id, passwordHash, deps.now());
    await revokePendingTokens(trx, member);
    const revoked = await deleteMemberSessions(trx, member.id, member.sessionTokenHash);
    await recordAuthEvent(trx, {
      kind: 'password_change',
      memberId: member.id,
      reason: `sessions_revoked_${revoked}`,
    });
    await enqueueMail(trx, deps.config, {
      to: member.email,
      lang: member.lang,
      template: 'password_changed',
      params: { userId: member.userId, resetLink: '/forgot/password' },
    });
  });
  return { ok: true };
}
