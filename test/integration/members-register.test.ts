// Registration: ASVS 5.0 V6.3.8 (no account enumeration), email verified before the ID can log in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';

const tokenFrom = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe.each(databaseKinds())('POST /register on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  it('creates the member ID only when the emailed link is confirmed, once', async () => {
    const client = new TestClient(t);
    const res = await client.post('/register', {
      userId: 'Sakura_2026',
      email: 'Sakura@Example.jp',
      password: 'cherry blossoms in april',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('sakura@example.jp');
    expect(await t.deps.db.selectFrom('members').selectAll().execute()).toHaveLength(0);

    const [mail] = await listRecentMail(t.deps.db, t.deps.config, 1, 'sakura@example.jp');
    expect(mail?.text).toContain('http://localhost:3000/register/verify?token=');
    const token = tokenFrom(mail!.text)!;
    const stored = await t.deps.db.selectFrom('pending_registrations').select('token_hash').execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(token);

    expect((await client.get(`/register/verify?token=${token}`)).status).toBe(200);
    const done = await client.post('/register/verify', { token });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('sakura_2026');
    expect((await client.post('/register/verify', { token })).status).toBe(410);
    expect((await new TestClient(t).login('sakura_2026', 'cherry blossoms in april')).status).toBe(303);
  });

  it('refuses a verification link after 30 minutes', async () => {
    const start = new Date('2026-11-28T01:00:00Z');
    t.setNow(start);
    const client = new TestClient(t);
    await client.post('/register', {
      userId: 'late-clicker',
      email: 'late@example.jp',
      password: 'cherry blossoms in april',
    });
    const [mail] = await listRecentMail(t.deps.db, t.deps.config, 1, 'late@example.jp');
    t.setNow(new Date(start.getTime() + 31 * 60_000));
    const res = await client.post('/register/verify', { token: tokenFrom(mail!.text)! });
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('M02');
  });

  it('answers a taken user ID exactly like a free one; only the mailbox learns the difference', async () => {
    await createMember(t.deps, { userId: 'taken-id-01', email: 'owner@example.jp' });
    const a = await new TestClient(t).post('/register', {
      userId: 'taken-id-01',
      email: 'probe@example.jp',
      password: 'cherry blossoms in april',
    });
    const b = await new TestClient(t).post('/register', {
      userId: 'free-id-001',
      email: 'probe@example.jp',
      password: 'cherry blossoms in april',
    });
    expect(a.status).toBe(b.status);
    const clean = async (r: Response) =>
      (await r.text()).replace(/nonce="[^"]+"/g, '').replace(/value="[^"]+"/g, '');
    expect(await clean(a)).toBe(await clean(b));
    const mails = await listRecentMail(t.deps.db, t.deps.config, 5, 'probe@example.jp');
    expect(mails.map((m) => m.subject).sort()).toEqual([
      '【cardnavi】会員登録を完了してください',
      '【cardnavi】会員登録を完了できませんでした',
    ]);
  });

  it('says what to fix for each field, in the page language, with status 400', async () => {
    const client = new TestClient(t);
    await client.get('/register?lang=en');
    const res = await client.post('/register', { userId: 'abc', email: 'not-an-email', password: 'x' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('A user ID is 6–64 half-width letters');
    expect(html).toContain('Enter an email address like name@example.jp');
    const weak = await client.post('/register', {
      userId: 'solid-id-7',
      email: 'solid@example.jp',
      password: 'solid-id-7 is me!',
    });
    expect(await weak.text()).toContain('The password must not contain your user ID');
    const common = await client.post('/register', {
      userId: 'solid-id-7',
      email: 'solid@example.jp',
      password: 'password12345',
    });
    expect(await common.text()).toContain('This password is too common');
    const mismatch = await client.post('/register', {
      userId: 'me@example.jp',
      email: 'other@example.jp',
      password: 'cherry blossoms in april',
    });
    expect(await mismatch.text()).toContain('enter the same address in the email field');
    expect(await t.deps.db.selectFrom('pending_registrations').selectAll().execute()).toHaveLength(0);
  });
});
