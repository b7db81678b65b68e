// Login hardening: ASVS 5.0 V6.3 (no enumeration), NIST SP 800-63B-4 §3.2.2 (throttling ≤ 100 failures),
// ASVS V7.2 (new session token at login, server-side logout, idle 30 min / absolute 12 h).

import { hash } from '@node-rs/argon2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { logIn, progressiveDelayMs } from '../../src/members/login.ts';
import { hashToken } from '../../src/security/tokens.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';

/** The login page's body with what legitimately differs (the typed identifier, the per-response CSP nonce) taken out. */
async function comparableBody(res: Response, identifier: string) {
  return (await res.text()).replaceAll(identifier, '<identifier>').replace(/nonce="[^"]+"/g, 'nonce=""');
}

describe.each(databaseKinds())('POST /login on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind, { LOGIN_MAX_FAILURES: '10' });
  });
  afterEach(async () => {
    await t.close();
  });

  it('logs in by user ID or by email, folding full-width and upper case, and lands on the portal', async () => {
    const m = await createMember(t.deps, {
      userId: 'taro0123',
      email: 'taro@example.jp',
      password: 'fuji-san-3776m',
    });
    const byId = await new TestClient(t).login('ＴＡＲＯ0123', m.password);
    expect(byId.status).toBe(303);
    expect(byId.headers.get('location')).toBe('/portal');
    const byEmail = await new TestClient(t).login('Taro@Example.JP', m.password);
    expect(byEmail.status).toBe(303);
  });

  it('gives the same status and body for an unknown ID, a wrong password and a locked account', async () => {
    const m = await createMember(t.deps, { userId: 'known-member', password: 'the-right-password-1' });
    const client = new TestClient(t);
    const unknown = await client.login('unknown-member', 'some-password-1');
    const wrong = await client.login('known-member', 'some-password-1');
    await t.deps.db
      .updateTable('members')
      .set({ locked_until: new Date(Date.now() + 3600_000) })
      .where('id', '=', m.id)
      .execute();
    const locked = await client.login('known-member', m.password);
    expect([unknown.status, wrong.status, locked.status]).toEqual([401, 401, 401]);
    const a = await comparableBody(unknown, 'unknown-member');
    const b = await comparableBody(wrong, 'known-member');
    const c = await comparableBody(locked, 'known-member');
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(a).toContain('L01');
  });

  it('never evaluates more than the limit under 200 simultaneous wrong passwords, then refuses the right one', async () => {
    const m = await createMember(t.deps, { userId: 'target-member', password: 'the-right-password-1' });
    const client = { ip: '192.0.2.1', userAgent: 'test' };
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        logIn(t.deps, { identifier: 'target-member', password: `wrong-${i}-password` }, client),
      ),
    );
    expect(results.every((r) => !r.ok && r.code === 'L01')).toBe(true);
    const events = await t.deps.db
      .selectFrom('auth_events')
      .select(['kind', 'reason'])
      .where('member_id', '=', m.id)
      .execute();
    const evaluated = events.filter(
      (e) => e.kind === 'login_failure' && e.reason === 'wrong_password',
    ).length;
    expect(evaluated).toBe(10);
    expect(events.filter((e) => e.kind === 'login_lock')).toHaveLength(1);
    const after = await logIn(t.deps, { identifier: 'target-member', password: m.password }, client);
    expect(after).toMatchObject({ ok: false, code: 'L01' });
    const mails = await listRecentMail(t.deps.db, t.deps.config, 10, m.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('ロック');
  });

  it('unlocks when the lock time has passed, and doubles the next lock', async () => {
    const m = await createMember(t.deps, { userId: 'lock-doubler', password: 'the-right-password-1' });
    const client = { ip: '192.0.2.2', userAgent: null };
    const start = new Date('2026-11-28T00:00:00Z');
    t.setNow(start);
    for (let i = 0; i < 10; i++)
      await logIn(t.deps, { identifier: m.userId, password: `nope-${i}-nope` }, client);
    const first = await t.deps.db
      .selectFrom('members')
      .select('locked_until')
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(first.locked_until?.getTime()).toBe(start.getTime() + 15 * 60_000);

    t.setNow(new Date(start.getTime() + 16 * 60_000));
    for (let i = 0; i < 10; i++)
      await logIn(t.deps, { identifier: m.userId, password: `nope-${i}-again` }, client);
    const second = await t.deps.db
      .selectFrom('members')
      .select('locked_until')
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(second.locked_until?.getTime()).toBe(start.getTime() + 16 * 60_000 + 30 * 60_000);

    t.setNow(new Date(start.getTime() + 47 * 60_000));
    expect((await logIn(t.deps, { identifier: m.userId, password: m.password }, client)).ok).toBe(true);
  });

  it('locks for good after 100 consecutive failures (NIST 800-63B-4)', async () => {
    const m = await createMember(t.deps, { userId: 'hundred-fails', password: 'the-right-password-1' });
    await t.deps.db
      .updateTable('members')
      .set({ lock_count: 9, failed_logins: 9 })
      .where('id', '=', m.id)
      .execute();
    await logIn(
      t.deps,
      { identifier: m.userId, password: 'wrong-once-more' },
      { ip: '192.0.2.3', userAgent: null },
    );
    const row = await t.deps.db
      .selectFrom('members')
      .select('locked_until')
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(row.locked_until?.getUTCFullYear()).toBe(9999);
    const mails = await listRecentMail(t.deps.db, t.deps.config, 5, m.email);
    expect(mails[0]?.text).toContain('コンタクトセンター');
  });

  it('issues a new session token at every login and ignores a planted one (no fixation)', async () => {
    const m = await createMember(t.deps, { password: 'the-right-password-1' });
    const client = new TestClient(t);
    await client.get('/login');
    await client.login(m.userId, m.password);
    const first = client.cookie('cardnavi_session');
    await client.login(m.userId, m.password);
    const second = client.cookie('cardnavi_session');
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    const stored = await t.deps.db.selectFrom('member_sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(first);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
  });

  it('ends sessions after 30 idle minutes or 12 hours, and on logout server-side', async () => {
    const m = await createMember(t.deps, { password: 'the-right-password-1' });
    const start = new Date('2026-11-28T00:00:00Z');
    t.setNow(start);
    const client = new TestClient(t);
    await client.login(m.userId, m.password);
    const cookie = client.cookie('cardnavi_session')!;
    const probe = async () =>
      (await t.app.request('/login', { headers: { cookie: `cardnavi_session=${cookie}` } })).status;
    t.setNow(new Date(start.getTime() + 29 * 60_000));
    expect(await probe()).toBe(303); // logged in: /login redirects to the portal
    t.setNow(new Date(start.getTime() + 58 * 60_000));
    expect(await probe()).toBe(303); // the previous request refreshed the idle timer
    t.setNow(new Date(start.getTime() + 89 * 60_000));
    const expired = await t.app.request('/login', { headers: { cookie: `cardnavi_session=${cookie}` } });
    expect(expired.status).toBe(200);
    expect(await expired.text()).toContain('S01');

    t.setNow(start);
    const second = new TestClient(t);
    await second.login(m.userId, m.password);
    const c2 = second.cookie('cardnavi_session')!;
    for (let h = 1; h <= 12; h++) {
      t.setNow(new Date(start.getTime() + h * 60 * 60_000 - 60_000));
      await t.app.request('/login', { headers: { cookie: `cardnavi_session=${c2}` } });
    }
    t.setNow(new Date(start.getTime() + 12 * 60 * 60_000 + 1000));
    const absolute = await t.app.request('/login', { headers: { cookie: `cardnavi_session=${c2}` } });
    expect(absolute.status).toBe(200);
    expect(await absolute.text()).toContain('S01');

    t.setNow(start);
    const third = new TestClient(t);
    await third.login(m.userId, m.password);
    const c3 = third.cookie('cardnavi_session')!;
    const out = await third.post('/logout', {});
    expect(out.headers.get('location')).toBe('/login?loggedOut=1');
    const left = await t.deps.db
      .selectFrom('member_sessions')
      .select('token_hash')
      .where('token_hash', '=', hashToken(c3))
      .execute();
    expect(left).toHaveLength(0);
    expect((await t.app.request('/login', { headers: { cookie: `cardnavi_session=${c3}` } })).status).toBe(
      200,
    );
  });

  it('rehashes a password stored with weaker argon2 parameters at the next login', async () => {
    const m = await createMember(t.deps, { password: 'the-right-password-1' });
    const weak = await hash('the-right-password-1', { memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await t.deps.db.updateTable('members').set({ password_hash: weak }).where('id', '=', m.id).execute();
    const res = await new TestClient(t).login(m.userId, m.password);
    expect(res.status).toBe(303);
    const row = await t.deps.db
      .selectFrom('members')
      .select('password_hash')
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('shows the coded error M01 to a force-withdrawn member only after the right password, without a session', async () => {
    const m = await createMember(t.deps, { status: 'force_withdrawn', password: 'the-right-password-1' });
    const client = new TestClient(t);
    const wrong = await client.login(m.userId, 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('M01');
    const right = await client.login(m.userId, m.password);
    expect(right.status).toBe(403);
    expect(await right.text()).toContain('M01');
    expect(client.cookie('cardnavi_session')).toBeUndefined();
  });

  it('does not log in by an email shared by several member IDs (asks for the user ID instead)', async () => {
    await createMember(t.deps, {
      userId: 'first-of-two',
      email: 'shared@example.jp',
      password: 'the-right-password-1',
    });
    await createMember(t.deps, {
      userId: 'second-of-two',
      email: 'shared@example.jp',
      password: 'the-right-password-1',
    });
    const res = await new TestClient(t).login('shared@example.jp', 'the-right-password-1');
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('ユーザーIDでログインしてください');
    expect((await new TestClient(t).login('first-of-two', 'the-right-password-1')).status).toBe(303);
  });

  it('answers 429 with R01 once an IP exceeds its login budget', async () => {
    const limited = await createTestApp(kind, { IP_LOGIN_POINTS: '3' });
    try {
      const client = { ip: '198.51.100.7', userAgent: null };
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push(await logIn(limited.deps, { identifier: 'whoever1', password: 'whatever-1' }, client));
      expect(codes.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['L01', 'L01', 'L01', 'R01']);
    } finally {
      await limited.close();
    }
  });
});

describe('progressiveDelayMs', () => {
  it('adds no delay for the first failures, then doubles up to 4 s', () => {
    expect([0, 1, 2].map((n) => progressiveDelayMs(n, 250))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6, 10].map((n) => progressiveDelayMs(n, 250))).toEqual([250, 500, 1000, 2000, 4000]);
    expect(progressiveDelayMs(9, 0)).toBe(0);
  });
});
