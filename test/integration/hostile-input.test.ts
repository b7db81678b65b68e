// Findings of a hostile test (issue 11): what a client writes never becomes its address, a key or a 500.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { logIn } from '../../src/members/login.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';

/** A request arriving from the proxy at 10.0.0.5 (the socket peer), as @hono/node-server binds it. */
const fromProxy = { incoming: { socket: { remoteAddress: '10.0.0.5', remoteFamily: 'IPv4' } } };

describe.each(databaseKinds())('hostile input on %s', (kind) => {
  let t: TestApp;

  describe('behind one trusted proxy', () => {
    beforeAll(async () => {
      t = await createTestApp(kind, { TRUST_PROXY: '1', IP_LOGIN_POINTS: '3' });
    }, 180_000);
    afterAll(async () => {
      await t?.close();
    });

    it('a client who writes its own X-Forwarded-For still meets the per-IP login limit', async () => {
      const statuses: number[] = [];
      for (let i = 1; i <= 5; i++) {
        // The client sends "198.51.100.i"; the proxy appends the address it really came from.
        const client = new TestClient(t, { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` }, fromProxy);
        const res = await client.login(`nobody-${i}`, 'wrong-password-1');
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
      const ips = await t.deps.db.selectFrom('auth_events').select('ip').execute();
      expect(new Set(ips.map((r) => r.ip))).toEqual(new Set(['203.0.113.7']));
    });

    it('an address that is not an IP is never stored as the client address', async () => {
      const client = new TestClient(t, { 'x-forwarded-for': '<script>alert(1)</script>' }, fromProxy);
      expect((await client.login('script-sender', 'wrong-password-1')).status).toBe(401);
      const ips = await t.deps.db
        .selectFrom('auth_events')
        .select('ip')
        .where('ip', 'not in', ['203.0.113.7'])
        .execute();
      expect(ips.map((r) => r.ip)).toEqual(['unknown']);
    });
  });

  describe('identifiers as long as the form allows', () => {
    beforeAll(async () => {
      t = await createTestApp(kind, { LOGIN_MAX_FAILURES: '10', LOGIN_DELAY_MS: '0' });
    }, 180_000);
    afterAll(async () => {
      await t?.close();
    });

    it('a 254-character identifier gets the ordinary L01 answer, never a 500', async () => {
      const res = await new TestClient(t).login(`${'a'.repeat(242)}@example.jp`, 'wrong-password-1');
      expect(res.status).toBe(401);
      expect(await res.text()).toContain('L01');
    });

    it('a member with a 254-character email who keeps guessing wrong is locked, recorded and mailed', async () => {
      const email = `${'b'.repeat(243)}@example.jp`;
      expect(email).toHaveLength(254);
      const m = await createMember(t.deps, { userId: email, password: 'the-right-password-1' });
      const client = { ip: '192.0.2.1', userAgent: 'test' };
      for (let i = 0; i < 10; i++) {
        const r = await logIn(t.deps, { identifier: email, password: `wrong-${i}-password` }, client);
        expect(r).toMatchObject({ ok: false, code: 'L01' });
      }
      const row = await t.deps.db
        .selectFrom('members')
        .select(['failed_logins', 'locked_until'])
        .where('id', '=', m.id)
        .executeTakeFirstOrThrow();
      expect(row.locked_until).not.toBeNull();
      const locks = await t.deps.db
        .selectFrom('auth_events')
        .select('kind')
        .where('member_id', '=', m.id)
        .where('kind', '=', 'login_lock')
        .execute();
      expect(locks).toHaveLength(1);
      const mail = await listRecentMail(t.deps.db, t.deps.config, 10, email);
      expect(mail.map((x) => x.template)).toContain('login_locked');
    });

    it('a password typed into the ID field is never stored in the rate-limit table', async () => {
      const typedPassword = 'my-Secret-passw0rd-typed-here';
      await new TestClient(t).login(typedPassword, 'whatever-1');
      const { rows: keys } = await sql<{ key: string }>`select key from rate_limits`.execute(t.deps.db);
      expect(keys.length).toBeGreaterThan(0);
      for (const { key } of keys) expect(key.toLowerCase()).not.toContain(typedPassword.toLowerCase());
    });

    it('a failure counter left at the limit without a lock (an interrupted attempt) is locked at the next try', async () => {
      const m = await createMember(t.deps, { userId: 'half-locked', password: 'the-right-password-1' });
      await t.deps.db.updateTable('members').set({ failed_logins: 10 }).where('id', '=', m.id).execute();
      const client = { ip: '192.0.2.1', userAgent: 'test' };
      const r = await logIn(t.deps, { identifier: 'half-locked', password: 'wrong-password-x' }, client);
      expect(r).toMatchObject({ ok: false, code: 'L01' });
      const row = await t.deps.db
        .selectFrom('members')
        .select('locked_until')
        .where('id', '=', m.id)
        .executeTakeFirstOrThrow();
      expect(row.locked_until).not.toBeNull();
      const mail = await listRecentMail(t.deps.db, t.deps.config, 10, m.email);
      expect(mail.map((x) => x.template)).toContain('login_locked');
    });
  });
});
