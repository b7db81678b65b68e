import type { AppDeps } from '../web/context.ts';
import { deleteMemberSessions, markForceWithdrawn, recordAuthEvent } from './repository.ts';

export type ForceWithdrawResult = { ok: true; sessionsRevoked: number } | { ok: false; reason: 'not_active' };

/**
 * Forced withdrawal (DOMAIN.md cause 8), called by the support console: the membership is marked
 * force-withdrawn with a reason and every session ends at once. Logging in afterwards, even with the right
 * password, ends at the coded error M01.
 */
export async function forceWithdrawMember(
  deps: AppDeps,
  memberId: number,
  reason: string,
): Promise<ForceWithdrawResult> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await markForceWithdrawn(trx, memberId, reason, deps.now())))
      return { ok: false, reason: 'not_active' } as const;
    const sessionsRevoked = await deleteMemberSessions(trx, memberId);
    await recordAuthEvent(trx, { kind: 'force_withdrawal', memberId, reason: 'support' });
    return { ok: true, sessionsRevoked } as const;
  });
}
