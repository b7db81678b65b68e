import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { errorHelpPath } from '../errors/catalog.ts';
import { formatMoment } from '../i18n/format.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { locksTotal } from '../metrics.ts';
import type { AuthEventReason } from './auth-event-reasons.ts';
import { lockAccount, recordAuthEvent } from './repository.ts';
import { deletePendingLogins } from './sign-in-repository.ts';
import type { SignInClient } from './sign-ins.ts';

interface LockTarget {
  id: number;
  user_id: string;
  email: string;
  lang: 'ja' | 'en';
}

/**
 * A failed check (password or second factor): one auth event; when it used the last reserved attempt, the
 * account locks (15 min, doubling, capped; endless after 100 failures in a row) and the owner gets one mail.
 */
export async function recordFailedAttempt(
  trx: Transaction<Database>,
  deps: AppDeps,
  member: LockTarget | undefined,
  reserved: { failed_logins: number } | undefined,
  reason: AuthEventReason,
  client: SignInClient,
) {
  const { config } = deps;
  await recordAuthEvent(trx, {
    kind: 'login_failure',
    memberId: member?.id ?? null,
    reason,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  // The lock step also runs when no attempt could be reserved: its guard (failed_logins >= max) makes it a
  // no-op under a lock in force, and a counter left at the limit without a lock (an interrupted earlier
  // attempt) is locked now.
  if (member && (!reserved || reserved.failed_logins >= config.login.maxFailures))
    await lockAccountAndNotify(trx, deps, member, client);
}

/**
 * Locks an account whose reserved attempts are used up: the lock, one auth event and one mail to the owner,
 * all in the caller's transaction, and any second step waiting for a code is dropped. Guarded, so of two
 * concurrent callers only one locks and mails.
 */
export async function lockAccountAndNotify(
  trx: Transaction<Database>,
  deps: Pick<AppDeps, 'config' | 'now'>,
  member: LockTarget,
  client: SignInClient,
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
    ip: client.ip,
    userAgent: client.userAgent,
  });
  await deletePendingLogins(trx, member.id);
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
