import { setTimeout as sleep } from 'node:timers/promises';
import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { getDummyHash, hashSecret, needsRehash, verifySecret } from '../security/password.ts';
import { tryConsume } from '../security/rate-limit.ts';
import { recordFailedAttempt } from './attempts.ts';
import { isEmailShape, looksSwapped } from './identity.ts';
import { clearLoginFailures, findMemberAndReserveLogin, recordAuthEvent } from './repository.ts';
import { isDeviceRemembered } from './sign-in-repository.ts';
import { type SignInClient, startSignedInSession } from './sign-ins.ts';
import { startPendingLogin } from './two-step-login.ts';

export interface LoginInput {
  /** Normalised user ID or email. */
  identifier: string;
  password: string;
}

export type ClientInfo = SignInClient;

export type LoginResult =
  | { ok: true; memberId: number; sessionToken: string }
  /** L01 covers unknown ID, wrong password and locked account alike (ASVS 6.3.8). */
  | Failure<'L01', { swappedHint: boolean }>
  | Failure<'M01' | 'R01'>
  /**
   * The password was right and the member has two-step login: no session yet. The caller keeps
   * `pendingToken` (a cookie) and asks for the code; completeTwoStepLogin finishes the sign-in.
   */
  | Failure<'second_factor_required', { pendingToken: string }>;

/** Delay before answering, by consecutive failures for the typed identifier (known or not, so it reveals nothing). */
export function progressiveDelayMs(failures: number, baseMs: number): number {
  if (baseMs === 0 || failures < 3) return 0;
  return Math.min(baseMs * 2 ** (failures - 3), 4_000);
}

/**
 * Logs a member in. Every path that does not prove the password costs one argon2 verification, so unknown
 * IDs, wrong passwords and locked accounts look and take the same. The account counter is reserved before
 * the password is checked, in one guarded UPDATE, so concurrent guesses cannot exceed the limit.
 */
export async function logIn(deps: AppDeps, input: LoginInput, client: ClientInfo): Promise<LoginResult> {
  const { db, config, limiters, now } = deps;
  // The per-IP budget and the identifier's failure count (for the progressive delay) in parallel; a refused
  // request never touches the account. Then one statement finds the member and reserves the attempt (or makes
  // the unknown-ID stand-in write): every round trip before the hash is time the argon2 threads sit idle.
  const [allowed, failureState] = await Promise.all([
    tryConsume(limiters.loginByIp, client.ip),
    limiters.loginFailuresByIdentifier.get(input.identifier),
  ]);
  if (!allowed) return { ok: false, code: 'R01' };
  const failures = failureState?.consumedPoints ?? 0;
  const delay = progressiveDelayMs(failures, config.login.delayMs);
  if (delay > 0) await sleep(delay);
  const { member, reserved } = await findMemberAndReserveLogin(
    db,
    input.identifier,
    isEmailShape(input.identifier),
    config.login.maxFailures,
    now(),
  );
  const hashToCheck = member && reserved ? member.password_hash : await getDummyHash();
  const passwordMatches = (await verifySecret(hashToCheck, input.password)) && Boolean(member && reserved);

  if (!member || !reserved || !passwordMatches) {
    const reason = !member ? 'unknown_id' : !reserved ? 'locked' : 'wrong_password';
    await db.transaction().execute((trx) => recordFailedAttempt(trx, deps, member, reserved, reason, client));
    await limiters.loginFailuresByIdentifier.penalty(input.identifier, 1);
    return { ok: false, code: 'L01', swappedHint: looksSwapped(input.identifier, input.password) };
  }

  if (failures > 0) await limiters.loginFailuresByIdentifier.delete(input.identifier);
  if (member.status === 'force_withdrawn') {
    await db.transaction().execute(async (trx) => {
      await clearLoginFailures(trx, member.id);
      await recordAuthEvent(trx, {
        kind: 'login_failure',
        memberId: member.id,
        reason: 'force_withdrawn',
        ...clientFields(client),
      });
    });
    return { ok: false, code: 'M01' };
  }
  const newHash = needsRehash(member.password_hash) ? await hashSecret(input.password) : undefined;
  // Two-step login: the password alone opens no session. `two_step_enabled` came with the member row, so
  // members without it pay no extra query here. The reserved attempt stays counted until the second step
  // succeeds, so password-then-code rounds share the one limit.
  if (member.two_step_enabled) {
    const remembered =
      client.deviceHash && (await isDeviceRemembered(db, member.id, client.deviceHash, now()));
    if (!remembered) {
      const pendingToken = await startPendingLogin(deps, member.id, client, newHash);
      return { ok: false, code: 'second_factor_required', pendingToken };
    }
  }
  const sessionToken = await startSignedInSession(
    db,
    deps,
    member,
    member.two_step_enabled ? 'two_step' : 'password',
    client,
    newHash ? { newPasswordHash: newHash } : {},
  );
  return { ok: true, memberId: member.id, sessionToken };
}

function clientFields(client: ClientInfo) {
  return { ip: client.ip, userAgent: client.userAgent };
}
