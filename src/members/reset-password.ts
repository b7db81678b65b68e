import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { formatMoment } from '../i18n/format.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { hashSecret } from '../security/password.ts';
import { generateToken, hashToken } from '../security/tokens.ts';
import { resetLinkHeldUntil } from '../support/email-change.ts';
import { revokePendingTokens } from './pending-tokens.ts';
import {
  consumePasswordReset,
  deleteMemberSessions,
  findMemberById,
  findMemberByPasswordReset,
  liftLoginLockAfterReset,
  recordAuthEvent,
  setMemberPassword,
  upsertPasswordReset,
} from './repository.ts';
import { deletePendingLogins } from './sign-in-repository.ts';
import type { SignInClient } from './sign-ins.ts';
import { checkSecondFactor } from './two-step.ts';

/** OWASP Forgot Password / ASVS 6.4: a reset link lives at most 30 minutes. */
export const RESET_LINK_MS = 30 * 60 * 1000;

interface ResetTarget {
  id: number;
  user_id: string;
  email: string;
  lang: 'ja' | 'en';
}

/**
 * Issues a reset link for one member inside the caller's transaction: 256-bit random token, only its
 * SHA-256 stored, 30 minutes, and it replaces the member's previous link (only the newest works).
 * The link is a site path; the mail renderer makes it absolute from PUBLIC_URL, never from a Host header.
 */
export async function queuePasswordReset(
  trx: Transaction<Database>,
  deps: AppDeps,
  member: ResetTarget,
  lang: 'ja' | 'en' = member.lang,
) {
  const now = deps.now();
  // After an operator-assisted email change, the new address gets no reset link until the hold ends: it
  // is told from when it can ask (docs/RECOVERY.md). Every reset path queues through here.
  const heldUntil = await resetLinkHeldUntil(trx, member, now);
  if (heldUntil) {
    await enqueueMail(trx, deps.config, {
      to: member.email,
      lang,
      template: 'password_reset_held',
      params: {
        userId: member.user_id,
        holdUntil: formatMoment(lang, heldUntil, deps.config.contact.timeZone),
        helpLink: '/help/member-id/mailbox-lost',
      },
    });
    return;
  }
  const token = generateToken();
  await upsertPasswordReset(trx, {
    memberId: member.id,
    tokenHash: hashToken(token),
    now,
    expiresAt: new Date(now.getTime() + RESET_LINK_MS),
  });
  await enqueueMail(trx, deps.config, {
    to: member.email,
    lang,
    template: 'password_reset',
    params: { userId: member.user_id, link: `/reset-password?token=${token}` },
  });
}

/**
 * Sends a member a single-use password-reset link by email (queued in the outbox). Used by the support
 * console; the member's own "forgot password" request goes through requestPasswordReset.
 */
export async function issuePasswordReset(deps: AppDeps, memberId: number): Promise<void> {
  await deps.db.transaction().execute((trx) => issuePasswordResetIn(trx, deps, memberId));
}

/** The same, inside the caller's transaction (the console writes its audit row in it too). */
export async function issuePasswordResetIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  memberId: number,
): Promise<void> {
  const member = await findMemberById(trx, memberId);
  if (!member) return;
  await queuePasswordReset(trx, deps, member);
  await recordAuthEvent(trx, { kind: 'recovery_request', memberId, reason: 'reset_by_support' });
}

/** The member a reset link belongs to while it is usable (the GET page; the link is not used up). */
export function findPasswordResetMember(deps: AppDeps, token: string) {
  return findMemberByPasswordReset(deps.db, hashToken(token), deps.now());
}

export type CompleteResetResult =
  | { ok: true; userId: string }
  /** M02: the link expired, was used, or was replaced. A01: the attempts ran out while guessing the code. */
  | Failure<'M02' | 'A01'>
  /** Two-step login is on: the reset needs a code from the app or a recovery code too (or it was wrong). */
  | Failure<'second_factor_required' | 'wrong_code'>;

/**
 * Sets a new password from a reset link. The link is used up by one guarded DELETE (single use, not
 * expired, newest only); every session and every other pending token of the member ends (an email change
 * asked for with the old password included); the member is told by email. It does not log
 * in. Possession of the mailbox is proven, so the login lock and the failure counter go (a permanent lock
 * stays: that needs the contact center): the new password works at once.
 * The password has already passed the registration policy at the edge.
 */
export async function completePasswordReset(
  deps: AppDeps,
  token: string,
  password: string,
  secondFactor?: { code: string; client: SignInClient },
): Promise<CompleteResetResult> {
  const pending = await findPasswordResetMember(deps, token);
  if (!pending) return { ok: false, code: 'M02' };
  const passwordHash = await hashSecret(password);
  const applyReset = async (trx: Transaction<Database>) => {
    const memberId = await consumePasswordReset(trx, hashToken(token), deps.now());
    if (memberId !== pending.id) return undefined;
    await setMemberPassword(trx, memberId, passwordHash, deps.now());
    await liftLoginLockAfterReset(trx, memberId);
    await revokePendingTokens(trx, pending);
    const revoked = await deleteMemberSessions(trx, memberId);
    await deletePendingLogins(trx, memberId);
    await recordAuthEvent(trx, { kind: 'password_reset', memberId, reason: `sessions_revoked_${revoked}` });
    await enqueueMail(trx, deps.config, {
      to: pending.email,
      lang: pending.lang,
      template: 'password_changed',
      params: { userId: pending.user_id, resetLink: '/forgot/password' },
    });
    return { ok: true, userId: pending.user_id } as const;
  };
  // A reset link proves the mailbox, not the second factor: with two-step login on, the link alone must not
  // replace the password. The code goes through the same reserved, limited check as at login.
  if (pending.two_step_enabled) {
    if (!secondFactor?.code) return { ok: false, code: 'second_factor_required' };
    const checked = await checkSecondFactor(
      deps,
      pending,
      secondFactor.code,
      secondFactor.client,
      applyReset,
    );
    if (checked.ok) return checked.value;
    // The link was used meanwhile (nothing left to complete): like any used link.
    if (checked.code === 'second_step_expired') return { ok: false, code: 'M02' };
    return checked;
  }
  return (await deps.db.transaction().execute(applyReset)) ?? { ok: false, code: 'M02' };
}
