// Sign-in history, live sessions and new-device alerts (ASVS 5.0 V6.3.5: notify the user of suspicious
// authentication; V7.5: view and terminate active sessions).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { createSmtpTransport, deliverDueMail } from '../../src/mail/worker.ts';
import { newDeviceCookie } from '../../src/members/device.ts';
import { logIn } from '../../src/members/login.ts';
import {
  describeUserAgent,
  disownSignIn,
  listMemberSessions,
  listSignInHistory,
  signOutSession,
} from '../../src/members/sign-ins.ts';
import { completeTwoStepLogin } from '../../src/members/two-step-login.ts';
import { hashToken } from '../../src/security/tokens.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import { MailCatcher } from '../helpers/smtp.ts';
import { enableTwoStep } from '../helpers/two-step.ts';

const iphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const windows =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('describeUserAgent', () => {
  it('names the device and browser a member would recognise', () => {
    expect(describeUserAgent(iphone)).toEqual({
      device: 'Apple iPhone (iOS 17.4)',
      browser: 'Mobile Safari 17',
    });
    expect(describeUserAgent(windows)).toEqual({ device: 'Windows 10', browser: 'Chrome 131' });
    expect(describeUserAgent(null)).toEqual({ device: '', browser: '' });
  });
});

describe.each(databaseKinds())('sign-in history and new-device mail on %s', (kind) => {
  let t: TestApp;
  let smtp: MailCatcher;
  beforeAll(async () => {
    smtp = new MailCatcher();
    await smtp.start();
    t = await createTestApp(kind, { SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await smtp.stop();
    await t.close();
  });

  const signIn = async (
    m: { userId: string; password: string },
    deviceHash: string | null,
    userAgent = windows,
    ip = '198.51.100.7',
  ) => {
    const r = await logIn(
      t.deps,
      { identifier: m.userId, password: m.password },
      { ip, userAgent, deviceHash },
    );
    if (!r.ok) throw new Error(r.code);
    return r.sessionToken;
  };
  const newDeviceMails = async (email: string) =>
    (await listRecentMail(t.deps.db, t.deps.config, 50, email)).filter((x) =>
      x.subject.includes('New sign-in'),
    );

  it('mails the member when a sign-in comes from a browser never seen before — not for the first one or a known one', async () => {
    const m = await createMember(t.deps, { lang: 'en' });
    await signIn(m, 'laptop');
    await signIn(m, 'laptop');
    expect(await newDeviceMails(m.email)).toHaveLength(0);
    await signIn(m, 'phone', iphone, '203.0.113.9');
    const mails = await newDeviceMails(m.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('Apple iPhone (iOS 17.4)');
    expect(mails[0]!.text).toContain('Mobile Safari 17');
    expect(mails[0]!.text).toContain('203.0.113.9');
    expect(mails[0]!.text).toContain('http://localhost:3000/sign-in/not-me?token=');
    await signIn(m, 'phone', iphone);
    expect(await newDeviceMails(m.email)).toHaveLength(1);
  });

  it('delivers the new-device mail over SMTP with its "This was not me" link', async () => {
    const m = await createMember(t.deps, { lang: 'en' });
    await signIn(m, 'first-browser');
    await signIn(m, 'second-browser', iphone);
    await deliverDueMail(t.deps, createSmtpTransport(smtp.url));
    const caught = smtp.received.filter((r) => r.to === m.email);
    expect(caught).toHaveLength(1);
    const decoded = caught[0]!.raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    expect(caught[0]!.subject).toContain('New sign-in');
    expect(decoded).toContain('This was not me');
    expect(decoded).toContain('http://localhost:3000/sign-in/not-me?token=');
  });

  it('"This was not me" ends every session, forgets remembered devices and mails a reset link; the link works once', async () => {
    const m = await createMember(t.deps, { lang: 'en' });
    const two = await enableTwoStep(t.deps, m.id);
    const r = await logIn(
      t.deps,
      { identifier: m.userId, password: m.password },
      { ip: '1.1.1.1', userAgent: windows, deviceHash: 'home' },
    );
    if (r.ok || r.code !== 'second_factor_required') throw new Error('expected a second step');
    const second = await completeTwoStepLogin(
      t.deps,
      r.pendingToken,
      { code: two.code(), rememberDevice: true },
      { ip: '1.1.1.1', userAgent: windows, deviceHash: 'home' },
    );
    expect(second).toMatchObject({ ok: true });
    await signIn(m, 'home');
    // Someone with the password and a recovery code signs in from another phone.
    const intruder = { ip: '203.0.113.66', userAgent: iphone, deviceHash: 'intruder' };
    const step = await logIn(t.deps, { identifier: m.userId, password: m.password }, intruder);
    if (step.ok || step.code !== 'second_factor_required') throw new Error('expected a second step');
    const code = { code: two.recoveryCodes[0]!, rememberDevice: false };
    expect(await completeTwoStepLogin(t.deps, step.pendingToken, code, intruder)).toMatchObject({ ok: true });
    const [alert] = await newDeviceMails(m.email);
    const token = new URL(/http:\/\/\S+not-me\S+/.exec(alert!.text)![0]).searchParams.get('token')!;
    expect(await disownSignIn(t.deps, token, { ip: '1.1.1.1', userAgent: windows })).toEqual({ ok: true });
    const sessions = await t.deps.db
      .selectFrom('member_sessions')
      .select('token_hash')
      .where('member_id', '=', m.id)
      .execute();
    expect(sessions).toEqual([]);
    const afterwards = await logIn(
      t.deps,
      { identifier: m.userId, password: m.password },
      { ip: '1.1.1.1', userAgent: windows, deviceHash: 'home' },
    );
    expect(afterwards).toMatchObject({ ok: false, code: 'second_factor_required' });
    const [reset] = await listRecentMail(t.deps.db, t.deps.config, 1, m.email);
    expect(reset!.text).toContain('/reset-password?token=');
    expect(await disownSignIn(t.deps, token, { ip: '1.1.1.1', userAgent: windows })).toEqual({
      ok: false,
      code: 'M02',
    });
  });

  it('shows recent sign-ins with time in the configured zone, device, browser, IP and method', async () => {
    const m = await createMember(t.deps, { lang: 'en' });
    t.setNow(new Date('2026-11-30T15:30:00Z'));
    try {
      await signIn(m, 'd1', iphone, '203.0.113.5');
    } finally {
      t.setNow(undefined);
    }
    const [entry] = await listSignInHistory(t.deps, m.id, 'en');
    // 15:30 UTC is half past midnight on 1 December in Tokyo.
    expect(entry).toMatchObject({
      atText: '1 Dec 2026, 00:30',
      device: 'Apple iPhone (iOS 17.4)',
      browser: 'Mobile Safari 17',
      ip: '203.0.113.5',
      method: 'password',
    });
    const [ja] = await listSignInHistory(t.deps, m.id, 'ja');
    expect(ja!.atText).toBe('2026/12/01 0:30');
  });

  it('lists live sessions, marks the current one, and signs another out — never another member’s', async () => {
    const m = await createMember(t.deps);
    const stranger = await createMember(t.deps);
    const mine = await signIn(m, 'a');
    await signIn(m, 'b', iphone);
    const current = { id: m.id, sessionTokenHash: hashToken(mine) };
    const sessions = await listMemberSessions(t.deps, current, 'en');
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current)!;
    expect(other.browser).toBe('Mobile Safari 17');
    const client = { ip: '1.1.1.1', userAgent: windows };
    expect(await signOutSession(t.deps, stranger.id, other.id, client)).toEqual({
      ok: false,
      code: 'session_not_found',
    });
    expect(await signOutSession(t.deps, m.id, 'not-a-number', client)).toEqual({
      ok: false,
      code: 'session_not_found',
    });
    expect(await signOutSession(t.deps, m.id, other.id, client)).toEqual({ ok: true });
    expect((await listMemberSessions(t.deps, current, 'en')).map((s) => s.current)).toEqual([true]);
  });

  it('the login page hands out a signed device cookie; a forged one is replaced', async () => {
    const c = new TestClient(t);
    const res = await c.get('/login');
    expect(res.status).toBe(200);
    const value = c.cookie('cardnavi_device');
    expect(value).toMatch(/^[\w-]{43}\.[\w-]{43}$/);
    const forged = `${newDeviceCookie('another-secret-entirely-0123456789abcdef').value}`;
    const res2 = await t.app.request('/login', { headers: { cookie: `cardnavi_device=${forged}` } });
    const set = res2.headers.getSetCookie().find((l) => l.startsWith('cardnavi_device='));
    expect(set).toBeDefined();
    expect(set).not.toContain(forged);
  });
});
