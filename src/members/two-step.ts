import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { renderSVG } from 'uqr';
import { verifyCurrentPassword } from '../account/reauthenticate.ts';
import type { Database } from '../db/schema.ts';
import type { AppDeps, CurrentMember } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { translate } from '../i18n/index.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { decrypt, encrypt } from '../security/data-keys.ts';
import { hashToken } from '../security/tokens.ts';
import { generateTotpSecret, matchTotpStep, totpUri } from '../security/totp.ts';
import { recordFailedAttempt } from './attempts.ts';
import { revokePendingTokens } from './pending-tokens.ts';
import {
  clearLoginFailures,
  deleteMemberSessions,
  findMemberById,
  recordAuthEvent,
  reserveLoginAttempt,
} from './repository.ts';
import {
  acceptTotpStep,
  confirmTotp,
  countRememberedDevices,
  countUnusedRecoveryCodes,
  deletePendingLogins,
  deleteTwoStep,
  findTotp,
  forgetRememberedDevices,
  replaceRecoveryCodes,
  upsertUnconfirmedTotp,
  useRecoveryCode,
} from './sign-in-repository.ts';
import type { SignInClient } from './sign-ins.ts';

/** Ten single-use recovery codes, shown once. */
export const RECOVERY_CODE_COUNT = 10;
/** "Remember this device" skips the second factor on that browser for 30 days. */
export const REMEMBER_DEVICE_MS = 30 * 24 * 60 * 60 * 1000;

type ReauthFailure = Failure<'wrong_password' | 'R01'>;

/** Upper case, no spaces or hyphens, half-width: how codes are compared (people copy them in many ways). */
export function normaliseSecondFactorCode(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
}

/**
 * Ten recovery codes of 16 base32 characters (80 random bits each, so a SHA-256 at rest cannot be
 * reversed by trying them all), shown as XXXX-XXXX-XXXX-XXXX.
 */
export function generateRecoveryCodes(): string[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(16);
    const chars = Array.from(bytes, (b) => alphabet[b & 31]).join('');
    return chars.match(/.{4}/g)?.join('-') ?? chars;
  });
}

/** What is stored for a recovery code: bound to the member, so equal codes of two members differ. */
export function recoveryCodeHash(memberId: number, code: string): string {
  return hashToken(`recovery:${memberId}:${normaliseSecondFactorCode(code)}`);
}

export interface TwoStepStatus {
  enabled: boolean;
  unusedRecoveryCodes: number;
  rememberedDevices: number;
}

/** Whether two-step login is on, and how many recovery codes and remembered devices are left. */
export async function getTwoStepStatus(deps: AppDeps, memberId: number): Promise<TwoStepStatus> {
  const member = await findMemberById(deps.db, memberId);
  if (!member?.two_step_enabled) return { enabled: false, unusedRecoveryCodes: 0, rememberedDevices: 0 };
  const [unusedRecoveryCodes, rememberedDevices] = await Promise.all([
    countUnusedRecoveryCodes(deps.db, memberId),
    countRememberedDevices(deps.db, memberId, deps.now()),
  ]);
  return { enabled: true, unusedRecoveryCodes, rememberedDevices };
}

export type BeginTwoStepResult =
  | { ok: true; secret: string; uri: string; qrSvg: string }
  | Failure<'two_step_already_on'>;

/**
 * Step 1 of turning two-step login on: a new secret (kept, encrypted, until confirmed; shown again if the
 * page is reloaded), its otpauth URI and the QR code of it as SVG, drawn on the server.
 */
export async function beginTwoStepSetup(
  deps: AppDeps,
  member: Pick<CurrentMember, 'id' | 'userId'>,
): Promise<BeginTwoStepResult> {
  const keys = deps.config.dataKeys;
  const existing = await findTotp(deps.db, member.id);
  if (existing?.confirmed_at) return { ok: false, code: 'two_step_already_on' };
  let secret = existing ? decrypt(keys, existing.secret_enc) : undefined;
  if (!secret) {
    secret = generateTotpSecret();
    if (!(await upsertUnconfirmedTotp(deps.db, member.id, encrypt(keys, secret), deps.now())))
      return { ok: false, code: 'two_step_already_on' };
  }
  const uri = totpUri(secret, 'cardnavi', member.userId);
  return { ok: true, secret, uri, qrSvg: renderSVG(uri, { border: 2 }) };
}

export type ConfirmTwoStepResult =
  | { ok: true; recoveryCodes: string[] }
  | ReauthFailure
  | Failure<'wrong_code' | 'two_step_not_started'>;

/**
 * Step 2: the current password and a first code from the app. Then two-step login is on, ten recovery
 * codes are made (returned once, stored hashed), every other session and pending token (reset link, a
 * service's tokens) ends (a credential changed) and the member is told by mail.
 */
export async function confirmTwoStepSetup(
  deps: AppDeps,
  member: CurrentMember,
  input: { password: string; code: string },
  client: SignInClient,
): Promise<ConfirmTwoStepResult> {
  const check = await verifyCurrentPassword(deps, member.id, input.password);
  if (!check.ok) return check;
  const totp = await findTotp(deps.db, member.id);
  if (!totp || totp.confirmed_at) return { ok: false, code: 'two_step_not_started' };
  const now = deps.now();
  const step = matchTotpStep(
    decrypt(deps.config.dataKeys, totp.secret_enc),
    normaliseSecondFactorCode(input.code),
    now,
  );
  if (step === undefined) return { ok: false, code: 'wrong_code' };
  const codes = generateRecoveryCodes();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await confirmTotp(trx, member.id, step, now)))
      return { ok: false, code: 'two_step_not_started' } as const;
    await replaceRecoveryCodes(
      trx,
      member.id,
      codes.map((c) => recoveryCodeHash(member.id, c)),
    );
    await revokePendingTokens(trx, member);
    const revoked = await deleteMemberSessions(trx, member.id, member.sessionTokenHash);
    await recordAuthEvent(trx, {
      kind: 'two_step_on',
      memberId: member.id,
      reason: `sessions_revoked_${revoked}`,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    await enqueueMail(trx, deps.config, {
      to: member.email,
      lang: member.lang,
      template: 'two_step_on',
      params: { userId: member.userId, resetLink: '/forgot/password' },
    });
    return { ok: true, recoveryCodes: codes } as const;
  });
}

/**
 * Turns two-step login on with a given secret, without the member's confirmation (the demo seed, whose
 * secret the development top page shows). Does nothing when it is already on. Returns the recovery codes
 * made, or undefined.
 */
export async function turnOnTwoStepWithSecret(
  deps: AppDeps,
  memberId: number,
  secret: string,
): Promise<string[] | undefined> {
  const codes = generateRecoveryCodes();
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    if (!(await upsertUnconfirmedTotp(trx, memberId, encrypt(deps.config.dataKeys, secret), now)))
      return undefined;
    // Step 0 lies before every real code, so the first real code is accepted.
    if (!(await confirmTotp(trx, memberId, 0, now))) return undefined;
    await replaceRecoveryCodes(
      trx,
      memberId,
      codes.map((c) => recoveryCodeHash(memberId, c)),
    );
    return codes;
  });
}

export type TwoStepChangeResult = { ok: true } | ReauthFailure | Failure<'two_step_not_on'>;

/**
 * The member turns two-step login off (password again): secret, codes and remembered devices go. A weaker
 * sign-in is a change of credential: every other session, pending sign-in and pending token ends (a reset link
 * or a service's refresh token obtained while the second factor was asked for must not outlive it), this
 * session stays.
 */
export async function turnOffTwoStep(
  deps: AppDeps,
  member: CurrentMember,
  password: string,
  client: SignInClient,
): Promise<TwoStepChangeResult> {
  const check = await verifyCurrentPassword(deps, member.id, password);
  if (!check.ok) return check;
  return deps.db.transaction().execute(async (trx) => {
    if (!(await deleteTwoStep(trx, member.id))) return { ok: false, code: 'two_step_not_on' } as const;
    await revokePendingTokens(trx, member);
    await deletePendingLogins(trx, member.id);
    const revoked = await deleteMemberSessions(trx, member.id, member.sessionTokenHash);
    await recordAuthEvent(trx, {
      kind: 'two_step_off',
      memberId: member.id,
      reason: `by_member_sessions_revoked_${revoked}`,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    await mailTwoStepOff(
      trx,
      deps,
      { email: member.email, lang: member.lang, userId: member.userId },
      'member',
    );
    return { ok: true } as const;
  });
}

/**
 * The contact center removes a member's two-step login (a supervisor, after identity verification; the
 * caller writes the audit row in the same transaction). Every session and pending sign-in ends and the
 * member is mailed. Returns whether it was on.
 */
export async function removeTwoStepBySupport(
  trx: Transaction<Database>,
  deps: AppDeps,
  memberId: number,
): Promise<boolean> {
  const member = await findMemberById(trx, memberId);
  if (!member || !(await deleteTwoStep(trx, memberId))) return false;
  const revoked = await deleteMemberSessions(trx, memberId);
  await deletePendingLogins(trx, memberId);
  await recordAuthEvent(trx, {
    kind: 'two_step_off',
    memberId,
    reason: `by_support_sessions_revoked_${revoked}`,
  });
  await mailTwoStepOff(
    trx,
    deps,
    { email: member.email, lang: member.lang, userId: member.user_id },
    'support',
  );
  return true;
}

async function mailTwoStepOff(
  trx: Transaction<Database>,
  deps: AppDeps,
  member: { email: string; lang: 'ja' | 'en'; userId: string },
  by: 'member' | 'support',
) {
  await enqueueMail(trx, deps.config, {
    to: member.email,
    lang: member.lang,
    template: 'two_step_off',
    params: {
      userId: member.userId,
      by: translate(member.lang, by === 'member' ? 'mail.twoStepOff.byMember' : 'mail.twoStepOff.bySupport'),
      resetLink: '/forgot/password',
    },
  });
}

export type RenewRecoveryCodesResult =
  | { ok: true; recoveryCodes: string[] }
  | ReauthFailure
  | Failure<'two_step_not_on'>;

/** New recovery codes (password again); the old ones stop working. */
export async function renewRecoveryCodes(
  deps: AppDeps,
  member: CurrentMember,
  password: string,
  client: SignInClient,
): Promise<RenewRecoveryCodesResult> {
  const check = await verifyCurrentPassword(deps, member.id, password);
  if (!check.ok) return check;
  const codes = generateRecoveryCodes();
  return deps.db.transaction().execute(async (trx) => {
    const row = await findMemberById(trx, member.id);
    if (!row?.two_step_enabled) return { ok: false, code: 'two_step_not_on' } as const;
    await replaceRecoveryCodes(
      trx,
      member.id,
      codes.map((c) => recoveryCodeHash(member.id, c)),
    );
    await recordAuthEvent(trx, {
      kind: 'recovery_codes_renewed',
      memberId: member.id,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    return { ok: true, recoveryCodes: codes } as const;
  });
}

/** Every remembered browser asks for the second factor again. */
export async function forgetMyRememberedDevices(
  deps: AppDeps,
  memberId: number,
  client: SignInClient,
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const n = await forgetRememberedDevices(trx, memberId);
    await recordAuthEvent(trx, {
      kind: 'remembered_devices_forgotten',
      memberId,
      reason: `devices_${n}`,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    return n;
  });
}

interface SecondFactorMember {
  id: number;
  user_id: string;
  email: string;
  lang: 'ja' | 'en';
}

export type SecondFactorResult<T> =
  | { ok: true; value: T; method: 'totp' | 'recovery_code' }
  /** A01: the account is locked (the attempts ran out); nothing was evaluated. */
  | Failure<'A01' | 'wrong_code' | 'second_step_expired'>;

class Abandon extends Error {}

/**
 * Checks a second-factor code (a TOTP code or a recovery code) and, in the same transaction as the code is
 * used up, runs `complete` (e.g. start the session). The attempt is reserved first on the member's login
 * counter in one guarded UPDATE — the same counter and lock as passwords — so concurrent guesses are never
 * evaluated beyond the limit. A TOTP step is accepted once (compare-and-swap), a recovery code once
 * (guarded UPDATE). If `complete` answers undefined (e.g. the pending login was used meanwhile) nothing is
 * used up.
 */
export async function checkSecondFactor<T>(
  deps: AppDeps,
  member: SecondFactorMember,
  code: string,
  client: SignInClient,
  complete: (trx: Transaction<Database>) => Promise<T | undefined>,
): Promise<SecondFactorResult<T>> {
  const { db, config } = deps;
  const now = deps.now();
  const reserved = await reserveLoginAttempt(db, member.id, config.login.maxFailures, now);
  if (!reserved) return { ok: false, code: 'A01' };
  const normalised = normaliseSecondFactorCode(code);
  let step: number | undefined;
  let recoveryHash: string | undefined;
  if (/^\d{6}$/.test(normalised)) {
    const totp = await findTotp(db, member.id);
    if (totp?.confirmed_at) step = matchTotpStep(decrypt(config.dataKeys, totp.secret_enc), normalised, now);
  } else if (/^[A-Z2-7]{16}$/.test(normalised)) {
    recoveryHash = recoveryCodeHash(member.id, normalised);
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const accepted =
        step !== undefined
          ? await acceptTotpStep(trx, member.id, step)
          : recoveryHash !== undefined && (await useRecoveryCode(trx, member.id, recoveryHash, now));
      if (!accepted) {
        const reason = step !== undefined ? 'second_factor_replayed' : 'wrong_second_factor';
        await recordFailedAttempt(trx, deps, member, reserved, reason, client);
        return { ok: false, code: 'wrong_code' } as const;
      }
      await clearLoginFailures(trx, member.id);
      const value = await complete(trx);
      if (value === undefined) throw new Abandon();
      return { ok: true, value, method: step !== undefined ? 'totp' : 'recovery_code' } as const;
    });
  } catch (e) {
    if (e instanceof Abandon) return { ok: false, code: 'second_step_expired' };
    throw e;
  }
}
