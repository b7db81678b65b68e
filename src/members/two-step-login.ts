import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { generateToken, hashToken } from '../security/tokens.ts';
import { updatePasswordHash } from './repository.ts';
import {
  consumePendingLogin,
  findPendingLogin,
  insertPendingLogin,
  rememberDevice,
} from './sign-in-repository.ts';
import { type SignInClient, startSignedInSession } from './sign-ins.ts';
import { checkSecondFactor, REMEMBER_DEVICE_MS } from './two-step.ts';

/** The second step must follow the password within 5 minutes. */
export const PENDING_LOGIN_MS = 5 * 60 * 1000;

/**
 * After a correct password of a member with two-step login: a short-lived pending login instead of a
 * session (256-bit token for a cookie, only its SHA-256 stored). A rehash of the password, if due, is
 * stored now: the password has been proven.
 */
export async function startPendingLogin(
  deps: AppDeps,
  memberId: number,
  client: SignInClient,
  newPasswordHash?: string,
): Promise<string> {
  const token = generateToken();
  const now = deps.now();
  await insertPendingLogin(deps.db, {
    tokenHash: hashToken(token),
    memberId,
    now,
    expiresAt: new Date(now.getTime() + PENDING_LOGIN_MS),
    deviceHash: client.deviceHash ?? null,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  if (newPasswordHash) await updatePasswordHash(deps.db, memberId, newPasswordHash);
  return token;
}

/** Whether a pending login is still waiting for its second step (the code page). */
export async function isPendingLoginLive(deps: AppDeps, pendingToken: string): Promise<boolean> {
  return (await findPendingLogin(deps.db, hashToken(pendingToken), deps.now())) !== undefined;
}

export type TwoStepLoginResult =
  | { ok: true; memberId: number; sessionToken: string }
  /** The pending login is unknown, expired or already used: start again at the password. */
  | Failure<'second_step_expired'>
  | Failure<'wrong_code'>
  /** The attempts ran out and the account is locked (the owner has been mailed). */
  | Failure<'A01'>
  | Failure<'M01'>;

/**
 * The second step of a sign-in: a code from the authenticator app or a recovery code. On success the
 * pending login is used up and the session starts in the same transaction; with `rememberDevice` this
 * browser skips the second step for 30 days (until revoked).
 */
export async function completeTwoStepLogin(
  deps: AppDeps,
  pendingToken: string,
  input: { code: string; rememberDevice: boolean },
  client: SignInClient,
): Promise<TwoStepLoginResult> {
  const tokenHash = hashToken(pendingToken);
  const pending = await findPendingLogin(deps.db, tokenHash, deps.now());
  if (!pending?.two_step_enabled) return { ok: false, code: 'second_step_expired' };
  if (pending.status !== 'active') return { ok: false, code: 'M01' };
  const deviceHash = client.deviceHash ?? pending.device_hash;
  const result = await checkSecondFactor(deps, pending, input.code, client, async (trx) => {
    const now = deps.now();
    if ((await consumePendingLogin(trx, tokenHash, now)) !== pending.id) return undefined;
    const sessionToken = await startSignedInSession(trx, deps, pending, 'two_step', {
      ...client,
      deviceHash,
    });
    if (input.rememberDevice && deviceHash)
      await rememberDevice(trx, pending.id, deviceHash, new Date(now.getTime() + REMEMBER_DEVICE_MS));
    return sessionToken;
  });
  if (!result.ok) return result;
  return { ok: true, memberId: pending.id, sessionToken: result.value };
}
