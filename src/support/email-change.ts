import type { Transaction } from 'kysely';
import { isUserIdHeldByOther, lockMember, setMemberEmail } from '../account/repository.ts';
import type { Database, Executor } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { formatMoment } from '../i18n/format.ts';
import { translate } from '../i18n/index.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { revokePendingTokens } from '../members/pending-tokens.ts';
import {
  deleteMemberSessions,
  findMemberById,
  isUserIdCoolingOff,
  recordAuthEvent,
} from '../members/repository.ts';
import { deletePendingLogins } from '../members/sign-in-repository.ts';
import { maskEmail } from '../security/mask.ts';
import { appendAudit } from './audit.ts';
import {
  decideSupportEmailChange,
  findOpenSupportEmailChange,
  findResetHold,
  insertSupportEmailChange,
} from './repository.ts';
import type { CurrentStaff } from './session.ts';
import { findPassedVerification } from './verify-identity.ts';

/**
 * Operator-assisted email change (DOMAIN.md cause 4, issue 11 "Mailbox no longer reachable"): the member's
 * registered mailbox is dead, so the self-service flows that prove possession of it cannot help.
 *
 * 1. An operator, after identity verification in this staff session, asks for the change with a reason.
 *    The current (old) address is told at once: if the caller was not the member, the owner can object.
 * 2. A supervisor other than the requester approves (or rejects) it. Approval changes the email (and the
 *    user ID when it is the email), ends every pending token and every session, tells the old address and
 *    sends the new one a confirmation, all in one transaction with the audit row.
 * 3. For OPERATOR_EMAIL_CHANGE_HOLD_HOURS after approval no reset link goes to the new address: a reset
 *    request gets a mail saying from when it is possible (queuePasswordReset asks resetLinkHeldUntil).
 *    Someone who talked an operator into the change cannot take the account over by mail at once; the
 *    real owner has the old-address notice and the hold to call the contact center.
 */
export type EmailChangeResult =
  | { ok: true }
  | Failure<
      | 'not_verified'
      | 'not_found'
      | 'not_active'
      | 'same_email'
      | 'user_id_taken'
      | 'change_already_requested'
      | 'own_request'
    >;

/** Step 1: the operator's request. */
export async function requestOperatorEmailChange(
  deps: AppDeps,
  staff: CurrentStaff,
  memberId: number,
  input: { newEmail: string; reason: string },
): Promise<EmailChangeResult> {
  if (!(await findPassedVerification(deps, staff, memberId))) return { ok: false, code: 'not_verified' };
  const member = await findMemberById(deps.db, memberId);
  if (!member) return { ok: false, code: 'not_found' };
  if (member.status !== 'active') return { ok: false, code: 'not_active' };
  if (input.newEmail === member.email) return { ok: false, code: 'same_email' };
  if (member.user_id_is_email && (await userIdUnavailable(deps.db, input.newEmail, member.id, deps.now())))
    return { ok: false, code: 'user_id_taken' };
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    const inserted = await insertSupportEmailChange(trx, {
      memberId,
      oldEmail: member.email,
      newEmail: input.newEmail,
      reason: input.reason,
      staffId: staff.id,
      now,
    });
    if (!inserted) return { ok: false, code: 'change_already_requested' } as const;
    await enqueueMail(trx, deps.config, {
      to: member.email,
      lang: member.lang,
      template: 'support_email_change_requested',
      params: { userId: member.user_id, newEmail: maskEmail(input.newEmail), helpLink: '/help/contact' },
    });
    await appendAudit(trx, {
      at: now,
      staffId: staff.id,
      action: 'member.email_change_requested',
      memberId,
      after: { status: 'requested' },
      reason: input.reason,
    });
    return { ok: true } as const;
  });
}

async function userIdUnavailable(db: Executor, userId: string, memberId: number, now: Date) {
  return (await isUserIdHeldByOther(db, userId, memberId)) || (await isUserIdCoolingOff(db, userId, now));
}

/** The open request shown on the member's case, if any (the new address masked: the operator typed it). */
export async function findOpenEmailChange(deps: AppDeps, memberId: number) {
  const open = await findOpenSupportEmailChange(deps.db, memberId);
  if (!open) return undefined;
  return {
    id: Number(open.id),
    newEmail: maskEmail(open.new_email),
    reason: open.reason,
    requestedBy: open.login,
    requestedById: open.requested_by,
    requestedAt: open.requested_at,
  };
}

/** Step 2, approval by a supervisor who did not ask for it. */
export async function approveOperatorEmailChange(
  deps: AppDeps,
  staff: CurrentStaff,
  memberId: number,
  requestId: number,
): Promise<EmailChangeResult> {
  const open = await findOpenSupportEmailChange(deps.db, memberId);
  if (!open || Number(open.id) !== requestId) return { ok: false, code: 'not_found' };
  if (open.requested_by === staff.id) return { ok: false, code: 'own_request' };
  return deps.db.transaction().execute((trx) => approveIn(trx, deps, staff, memberId, open));
}

async function approveIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  staff: CurrentStaff,
  memberId: number,
  open: { id: number | string; new_email: string },
): Promise<EmailChangeResult> {
  const now = deps.now();
  const member = await lockMember(trx, memberId);
  if (!member) return { ok: false, code: 'not_found' };
  if (member.status !== 'active') return { ok: false, code: 'not_active' };
  const newEmail = open.new_email;
  const newUserId = member.user_id_is_email ? newEmail : undefined;
  if (newUserId && (await userIdUnavailable(trx, newUserId, member.id, now)))
    return { ok: false, code: 'user_id_taken' };
  const holdUntil = new Date(now.getTime() + deps.config.operatorEmailChangeHoldHours * 3_600_000);
  const decided = await decideSupportEmailChange(trx, {
    id: Number(open.id),
    memberId: member.id,
    staffId: staff.id,
    status: 'approved',
    now,
    holdUntil,
  });
  if (!decided) return { ok: false, code: 'not_found' };
  await setMemberEmail(trx, member.id, { email: newEmail, ...(newUserId ? { userId: newUserId } : {}), now });
  // The old address is the one pending links went to: they end, and so does every session.
  await revokePendingTokens(trx, member);
  const revoked = await deleteMemberSessions(trx, member.id);
  await deletePendingLogins(trx, member.id);
  await recordAuthEvent(trx, {
    kind: 'email_change',
    memberId: member.id,
    reason: newUserId ? `user_id_changed_sessions_revoked_${revoked}` : `sessions_revoked_${revoked}`,
  });
  const idNote = newUserId ? translate(member.lang, 'mail.emailChanged.idNote') : '';
  await enqueueMail(trx, deps.config, {
    to: member.email,
    lang: member.lang,
    template: 'email_changed',
    params: { userId: member.user_id, newEmail: maskEmail(newEmail), idNote, helpLink: '/help/contact' },
  });
  await enqueueMail(trx, deps.config, {
    to: newEmail,
    lang: member.lang,
    template: 'support_email_changed',
    params: {
      userId: newUserId ?? member.user_id,
      idNote,
      holdUntil: formatMoment(member.lang, holdUntil, deps.config.contact.timeZone),
      loginLink: '/login',
      helpLink: '/help/member-id/mailbox-lost',
    },
  });
  await appendAudit(trx, {
    at: now,
    staffId: staff.id,
    action: 'member.email_change_approved',
    memberId: member.id,
    before: { status: 'requested' },
    after: { status: 'approved', sessionsRevoked: revoked, until: holdUntil },
  });
  return { ok: true };
}

/** A supervisor (not the requester) turns the request down; nothing about the member changes. */
export async function rejectOperatorEmailChange(
  deps: AppDeps,
  staff: CurrentStaff,
  memberId: number,
  requestId: number,
  reason: string,
): Promise<EmailChangeResult> {
  const open = await findOpenSupportEmailChange(deps.db, memberId);
  if (!open || Number(open.id) !== requestId) return { ok: false, code: 'not_found' };
  if (open.requested_by === staff.id) return { ok: false, code: 'own_request' };
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    const decided = await decideSupportEmailChange(trx, {
      id: requestId,
      memberId,
      staffId: staff.id,
      status: 'rejected',
      now,
      holdUntil: null,
    });
    if (!decided) return { ok: false, code: 'not_found' } as const;
    await appendAudit(trx, {
      at: now,
      staffId: staff.id,
      action: 'member.email_change_rejected',
      memberId,
      before: { status: 'requested' },
      after: { status: 'rejected' },
      reason,
    });
    return { ok: true } as const;
  });
}

/**
 * Until when no reset link may go to this member's address (an operator-assisted change to it was approved
 * less than the hold ago), or undefined. Asked by every path that queues a reset link.
 */
export function resetLinkHeldUntil(db: Executor, member: { id: number; email: string }, now: Date) {
  return findResetHold(db, member.id, member.email, now);
}
