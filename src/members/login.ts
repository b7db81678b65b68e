import { setTimeout as sleep } from 'node:timers/promises';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { errorHelpPath, type Failure } from '../errors/catalog.ts';
import { formatMoment } from '../i18n/format.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { locksTotal } from '../metrics.ts';
import { getDummyHash, hashSecret, needsRehash, verifySecret } from '../security/password.ts';
import { tryConsume } from '../security/rate-limit.ts';
import { generateToken, hashToken } from '../security/tokens.ts';
import { isEmailShape, looksSwapped } from './identity.ts';
import {
  clearLoginFailures,
  findMemberByUserId,
  findMembersByEmail,
  lockAccount,
  recordAuthEvent,
  recordLoginSuccess,
  reserveLoginAttempt,
  writeLoginDecoy,
} from './repository.ts';

export interface LoginInput {
  /** Normalised user ID or email. */
  identifier: string;
  password: string;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

export type LoginResult =
  | { ok: true; memberId: number; sessionToken: string }
  /** L01 covers unknown ID, wrong password and locked account alike (ASVS 6.3.8). */
  | Failure<'L01', { swappedHint: boolean }>
  | Failure<'M01' | 'R01'>;

/** Delay before answering, by consecutive failures for the typed identifier (known or not, so it reveals nothing). */
export function progressiveDelayMs(failures: number, baseMs: number): number {
  if (baseMs === 0 || failures < 3) return 0;
  return Math.min(baseMs * 2 ** (failures - 3), 4_000);
}

/**
 * Resolves the member an identifier names: the user ID itself, or an email that belongs to exactly one
 * member ID. An email shared by several IDs names none (the member is asked to use the user ID).
 */
async function resolveMember(deps: AppDeps, identifier: string) {
  const byId = await findMemberByUserId(deps.db, identifier);
  if (byId || !isEmailShape(identifier)) return byId;
  const byEmail = await findMembersByEmail(deps.db, identifier);
  return byEmail.length === 1 ? byEmail[0] : undefined;
}

/**
 * Logs a member in. Every path that does not prove the password costs one argon2 verification, so unknown
 * IDs, wrong passwords and locked accounts look and take the same. The account counter is reserved before
 * the password is checked, in one guarded UPDATE, so concurrent guesses cannot exceed the limit.
 */
export async function logIn(deps: AppDeps, input: LoginInput, client: ClientInfo): Promise<LoginResult> {
  const { db, config, limiters, now } = deps;
  // Independent look-ups in parallel: each is a round trip, and at a fixed number of connections every
  // millisecond spent waiting on the database is a millisecond the argon2 threads sit idle.
  const [allowed, failureState, member] = await Promise.all([
    tryConsume(limiters.loginByIp, client.ip),
    limiters.loginFailuresByIdentifier.get(input.identifier),
    resolveMember(deps, input.identifier),
  ]);
  if (!allowed) return { ok: false, code: 'R01' };
  const failures = failureState?.consumedPoints ?? 0;
  const delay = progressiveDelayMs(failures, config.login.delayMs);
  if (delay > 0) await sleep(delay);

  const reserved = member
    ? await reserveLoginAttempt(db, member.id, config.login.maxFailures, now())
    : undefined;
  if (!member) await writeLoginDecoy(db);
  const hashToCheck = member && reserved ? member.password_hash : await getDummyHash();
  const passwordMatches = (await verifySecret(hashToCheck, input.password)) && Boolean(member && reserved);

  if (!member || !reserved || !passwordMatches) {
    const reason = !member ? 'unknown_id' : !reserved ? 'locked' : 'wrong_password';
    // The account's bookkeeping (event, lock, mail) is one transaction. The lock step also runs when no
    // attempt could be reserved: its guard (failed_logins >= max) makes it a no-op under a lock in force,
    // and a counter left at the limit without a lock (an interrupted earlier attempt) is locked now.
    await db.transaction().execute(async (trx) => {
      await recordAuthEvent(trx, {
        kind: 'login_failure',
        memberId: member?.id ?? null,
        reason,
        ...clientFields(client),
      });
      if (member && (!reserved || reserved.failed_logins >= config.login.maxFailures)) {
        await lockAccountAndNotify(trx, deps, member, client);
      }
    });
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
  const sessionToken = generateToken();
  await recordLoginSuccess(db, {
    memberId: member.id,
    tokenHash: hashToken(sessionToken),
    now: now(),
    ...clientFields(client),
    ...(newHash ? { newPasswordHash: newHash } : {}),
  });
  return { ok: true, memberId: member.id, sessionToken };
}

/**
 * Locks an account whose reserved attempts are used up: the lock, one auth event and one mail to the owner,
 * all in the caller's transaction. Guarded, so of two concurrent callers only one locks and mails.
 */
export async function lockAccountAndNotify(
  trx: Transaction<Database>,
  deps: Pick<AppDeps, 'config' | 'now'>,
  member: { id: number; email: string; user_id: string; lang: 'ja' | 'en' },
  client: ClientInfo,
): Promise<void> {
  const { config } = deps;
  const lock = await lockAccount(
    trx,
    member.id,
    config.login.maxFailures,
    config.login.lockMinutes,
    config.login.lockMaxMinutes,
    deps.now(),
  );
  if (!lock?.locked_until) return;
  locksTotal.inc({ kind: 'login' });
  await recordAuthEvent(trx, {
    kind: 'login_lock',
    memberId: member.id,
    reason: `lock_${lock.lock_count}`,
    ...clientFields(client),
  });
  const permanent = lock.locked_until.getUTCFullYear() >= 9999;
  await enqueueMail(trx, config, {
    to: member.email,
    lang: member.lang,
    template: permanent ? 'login_locked_permanent' : 'login_locked',
    params: {
      userId: member.user_id,
      until: formatMoment(member.lang, lock.locked_until, config.contact.timeZone, 'minute'),
      resetLink: '/forgot/password',
      helpLink: errorHelpPath('A01'),
    },
  });
}

function clientFields(client: ClientInfo) {
  return { ip: client.ip, userAgent: client.userAgent };
}
