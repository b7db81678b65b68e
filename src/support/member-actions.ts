import { findCardsOfMember, setCardStatus, unlockStartPin } from '../cards/repository.ts';
import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { forceWithdrawMemberIn } from '../members/force-withdraw.ts';
import { findMemberById, recordAuthEvent, unlockLoginLock } from '../members/repository.ts';
import { issuePasswordResetIn } from '../members/reset-password.ts';
import { removeTwoStepBySupport } from '../members/two-step.ts';
import { notifyServicesOfLogout } from '../oidc/connected-services.ts';
import { appendAudit } from './audit.ts';
import type { CurrentStaff } from './session.ts';
import { findPassedVerification } from './verify-identity.ts';

/**
 * What the console does to a member or card. Each action writes its audit row in the same transaction as
 * the change. Actions taken for a caller (unlocks, reset link) need a passed identity verification by this
 * staff session; supervisor decisions (forced withdrawal, card status) are not made at the caller's request,
 * so they need a written reason instead.
 */
export type ActionResult =
  | { ok: true }
  | Failure<'not_verified' | 'not_found' | 'not_active' | 'two_step_not_on'>;

async function cardOfMember(deps: AppDeps, memberId: number, cardId: number) {
  return (await findCardsOfMember(deps.db, memberId)).find((c) => c.id === cardId);
}

/** Lifts the start-procedure lock of a card and resets its counter: the member may try the PIN again. */
export async function unlockCardStartPin(
  deps: AppDeps,
  staff: CurrentStaff,
  memberId: number,
  cardId: number,
): Promise<ActionResult> {
  if (!(await findPassedVerification(deps, staff, memberId))) return { ok: false, code: 'not_verified' };
  const card = await cardOfMember(deps, memberId, cardId);
  if (!card) return { ok: false, code: 'not_found' };
  return deps.db.transaction().execute(async (trx) => {
    const before = await unlockStartPin(trx, cardId);
    if (!before) return { ok: false, code: 'not_found' } as const;
    // The member hears of every unlock: one they did not ask for is noticed.
    const member = await findMemberById(trx, memberId);
    if (member)
      await enqueueMail(trx, deps.config, {
        to: member.email,
        lang: member.lang,
        template: 'start_pin_unlocked',
        params: { userId: member.user_id, last4: card.last4, helpLink: '/help/enrollment/start-pin' },
      });
    await appendAudit(trx, {
      at: deps.now(),
      staffId: staff.id,
      action: 'card.unlock_start_pin',
      memberId,
      cardId,
      before: { failures: before.start_pin_failures, lockedAt: before.start_pin_locked_at },
      after: { failures: 0, lockedAt: null },
    });
    return { ok: true } as const;
  });
}

/** Lifts a temporary (or permanent) login lock of the member ID. */
export async function unlockMemberLogin(
  deps: AppDeps,
  staff: CurrentStaff,
  memberId: number,
): Promise<ActionResult> {
  if (!(await findPassedVerification(deps, staff, memberId))) return { ok: false, code: 'not_verified' };
  return deps.db.transaction().execute(async (trx) => {
    const before = await unlockLoginLock(trx, memberId);
    if (!before) return { ok: false, code: 'not_found' } as const;
    const member = await findMemberById(trx, memberId);
    if (member)
      await enqueueMail(trx, deps.config, {
        to: member.email,
        lang: member.lang,
        template: 'login_unlocked',
        params: { userId: member.user_id, loginLink: '/login' },
      });
    await recordAuthEvent(trx, { kind: 'unlock', memberId, reason: 'support' });
    await appendAudit(trx, {
      at: deps.now(),
      staffId: staff.id,
      action: 'member.unlock_login',
      memberId,
      before: {
        lockedUntil: before.locked_until,
        failedLogins: before.failed_logins,
        lockCount: before.lock_count,
      },
      after: { lockedUntil: null, failedLogins: 0, lockCount: 0 },
    });
    return { ok: true } as const;
  });
}

/** Sends the single-use reset link to the registered email. The operator never sees or sets a password. */
export async function sendPasswordResetLink(
  deps: AppDeps,
  staff: CurrentStaff,
  memberId: number,
): Promise<ActionResult> {
  if (!(await findPassedVerification(deps, staff, memberId))) return { ok: false, code: 'not_verified' };
  const member = await findMemberById(deps.db, memberId);
  if (member?.status !== 'active') return { ok: false, code: 'not_active' };
  return deps.db.transaction().execute(async (trx) => {
    await issuePasswordResetIn(trx, deps, memberId);
    await appendAudit(trx, {
      at: deps.now(),
      staffId: staff.id,
      action: 'member.password_reset_link',
      memberId,
    });
    return { ok: true } as const;
  });
}

/**
 * Supervisor, after identity verification: removes the member's two-step login (a caller who lost the
 * authenticator and the recovery codes). Every session ends and the member is mailed (removeTwoStepBySupport);
 * the audit row is written in the same transaction.
 */
export async function removeMemberTwoStep(
  deps: AppDeps,
  staff: CurrentStaff,
  memberId: number,
): Promise<ActionResult> {
  if (!(await findPassedVerification(deps, staff, memberId))) return { ok: false, code: 'not_verified' };
  return deps.db.transaction().execute(async (trx) => {
    if (!(await removeTwoStepBySupport(trx, deps, memberId)))
      return { ok: false, code: 'two_step_not_on' } as const;
    await appendAudit(trx, {
      at: deps.now(),
      staffId: staff.id,
      action: 'member.remove_two_step',
      memberId,
      before: { twoStep: true },
      after: { twoStep: false },
    });
    return { ok: true } as const;
  });
}

/** Supervisor: forced withdrawal for a violation (DOMAIN.md cause 8); the member then sees M01. */
export async function forceWithdraw(
  deps: AppDeps,
  staff: CurrentStaff,
  memberId: number,
  reason: string,
): Promise<ActionResult> {
  if (!(await findMemberById(deps.db, memberId))) return { ok: false, code: 'not_found' };
  let servicesRevoked: string[] = [];
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const result = await forceWithdrawMemberIn(trx, memberId, reason, deps.now());
    if (!result.ok) return { ok: false, code: 'not_active' } as const;
    servicesRevoked = result.servicesRevoked;
    await appendAudit(trx, {
      at: deps.now(),
      staffId: staff.id,
      action: 'member.force_withdraw',
      memberId,
      before: { status: 'active' },
      after: {
        status: 'force_withdrawn',
        sessionsRevoked: result.sessionsRevoked,
        servicesRevoked: result.servicesRevoked.length,
      },
      reason,
    });
    return { ok: true } as const;
  });
  if (outcome.ok) notifyServicesOfLogout(deps, memberId, servicesRevoked);
  return outcome;
}

/** Supervisor: suspends a card or restores it to active, with a reason. */
export async function changeCardStatus(
  deps: AppDeps,
  staff: CurrentStaff,
  memberId: number,
  cardId: number,
  status: 'active' | 'suspended',
  reason: string,
): Promise<ActionResult> {
  if (!(await cardOfMember(deps, memberId, cardId))) return { ok: false, code: 'not_found' };
  return deps.db.transaction().execute(async (trx) => {
    const before = await setCardStatus(trx, cardId, status, reason, deps.now());
    if (!before) return { ok: false, code: 'not_found' } as const;
    await appendAudit(trx, {
      at: deps.now(),
      staffId: staff.id,
      action: status === 'suspended' ? 'card.suspend' : 'card.restore',
      memberId,
      cardId,
      before: { status: before },
      after: { status },
      reason,
    });
    return { ok: true } as const;
  });
}
