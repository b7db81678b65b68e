/**
 * Recovery and leaving (issue 6) on every database: forgot ID and password without enumeration
 * (ASVS 6.3.8), reset links per OWASP Forgot Password / ASVS 6.4 (≥128-bit, hashed, single use, ≤30 min,
 * newest only, PUBLIC_URL only, no auto-login, sessions revoked), email change, withdrawal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { forceWithdrawMember } from '../../src/members/force-withdraw.ts';
import { findMemberById } from '../../src/members/repository.ts';
import { issuePasswordReset } from '../../src/members/reset-password.ts';
import { hashToken } from '../../src/security/tokens.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';

const NEW_PASSWORD = 'a brand new long phrase 2026';

describe.each(databaseKinds())('recovery flows on %s', (kind) => {
  let testApp: TestApp;
  beforeEach(async () => {
    testApp = await createTestApp(kind);
  });
  afterEach(async () => {
    await testApp.close();
  });

  const mailTo = (to: string) => listRecentMail(testApp.deps.db, testApp.deps.config, 20, to);
  const linkIn = (text: string, part: string) => {
    const link = text.match(/https?:\/\/\S+/g)?.find((l) => l.includes(part));
    if (!link) throw new Error(`no ${part} link in:\n${text}`);
    return link;
  };
  /** Path and query of the newest reset link mailed to an address. */
  async function resetLinkFor(to: string) {
    const [mail] = await mailTo(to);
    const url = new URL(linkIn(mail!.text, '/reset-password'));
    return `${url.pathname}${url.search}`;
  }
  const tokenOf = (path: string) => new URL(path, 'http://x').searchParams.get('token')!;
  /** The page body with the CSRF token, the CSP nonce and the echoed input taken out. */
  const normalised = (html: string, echoed: string) =>
    html
      .replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""')
      .replace(/nonce="[^"]+"/g, 'nonce=""')
      .replaceAll(echoed, 'ECHO');

  describe('POST /forgot/id', () => {
    it('answers a registered and an unregistered email with the same status and page', async () => {
      await createMember(testApp.deps, { userId: 'known-member', email: 'known@example.jp' });
      const a = await new TestClient(testApp).post('/forgot/id', { email: 'known@example.jp' });
      const b = await new TestClient(testApp).post('/forgot/id', { email: 'nobody@example.jp' });
      expect(a.status).toBe(200);
      expect(b.status).toBe(a.status);
      expect(normalised(await b.text(), 'nobody@example.jp')).toBe(
        normalised(await a.text(), 'known@example.jp'),
      );
      // Both did the same work: one queued mail each; only its content differs.
      expect(await mailTo('known@example.jp')).toHaveLength(1);
      expect(await mailTo('nobody@example.jp')).toHaveLength(1);
    });

    it('mails every user ID registered to the email', async () => {
      await createMember(testApp.deps, { userId: 'first-id-01', email: 'shared@example.jp' });
      await createMember(testApp.deps, { userId: 'second-id-02', email: 'shared@example.jp' });
      await new TestClient(testApp).post('/forgot/id', { email: 'ＳＨＡＲＥＤ@example.jp' });
      const [mail] = await mailTo('shared@example.jp');
      expect(mail!.text).toContain('first-id-01');
      expect(mail!.text).toContain('second-id-02');
    });

    it('says what to fix for a malformed email (400, not 500)', async () => {
      const res = await new TestClient(testApp).post('/forgot/id', { email: 'not-an-email' });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('name@example.jp');
    });
  });

  describe('POST /forgot/password', () => {
    it('answers known and unknown user IDs and emails with the same status and page', async () => {
      await createMember(testApp.deps, { userId: 'known-member', email: 'known@example.jp' });
      const pages: string[] = [];
      for (const identifier of ['known-member', 'unknown-member', 'known@example.jp', 'nobody@example.jp']) {
        const res = await new TestClient(testApp).post('/forgot/password', { identifier });
        expect(res.status).toBe(200);
        pages.push(normalised(await res.text(), identifier));
      }
      expect(new Set(pages).size).toBe(1);
    });

    it('builds the link from PUBLIC_URL even when the request carries a forged Host header', async () => {
      await createMember(testApp.deps, { userId: 'host-victim', email: 'victim@example.jp' });
      const res = await new TestClient(testApp).post(
        'http://evil.example/forgot/password',
        { identifier: 'host-victim' },
        { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
      );
      expect(res.status).toBe(200);
      const [mail] = await mailTo('victim@example.jp');
      const link = linkIn(mail!.text, '/reset-password');
      expect(link.startsWith('http://localhost:3000/reset-password?token=')).toBe(true);
      expect(mail!.text + mail!.html).not.toContain('evil.example');
      // ≥128-bit token, only its hash stored
      const token = tokenOf(link);
      expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
      const rows = await testApp.deps.db.selectFrom('password_resets').selectAll().execute();
      expect(rows.map((r) => r.token_hash)).toEqual([hashToken(token)]);
    });

    it('sends one link per member ID when an email has several', async () => {
      await createMember(testApp.deps, { userId: 'first-id-01', email: 'shared@example.jp' });
      await createMember(testApp.deps, { userId: 'second-id-02', email: 'shared@example.jp' });
      await new TestClient(testApp).post('/forgot/password', { identifier: 'shared@example.jp' });
      const mails = await mailTo('shared@example.jp');
      expect(mails).toHaveLength(2);
      expect(mails.map((m) => /first-id-01|second-id-02/.exec(m.text)?.[0]).sort()).toEqual([
        'first-id-01',
        'second-id-02',
      ]);
    });

    it('stops queueing mail for one identifier after 5 requests an hour, with the same page', async () => {
      const m = await createMember(testApp.deps);
      for (let i = 0; i < 7; i += 1) {
        const res = await new TestClient(testApp).post('/forgot/password', { identifier: m.userId });
        expect(res.status).toBe(200);
      }
      expect(await mailTo(m.email)).toHaveLength(5);
    });
  });

  describe('GET/POST /reset-password', () => {
    it('sets a new password, ends every session, mails the member and does not log in', async () => {
      const m = await createMember(testApp.deps);
      const other = new TestClient(testApp);
      expect((await other.login(m.userId, m.password)).status).toBe(303);
      expect((await other.get('/settings')).status).toBe(200);

      const browser = new TestClient(testApp);
      await browser.post('/forgot/password', { identifier: m.userId });
      const path = await resetLinkFor(m.email);
      const form = await browser.get(path);
      expect(form.status).toBe(200);
      expect(await form.text()).toContain(m.userId);
      const done = await browser.post('/reset-password', { token: tokenOf(path), password: NEW_PASSWORD });
      expect(done.status).toBe(200);
      expect(done.headers.get('set-cookie') ?? '').not.toContain('cardnavi_session=');
      expect((await browser.get('/settings')).headers.get('location')).toMatch(/^\/login/);

      expect((await other.get('/settings')).headers.get('location')).toMatch(/^\/login/);
      const [notice] = await mailTo(m.email);
      expect(notice!.subject).toMatch(/パスワードを変更しました/);
      expect((await new TestClient(testApp).login(m.userId, m.password)).status).toBe(401);
      expect((await new TestClient(testApp).login(m.userId, NEW_PASSWORD)).status).toBe(303);
    });

    it('refuses a password that breaks the registration policy and keeps the link usable', async () => {
      const m = await createMember(testApp.deps);
      const browser = new TestClient(testApp);
      await browser.post('/forgot/password', { identifier: m.userId });
      const path = await resetLinkFor(m.email);
      const bad = await browser.post('/reset-password', { token: tokenOf(path), password: 'short' });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('12');
      const good = await browser.post('/reset-password', { token: tokenOf(path), password: NEW_PASSWORD });
      expect(good.status).toBe(200);
    });

    it('works once: a used link shows M02', async () => {
      const m = await createMember(testApp.deps);
      const browser = new TestClient(testApp);
      await browser.post('/forgot/password', { identifier: m.userId });
      const path = await resetLinkFor(m.email);
      expect(
        (await browser.post('/reset-password', { token: tokenOf(path), password: NEW_PASSWORD })).status,
      ).toBe(200);
      const again = await browser.post('/reset-password', {
        token: tokenOf(path),
        password: `${NEW_PASSWORD}!`,
      });
      expect(again.status).toBe(410);
      expect(await again.text()).toContain('M02');
      expect((await browser.get(path)).status).toBe(410);
    });

    it('lets exactly one of two concurrent uses of the same link through', async () => {
      const m = await createMember(testApp.deps);
      const browser = new TestClient(testApp);
      await browser.post('/forgot/password', { identifier: m.userId });
      const token = tokenOf(await resetLinkFor(m.email));
      const results = await Promise.all(
        [1, 2, 3].map((i) => browser.post('/reset-password', { token, password: `${NEW_PASSWORD} ${i}` })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 410, 410]);
    });

    it('expires after 30 minutes', async () => {
      const m = await createMember(testApp.deps);
      const start = new Date('2026-05-01T01:00:00Z');
      testApp.setNow(start);
      const browser = new TestClient(testApp);
      await browser.post('/forgot/password', { identifier: m.userId });
      const path = await resetLinkFor(m.email);
      testApp.setNow(new Date(start.getTime() + 29 * 60_000));
      expect((await browser.get(path)).status).toBe(200);
      testApp.setNow(new Date(start.getTime() + 30 * 60_000 + 1));
      expect((await browser.get(path)).status).toBe(410);
      expect(
        (await browser.post('/reset-password', { token: tokenOf(path), password: NEW_PASSWORD })).status,
      ).toBe(410);
    });

    it('accepts only the newest link', async () => {
      const m = await createMember(testApp.deps);
      const browser = new TestClient(testApp);
      await browser.post('/forgot/password', { identifier: m.userId });
      const older = await resetLinkFor(m.email);
      await issuePasswordReset(testApp.deps, m.id); // e.g. the support console
      const newer = await resetLinkFor(m.email);
      expect(newer).not.toBe(older);
      expect((await browser.get(older)).status).toBe(410);
      expect(
        (await browser.post('/reset-password', { token: tokenOf(older), password: NEW_PASSWORD })).status,
      ).toBe(410);
      expect(
        (await browser.post('/reset-password', { token: tokenOf(newer), password: NEW_PASSWORD })).status,
      ).toBe(200);
    });

    it('a member locked out after wrong passwords who resets the password can log in with it at once', async () => {
      const m = await createMember(testApp.deps);
      await testApp.deps.db
        .updateTable('members')
        .set({ locked_until: new Date(Date.now() + 3_600_000), failed_logins: 3, lock_count: 2 })
        .where('id', '=', m.id)
        .execute();
      const browser = new TestClient(testApp);
      await browser.post('/forgot/password', { identifier: m.userId });
      await browser.post('/reset-password', {
        token: tokenOf(await resetLinkFor(m.email)),
        password: NEW_PASSWORD,
      });
      const after = await findMemberById(testApp.deps.db, m.id);
      expect(after!.locked_until).toBeNull();
      expect(after!.failed_logins).toBe(0);
      expect((await new TestClient(testApp).login(m.userId, NEW_PASSWORD)).status).toBe(303);
    });

    it('a permanent lock stays after a reset (only the contact center lifts it)', async () => {
      const m = await createMember(testApp.deps);
      const forever = new Date('9999-12-31T00:00:00Z');
      await testApp.deps.db
        .updateTable('members')
        .set({ locked_until: forever })
        .where('id', '=', m.id)
        .execute();
      const browser = new TestClient(testApp);
      await browser.post('/forgot/password', { identifier: m.userId });
      await browser.post('/reset-password', {
        token: tokenOf(await resetLinkFor(m.email)),
        password: NEW_PASSWORD,
      });
      expect((await findMemberById(testApp.deps.db, m.id))!.locked_until?.getTime()).toBe(forever.getTime());
    });
  });

  describe('settings: email change', () => {
    it('changes the email only after the new address is verified, and tells the old address', async () => {
      const m = await createMember(testApp.deps, { userId: 'plain-id-77', email: 'old@example.jp' });
      const client = new TestClient(testApp);
      await client.login(m.userId, m.password);
      const wrong = await client.post('/settings/email', {
        newEmail: 'new@example.jp',
        currentPassword: 'nope nope nope',
      });
      expect(wrong.status).toBe(400);
      expect(await mailTo('new@example.jp')).toHaveLength(0);

      const sent = await client.post('/settings/email', {
        newEmail: 'new@example.jp',
        currentPassword: m.password,
      });
      expect(sent.status).toBe(200);
      expect((await findMemberById(testApp.deps.db, m.id))!.email).toBe('old@example.jp');
      const [verify] = await mailTo('new@example.jp');
      const url = new URL(linkIn(verify!.text, '/settings/email/verify'));
      expect((await client.get(`${url.pathname}${url.search}`)).status).toBe(200);
      const done = await client.post('/settings/email/verify', { token: url.searchParams.get('token')! });
      expect(done.status).toBe(200);
      const after = await findMemberById(testApp.deps.db, m.id);
      expect(after!.email).toBe('new@example.jp');
      expect(after!.user_id).toBe('plain-id-77');
      const [told] = await mailTo('old@example.jp');
      expect(told!.text).toContain('n***@example.jp');
      expect(
        (await client.post('/settings/email/verify', { token: url.searchParams.get('token')! })).status,
      ).toBe(410);
    });

    it('changes the user ID with the email when the ID is the email, and says so before confirming', async () => {
      const m = await createMember(testApp.deps, { userId: 'me@example.jp' });
      const client = new TestClient(testApp);
      await client.login(m.userId, m.password);
      expect(await (await client.get('/settings')).text()).toContain(
        'ユーザーIDも新しいメールアドレスに変わります',
      );
      await client.post('/settings/email', { newEmail: 'me2@example.jp', currentPassword: m.password });
      const [verify] = await mailTo('me2@example.jp');
      const url = new URL(linkIn(verify!.text, '/settings/email/verify'));
      const confirm = await client.get(`${url.pathname}${url.search}`);
      expect(await confirm.text()).toContain(
        'ユーザーIDも「me@example.jp」から「me2@example.jp」に変わります',
      );
      await client.post('/settings/email/verify', { token: url.searchParams.get('token')! });
      expect((await new TestClient(testApp).login('me2@example.jp', m.password)).status).toBe(303);
      expect((await new TestClient(testApp).login('me@example.jp', m.password)).status).toBe(401);
    });
  });

  describe('settings: password change', () => {
    it('requires the current password, ends other sessions and keeps this one', async () => {
      const m = await createMember(testApp.deps);
      const here = new TestClient(testApp);
      const elsewhere = new TestClient(testApp);
      await here.login(m.userId, m.password);
      await elsewhere.login(m.userId, m.password);
      const wrong = await here.post('/settings/password', {
        currentPassword: 'wrong wrong wrong',
        newPassword: NEW_PASSWORD,
      });
      expect(wrong.status).toBe(400);
      const ok = await here.post('/settings/password', {
        currentPassword: m.password,
        newPassword: NEW_PASSWORD,
      });
      expect(ok.status).toBe(303);
      expect((await here.get('/settings')).status).toBe(200);
      expect((await elsewhere.get('/settings')).status).toBe(303);
      expect((await mailTo(m.email))[0]!.subject).toMatch(/パスワードを変更しました/);
    });
  });

  describe('withdrawal', () => {
    it('deletes the member ID: login then fails with L01, and the ID is free after the cooling-off period', async () => {
      const start = new Date('2026-06-01T00:00:00Z');
      testApp.setNow(start);
      const m = await createMember(testApp.deps, { userId: 'leaving-01', email: 'leaving@example.jp' });
      const client = new TestClient(testApp);
      await client.login(m.userId, m.password);
      expect((await client.get('/settings/withdraw')).status).toBe(200);
      const wrong = await client.post('/settings/withdraw', { password: 'not the password' });
      expect(wrong.status).toBe(400);
      const confirm = await client.post('/settings/withdraw', { password: m.password });
      const html = await confirm.text();
      expect(html).toContain('ポイントはすべて失われます');
      expect(html).toContain('data-confirm');
      const ticket = /name="ticket" value="([^"]+)"/.exec(html)![1]!;
      const expires = /name="expires" value="([^"]+)"/.exec(html)![1]!;
      const unticked = await client.post('/settings/withdraw/confirm', { ticket, expires });
      expect(unticked.status).toBe(400);
      expect(await findMemberById(testApp.deps.db, m.id)).toBeDefined();

      const done = await client.post('/settings/withdraw/confirm', { ticket, expires, understand: 'yes' });
      expect(done.status).toBe(200);
      expect(await findMemberById(testApp.deps.db, m.id)).toBeUndefined();
      expect((await client.get('/settings')).status).toBe(303);
      const login = await new TestClient(testApp).login(m.userId, m.password);
      expect(login.status).toBe(401);
      expect(await login.text()).toContain('L01');
      const events = await testApp.deps.db
        .selectFrom('auth_events')
        .selectAll()
        .where('kind', '=', 'withdrawal')
        .execute();
      expect(events).toHaveLength(1);
      expect(events[0]!.ip).toBeNull();

      // During the cooling-off period the ID answers like any taken ID (only the mailbox learns it).
      await new TestClient(testApp).post('/register', {
        userId: 'leaving-01',
        email: 'someone@example.jp',
        password: NEW_PASSWORD,
      });
      // The mail says the ID is held after a withdrawal and from when it can be registered (issue 11).
      const [held] = await mailTo('someone@example.jp');
      expect(held!.template).toBe('registration_id_cooling_off');
      expect(held!.subject).toContain('まだ登録できません');
      // Another ID with the same email works at once.
      await registerAndVerify('leaving-02', 'leaving@example.jp');
      // After 30 days the old ID can be registered again.
      testApp.setNow(new Date(start.getTime() + 31 * 86_400_000));
      await registerAndVerify('leaving-01', 'leaving@example.jp');
    });

    it('detaches cards (they stay) and forfeits their points', async () => {
      const m = await createMember(testApp.deps);
      const card = await testApp.deps.db
        .insertInto('cards')
        .values({
          member_id: m.id,
          number_enc: 'x',
          number_hash: 'h-withdraw',
          last4: '1234',
          expiry_year: 2030,
          expiry_month: 1,
          holder_name: 'TARO',
          birth_date: '1990-01-01',
          phone: '000',
          brand: 'visa',
          credit_limit: 100,
          points_balance: 500,
          start_pin_hash: 'x',
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      await testApp.deps.db
        .insertInto('card_enrollments')
        .values({ card_id: card.id, member_id: m.id, enrolled_at: new Date() } as never)
        .execute();
      const { withdrawMember } = await import('../../src/account/withdraw.ts');
      await withdrawMember(testApp.deps, m.id);
      const after = await testApp.deps.db
        .selectFrom('cards')
        .selectAll()
        .where('id', '=', card.id)
        .executeTakeFirst();
      expect(after).toMatchObject({ member_id: null, points_balance: 0 });
      expect(await testApp.deps.db.selectFrom('card_enrollments').selectAll().execute()).toEqual([]);
    });

    async function registerAndVerify(userId: string, email: string) {
      const c = new TestClient(testApp);
      await c.post('/register', { userId, email, password: NEW_PASSWORD });
      const [mail] = await mailTo(email);
      const url = new URL(linkIn(mail!.text, '/register/verify'));
      const res = await c.post('/register/verify', { token: url.searchParams.get('token')! });
      expect(res.status).toBe(200);
      expect((await new TestClient(testApp).login(userId, NEW_PASSWORD)).status).toBe(303);
    }
  });

  describe('forceWithdrawMember', () => {
    it('revokes sessions at once; a later login with the right password shows M01', async () => {
      const m = await createMember(testApp.deps);
      const client = new TestClient(testApp);
      await client.login(m.userId, m.password);
      expect((await client.get('/settings')).status).toBe(200);
      const result = await forceWithdrawMember(testApp.deps, m.id, 'terms violation');
      expect(result).toEqual({ ok: true, sessionsRevoked: 1, servicesRevoked: [] });
      expect((await client.get('/settings')).status).toBe(303);
      const login = await new TestClient(testApp).login(m.userId, m.password);
      expect(login.status).toBe(403);
      expect(await login.text()).toContain('M01');
      expect(await forceWithdrawMember(testApp.deps, m.id, 'again')).toEqual({
        ok: false,
        code: 'not_active',
      });
    });
  });
});
