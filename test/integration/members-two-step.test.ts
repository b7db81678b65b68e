// Two-step login: RFC 6238 (TOTP, one use per time step), NIST SP 800-63B-4 §3.2.2 (throttling: the same
// guarded counter as passwords), ASVS 6.5 (single-use recovery codes stored hashed), OWASP Forgot Password
// (a reset link must not bypass the second factor).

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { logIn } from '../../src/members/login.ts';
import { completePasswordReset, issuePasswordReset } from '../../src/members/reset-password.ts';
import {
  beginTwoStepSetup,
  confirmTwoStepSetup,
  forgetMyRememberedDevices,
  getTwoStepStatus,
  removeTwoStepBySupport,
  turnOffTwoStep,
} from '../../src/members/two-step.ts';
import { completeTwoStepLogin, startPendingLogin } from '../../src/members/two-step-login.ts';
import { hashToken } from '../../src/security/tokens.ts';
import { currentTotpCode } from '../../src/security/totp.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import { enableTwoStep, wrongCodes } from '../helpers/two-step.ts';

const client = { ip: '192.0.2.10', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0' };

describe.each(databaseKinds())('two-step login on %s', (kind) => {
  // One database per engine for the file (each test makes its own member); the clock is reset after each.
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { LOGIN_MAX_FAILURES: '10' });
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => {
    t.setNow(undefined);
  });

  const sessionsOf = (memberId: number) =>
    t.deps.db.selectFrom('member_sessions').select('token_hash').where('member_id', '=', memberId).execute();
  const eventsOf = (memberId: number) =>
    t.deps.db
      .selectFrom('auth_events')
      .select(['kind', 'reason', 'method'])
      .where('member_id', '=', memberId)
      .orderBy('id')
      .execute();
  const passwordStep = async (
    identifier: string,
    password: string,
    deviceHash: string | null = null,
    deps: typeof t.deps = t.deps,
  ) => {
    const r = await logIn(deps, { identifier, password }, { ...client, deviceHash });
    if (r.ok || r.code !== 'second_factor_required')
      throw new Error(`expected a second step, got ${JSON.stringify(r)}`);
    return r.pendingToken;
  };

  it('asks for the code after the right password and opens no session before it', async () => {
    const m = await createMember(t.deps);
    const two = await enableTwoStep(t.deps, m.id);
    const pending = await passwordStep(m.userId, m.password);
    expect(await sessionsOf(m.id)).toHaveLength(0);
    const done = await completeTwoStepLogin(
      t.deps,
      pending,
      { code: two.code(), rememberDevice: false },
      client,
    );
    expect(done).toMatchObject({ ok: true, memberId: m.id });
    if (!done.ok) return;
    expect((await sessionsOf(m.id)).map((s) => s.token_hash)).toEqual([hashToken(done.sessionToken)]);
    expect((await eventsOf(m.id)).filter((e) => e.kind === 'login_success')).toEqual([
      { kind: 'login_success', reason: null, method: 'two_step' },
    ]);
    // The pending login was used up with it.
    expect(
      await completeTwoStepLogin(t.deps, pending, { code: two.code(), rememberDevice: false }, client),
    ).toEqual({ ok: false, code: 'second_step_expired' });
  });

  it('a wrong password for a two-step member is the same L01 as for anyone (no hint that a code would follow)', async () => {
    const m = await createMember(t.deps);
    await enableTwoStep(t.deps, m.id);
    const r = await logIn(t.deps, { identifier: m.userId, password: 'not-the-password-1' }, client);
    expect(r).toMatchObject({ ok: false, code: 'L01' });
  });

  it('refuses a TOTP code that was already used (replay)', async () => {
    const m = await createMember(t.deps);
    const two = await enableTwoStep(t.deps, m.id);
    const code = two.code();
    const first = await passwordStep(m.userId, m.password);
    expect((await completeTwoStepLogin(t.deps, first, { code, rememberDevice: false }, client)).ok).toBe(
      true,
    );
    const second = await passwordStep(m.userId, m.password);
    expect(await completeTwoStepLogin(t.deps, second, { code, rememberDevice: false }, client)).toEqual({
      ok: false,
      code: 'wrong_code',
    });
    expect((await eventsOf(m.id)).some((e) => e.reason === 'second_factor_replayed')).toBe(true);
    expect(await sessionsOf(m.id)).toHaveLength(1);
  });

  it('evaluates at most the limit of 200 simultaneous wrong codes, locks once, mails once, then refuses the right code', async () => {
    const m = await createMember(t.deps);
    const two = await enableTwoStep(t.deps, m.id);
    const pending = await passwordStep(m.userId, m.password);
    const results = await Promise.all(
      wrongCodes(two.secret, t.deps.now(), 200).map((code) =>
        completeTwoStepLogin(t.deps, pending, { code, rememberDevice: false }, client),
      ),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    const events = await eventsOf(m.id);
    // The password step reserved one of the 10 attempts; the codes get the other 9, never more.
    expect(events.filter((e) => e.reason === 'wrong_second_factor')).toHaveLength(9);
    expect(events.filter((e) => e.kind === 'login_lock')).toHaveLength(1);
    const lockMails = (await listRecentMail(t.deps.db, t.deps.config, 50, m.email)).filter((x) =>
      /locked|ロック/.test(x.subject),
    );
    expect(lockMails).toHaveLength(1);
    const right = await completeTwoStepLogin(
      t.deps,
      pending,
      { code: two.code(), rememberDevice: false },
      client,
    );
    expect(right.ok).toBe(false);
    expect(await sessionsOf(m.id)).toHaveLength(0);
  });

  it('accepts a recovery code once, even when it is sent 20 times at the same moment', async () => {
    // 20 reservations on one member: a limit above 20, so the lock does not decide the outcome.
    const roomy = {
      ...t.deps,
      config: { ...t.deps.config, login: { ...t.deps.config.login, maxFailures: 100 } },
    };
    const m = await createMember(t.deps);
    const two = await enableTwoStep(t.deps, m.id);
    const pendings = await Promise.all(
      Array.from({ length: 20 }, () => startPendingLogin(roomy, m.id, client)),
    );
    const code = two.recoveryCodes[3]!.toLowerCase();
    const results = await Promise.all(
      pendings.map((p) => completeTwoStepLogin(roomy, p, { code, rememberDevice: false }, client)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'wrong_code')).toHaveLength(19);
    expect(await sessionsOf(m.id)).toHaveLength(1);
    expect(await getTwoStepStatus(t.deps, m.id)).toMatchObject({ enabled: true, unusedRecoveryCodes: 9 });
    // Another code still works, typed with spaces instead of hyphens. The 19 refused copies counted as failed
    // second steps; those that committed after the success may exceed the default limit, so the same roomy limit.
    const next = await passwordStep(m.userId, m.password, null, roomy);
    const spaced = two.recoveryCodes[4]!.replaceAll('-', ' ');
    expect(
      (await completeTwoStepLogin(roomy, next, { code: spaced, rememberDevice: false }, client)).ok,
    ).toBe(true);
  });

  it('stores recovery codes only as hashes', async () => {
    const m = await createMember(t.deps);
    const two = await enableTwoStep(t.deps, m.id);
    const rows = await t.deps.db
      .selectFrom('member_recovery_codes')
      .selectAll()
      .where('member_id', '=', m.id)
      .execute();
    expect(rows).toHaveLength(10);
    const stored = JSON.stringify(rows);
    for (const c of two.recoveryCodes) {
      expect(stored).not.toContain(c);
      expect(stored).not.toContain(c.replaceAll('-', ''));
    }
  });

  it('remembers a device for 30 days on that browser only, until the member revokes it', async () => {
    const m = await createMember(t.deps);
    const two = await enableTwoStep(t.deps, m.id);
    const pending = await passwordStep(m.userId, m.password, 'device-a');
    const done = await completeTwoStepLogin(
      t.deps,
      pending,
      { code: two.code(), rememberDevice: true },
      { ...client, deviceHash: 'device-a' },
    );
    expect(done.ok).toBe(true);
    const again = await logIn(
      t.deps,
      { identifier: m.userId, password: m.password },
      { ...client, deviceHash: 'device-a' },
    );
    expect(again.ok).toBe(true);
    await passwordStep(m.userId, m.password, 'device-b');
    const start = t.deps.now();
    t.setNow(new Date(start.getTime() + 31 * 24 * 3600_000));
    await passwordStep(m.userId, m.password, 'device-a');
    t.setNow(undefined);
    expect(
      (
        await logIn(
          t.deps,
          { identifier: m.userId, password: m.password },
          { ...client, deviceHash: 'device-a' },
        )
      ).ok,
    ).toBe(true);
    expect(await forgetMyRememberedDevices(t.deps, m.id, client)).toBe(1);
    await passwordStep(m.userId, m.password, 'device-a');
  });

  it('lets a pending login expire after 5 minutes', async () => {
    const m = await createMember(t.deps);
    const two = await enableTwoStep(t.deps, m.id);
    const pending = await passwordStep(m.userId, m.password);
    const later = new Date(t.deps.now().getTime() + 6 * 60_000);
    t.setNow(later);
    expect(
      await completeTwoStepLogin(t.deps, pending, { code: two.code(later), rememberDevice: false }, client),
    ).toEqual({ ok: false, code: 'second_step_expired' });
  });

  it('a password reset link alone never replaces the password of a two-step member', async () => {
    const m = await createMember(t.deps);
    const two = await enableTwoStep(t.deps, m.id);
    const resetToken = async () => {
      await issuePasswordReset(t.deps, m.id);
      const [mail] = await listRecentMail(t.deps.db, t.deps.config, 1, m.email);
      return new URL(/https?:\/\/\S+reset-password\S+/.exec(mail!.text)![0]).searchParams.get('token')!;
    };
    const token = await resetToken();
    const newPassword = 'a-brand-new-password-2026';
    expect(await completePasswordReset(t.deps, token, newPassword)).toEqual({
      ok: false,
      code: 'second_factor_required',
    });
    expect(
      await completePasswordReset(t.deps, token, newPassword, {
        code: wrongCodes(two.secret, t.deps.now(), 1)[0]!,
        client,
      }),
    ).toEqual({
      ok: false,
      code: 'wrong_code',
    });
    // The old password still works (and still leads to the second step).
    await passwordStep(m.userId, m.password);
    const done = await completePasswordReset(t.deps, token, newPassword, {
      code: two.recoveryCodes[0]!,
      client,
    });
    expect(done).toEqual({ ok: true, userId: m.userId });
    await passwordStep(m.userId, newPassword);
  });

  it('turning it on needs the password and a first code, gives ten recovery codes, ends other sessions and mails the member', async () => {
    const m = await createMember(t.deps, { lang: 'en' });
    const other = await logIn(t.deps, { identifier: m.userId, password: m.password }, client);
    const mine = await logIn(t.deps, { identifier: m.userId, password: m.password }, client);
    if (!other.ok || !mine.ok) throw new Error('login failed');
    const current = {
      id: m.id,
      userId: m.userId,
      email: m.email,
      userIdIsEmail: false,
      lang: 'en' as const,
      sessionTokenHash: hashToken(mine.sessionToken),
    };
    const begun = await beginTwoStepSetup(t.deps, current);
    if (!begun.ok) throw new Error('setup refused');
    expect(begun.uri).toMatch(/^otpauth:\/\/totp\/cardnavi:.*secret=/);
    expect(begun.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    // Reloading the page shows the same secret (the app may have scanned it already).
    expect(await beginTwoStepSetup(t.deps, current)).toMatchObject({ secret: begun.secret });
    const code = currentTotpCode(begun.secret, t.deps.now());
    expect(
      await confirmTwoStepSetup(t.deps, current, { password: 'wrong-password-here', code }, client),
    ).toEqual({
      ok: false,
      code: 'wrong_password',
    });
    expect(
      await confirmTwoStepSetup(
        t.deps,
        current,
        { password: m.password, code: wrongCodes(begun.secret, t.deps.now(), 1)[0]! },
        client,
      ),
    ).toEqual({ ok: false, code: 'wrong_code' });
    const on = await confirmTwoStepSetup(t.deps, current, { password: m.password, code }, client);
    if (!on.ok) throw new Error(`not on: ${on.code}`);
    expect(on.recoveryCodes).toHaveLength(10);
    expect(new Set(on.recoveryCodes).size).toBe(10);
    expect((await sessionsOf(m.id)).map((s) => s.token_hash)).toEqual([current.sessionTokenHash]);
    const [mail] = await listRecentMail(t.deps.db, t.deps.config, 1, m.email);
    expect(mail!.subject).toContain('Two-step login is on');
    // The code that turned it on cannot be used again to sign in.
    const pending = await passwordStep(m.userId, m.password);
    expect((await completeTwoStepLogin(t.deps, pending, { code, rememberDevice: false }, client)).ok).toBe(
      false,
    );
    expect(await beginTwoStepSetup(t.deps, current)).toEqual({ ok: false, code: 'two_step_already_on' });
  });

  it('turning it off needs the password; afterwards the password alone signs in', async () => {
    const m = await createMember(t.deps);
    await enableTwoStep(t.deps, m.id);
    const current = {
      id: m.id,
      userId: m.userId,
      email: m.email,
      userIdIsEmail: false,
      lang: 'ja' as const,
      sessionTokenHash: 'x',
    };
    expect(await turnOffTwoStep(t.deps, current, 'wrong-password-here', client)).toEqual({
      ok: false,
      code: 'wrong_password',
    });
    expect(await turnOffTwoStep(t.deps, current, m.password, client)).toEqual({ ok: true });
    expect((await logIn(t.deps, { identifier: m.userId, password: m.password }, client)).ok).toBe(true);
    expect(await getTwoStepStatus(t.deps, m.id)).toEqual({
      enabled: false,
      unusedRecoveryCodes: 0,
      rememberedDevices: 0,
    });
  });

  it('removal by the contact center ends every session and pending sign-in and mails the member', async () => {
    const m = await createMember(t.deps, { lang: 'en' });
    const two = await enableTwoStep(t.deps, m.id);
    const pending = await passwordStep(m.userId, m.password);
    const removed = await t.deps.db.transaction().execute((trx) => removeTwoStepBySupport(trx, t.deps, m.id));
    expect(removed).toBe(true);
    expect(
      await completeTwoStepLogin(t.deps, pending, { code: two.code(), rememberDevice: false }, client),
    ).toEqual({
      ok: false,
      code: 'second_step_expired',
    });
    const [mail] = await listRecentMail(t.deps.db, t.deps.config, 1, m.email);
    expect(mail!.subject).toContain('Two-step login was turned off');
    expect(mail!.text).toContain('contact center');
  });
});
