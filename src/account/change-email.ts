import type { AppDeps, CurrentMember } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { translate } from '../i18n/index.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { revokePendingTokens } from '../members/pending-tokens.ts';
import { deleteMemberSessions, isUserIdCoolingOff, recordAuthEvent } from '../members/repository.ts';
import { maskEmail } from '../security/mask.ts';
import { generateToken, hashToken } from '../security/tokens.ts';
import { type ReauthResult, verifyCurrentPassword } from './reauthenticate.ts';
import {
  cancelEmailChangeRow,
  consumeEmailChange,
  findEmailChange,
  findEmailChangeByCancel,
  isUserIdHeldByOther,
  lockMember,
  setMemberEmail,
  upsertEmailChange,
} from './repository.ts';

/** The new address must be proven within 30 minutes. */
export const EMAIL_CHANGE_LINK_MS = 30 * 60 * 1000;

export type RequestEmailChangeResult =
  | { ok: true }
  | Exclude<ReauthResult, { ok: true }>
  | Failure<'same_email'>;

/**
 * Starts an email change: the current password first, then a single-use 30-minute link goes to the new
 * address, and the current address is told at once, with a one-click cancel link (someone who knows the
 * password must not move the account quietly). Nothing changes until the link is used in the member's own
 * session; a newer request replaces the older links.
 */
export async function requestEmailChange(
  deps: AppDeps,
  member: CurrentMember,
  input: { newEmail: string; currentPassword: string },
): Promise<RequestEmailChangeResult> {
  if (input.newEmail === member.email) return { ok: false, code: 'same_email' };
  const check = await verifyCurrentPassword(deps, member.id, input.currentPassword);
  if (!check.ok) return check;
  const token = generateToken();
  const cancelToken = generateToken();
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await upsertEmailChange(trx, {
      memberId: member.id,
      tokenHash: hashToken(token),
      cancelTokenHash: hashToken(cancelToken),
      newEmail: input.newEmail,
      now,
      expiresAt: new Date(now.getTime() + EMAIL_CHANGE_LINK_MS),
    });
    await enqueueMail(trx, deps.config, {
      to: input.newEmail,
      lang: member.lang,
      template: 'email_change_verify',
      params: {
        userId: member.userId,
        newEmail: input.newEmail,
        link: `/settings/email/verify?token=${token}`,
      },
    });
    await enqueueMail(trx, deps.config, {
      to: member.email,
      lang: member.lang,
      template: 'email_change_requested',
      params: {
        userId: member.userId,
        newEmail: maskEmail(input.newEmail),
        cancelLink: `/settings/email/cancel?token=${cancelToken}`,
        resetLink: '/forgot/password',
      },
    });
  });
  return { ok: true };
}

/** What the cancel page shows (nothing changes on GET). */
export async function findEmailChangeToCancel(deps: AppDeps, cancelToken: string) {
  const row = await findEmailChangeByCancel(deps.db, hashToken(cancelToken), deps.now());
  if (!row) return undefined;
  return { userId: row.user_id, newEmail: maskEmail(row.new_email) };
}

/** Ends a pending email change from the cancel link mailed to the current address (single use). */
export async function cancelEmailChange(
  deps: AppDeps,
  cancelToken: string,
): Promise<{ ok: true } | Failure<'M02'>> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await cancelEmailChangeRow(trx, hashToken(cancelToken), deps.now());
    if (!row) return { ok: false, code: 'M02' } as const;
    await recordAuthEvent(trx, { kind: 'email_change', memberId: row.member_id, reason: 'cancelled' });
    return { ok: true } as const;
  });
}

/** What the confirmation page shows before the change is applied (the link is not used up). */
export async function findEmailChangeToConfirm(deps: AppDeps, token: string) {
  const row = await findEmailChange(deps.db, hashToken(token), deps.now());
  if (!row) return undefined;
  return {
    memberId: row.id,
    userId: row.user_id,
    oldEmail: row.email,
    newEmail: row.new_email,
    userIdChanges: row.user_id_is_email,
  };
}

export type ConfirmEmailChangeResult =
  | { ok: true; newEmail: string; newUserId: string | undefined }
  | Failure<'M02' | 'user_id_taken' | 'login_required'>;

/**
 * Applies an email change from the link sent to the new address (single use), only in a session of the
 * member who asked for it: the link alone (a mailbox someone else controls) is not enough. When the user ID
 * is the email, the ID becomes the new address too (DOMAIN.md cause 4), unless another member holds that ID
 * or it is in its cooling-off period; then nothing changes. The old address is told; every other pending
 * token (reset links went to the old address) and every other session end.
 */
export async function confirmEmailChange(
  deps: AppDeps,
  token: string,
  session: CurrentMember | undefined,
): Promise<ConfirmEmailChangeResult> {
  const now = deps.now();
  const pending = await findEmailChange(deps.db, hashToken(token), now);
  if (!pending) return { ok: false, code: 'M02' };
  if (session?.id !== pending.id) return { ok: false, code: 'login_required' };
  return deps.db.transaction().execute(async (trx) => {
    const change = await consumeEmailChange(trx, hashToken(token), now);
    if (!change || change.member_id !== session.id) return { ok: false, code: 'M02' } as const;
    const member = await lockMember(trx, change.member_id);
    if (!member) return { ok: false, code: 'M02' } as const;
    const newUserId = member.user_id_is_email ? change.new_email : undefined;
    if (
      newUserId &&
      ((await isUserIdHeldByOther(trx, newUserId, member.id)) ||
        (await isUserIdCoolingOff(trx, newUserId, now)))
    )
      return { ok: false, code: 'user_id_taken' } as const;
    await setMemberEmail(trx, member.id, {
      email: change.new_email,
      ...(newUserId ? { userId: newUserId } : {}),
      now,
    });
    await revokePendingTokens(trx, member);
    const revoked = await deleteMemberSessions(trx, member.id, session.sessionTokenHash);
    await recordAuthEvent(trx, {
      kind: 'email_change',
      memberId: member.id,
      reason: newUserId ? `user_id_changed_sessions_revoked_${revoked}` : `sessions_revoked_${revoked}`,
    });
    await enqueueMail(trx, deps.config, {
      to: member.email,
      lang: member.lang,
      template: 'email_changed',
      params: {
        userId: member.user_id,
        newEmail: maskEmail(change.new_email),
        idNote: newUserId ? translate(member.lang, 'mail.emailChanged.idNote') : '',
        helpLink: '/help/contact',
      },
    });
    return { ok: true, newEmail: change.new_email, newUserId } as const;
  });
}
