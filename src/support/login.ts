import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { locksTotal } from '../metrics.ts';
import { decrypt } from '../security/data-keys.ts';
import { getDummyHash, verifySecret } from '../security/password.ts';
import { tryConsume } from '../security/rate-limit.ts';
import { appendAudit, recordAudit } from './audit.ts';
import {
  acceptStaffLogin,
  findStaffByLogin,
  lockStaffAccount,
  reserveStaffLoginAttempt,
} from './repository.ts';
import { staffSessions } from './session.ts';
import { matchTotpStep } from './totp.ts';

/** PCI DSS 8.3.4: lock after at most 10 failed attempts, for at least 30 minutes. */
export const STAFF_MAX_FAILURES = 10;
export const STAFF_LOCK_MINUTES = 30;

export interface StaffLoginInput {
  /** Lower case. */
  login: string;
  password: string;
  code: string;
}

/**
 * One answer for every failure (unknown login, wrong password, wrong code, locked), except a code already used
 * with the right password: only someone holding both factors learns that, and they need to wait for the next code.
 */
export type StaffLoginResult =
  | { ok: true; sessionToken: string }
  | Failure<'staff_login_failed' | 'staff_code_reused' | 'R01'>;

/**
 * Staff login: password and TOTP, both mandatory (PCI DSS 8.4). An attempt is reserved with one guarded
 * UPDATE before anything is evaluated, so concurrent guesses never exceed the limit; every path without a
 * reservation still costs one argon2 verification, so a locked or unknown login looks the same. Failures
 * and locks are audited.
 */
export async function logInStaff(
  deps: AppDeps,
  input: StaffLoginInput,
  ip: string,
): Promise<StaffLoginResult> {
  const { db, config, limiters } = deps;
  if (!(await tryConsume(limiters.loginByIp, `staff:${ip}`))) return { ok: false, code: 'R01' };
  const now = deps.now();
  const staff = await findStaffByLogin(db, input.login);
  const reserved = staff ? await reserveStaffLoginAttempt(db, staff.id, STAFF_MAX_FAILURES, now) : undefined;
  const passwordOk = await verifySecret(
    staff && reserved ? staff.password_hash : await getDummyHash(),
    input.password,
  );
  const step =
    staff && reserved
      ? matchTotpStep(decrypt(config.dataKeys, staff.totp_secret_enc), input.code, now)
      : undefined;

  if (staff && reserved && passwordOk && step !== undefined && (await acceptStaffLogin(db, staff.id, step))) {
    const sessionToken = await staffSessions.create(db, staff.id, now, undefined);
    await recordAudit(db, { at: now, staffId: staff.id, action: 'staff.login', after: { ip } });
    return { ok: true, sessionToken };
  }

  const reason = !staff
    ? 'unknown_login'
    : !reserved
      ? 'locked'
      : passwordOk && step !== undefined
        ? 'code_reused'
        : 'wrong_credentials';
  await db.transaction().execute(async (trx) => {
    await appendAudit(trx, {
      at: now,
      staffId: staff?.id ?? null,
      action: 'staff.login_failure',
      after: { reason, ip },
    });
    if (staff && reserved && reserved.failed_logins >= STAFF_MAX_FAILURES) {
      const until = new Date(now.getTime() + STAFF_LOCK_MINUTES * 60_000);
      if (await lockStaffAccount(trx, staff.id, STAFF_MAX_FAILURES, until)) {
        locksTotal.inc({ kind: 'staff' });
        await appendAudit(trx, { at: now, staffId: staff.id, action: 'staff.lock', after: { until } });
      }
    }
  });
  deps.log.warn({ staffLogin: staff ? staff.id : null, reason }, 'staff login failed');
  return { ok: false, code: reason === 'code_reused' ? 'staff_code_reused' : 'staff_login_failed' };
}
