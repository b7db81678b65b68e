// The pages of two-step login, passkeys and the sign-in history, in process (issue 13), in both languages.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { currentTotpCode } from '../../src/security/totp.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import { enableTwoStep } from '../helpers/two-step.ts';

describe.each(databaseKinds())('sign-in and security pages on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('turns two-step login on from settings: QR code and secret, then ten recovery codes; the next login asks for the code', async () => {
    const m = await createMember(t.deps, { lang: 'en' });
    const client = new TestClient(t);
    expect((await client.login(m.userId, m.password)).status).toBe(303);
    const settings = await (await client.get('/settings/security?lang=en')).text();
    expect(settings).toContain('Two-step login');
    expect(settings).toContain('Add a passkey');
    const setup = await client.get('/settings/two-step/setup');
    const html = await setup.text();
    expect(html).toContain('src="data:image/svg+xml;base64,');
    const secret = /class="totp-secret">([A-Z2-7 ]+)</.exec(html)?.[1]?.replaceAll(' ', '') ?? '';
    expect(secret).toHaveLength(32);
    const wrong = await client.post('/settings/two-step/setup', {
      code: '12345',
      currentPassword: m.password,
    });
    expect(wrong.status).toBe(400);
    const on = await client.post('/settings/two-step/setup', {
      code: currentTotpCode(secret, new Date()),
      currentPassword: m.password,
    });
    expect(on.status).toBe(200);
    const codes = [
      ...(await on.text()).matchAll(/<code>([A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4})<\/code>/g),
    ];
    expect(codes).toHaveLength(10);

    const next = new TestClient(t);
    const password = await next.login(m.userId, m.password);
    expect(password.headers.get('location')).toBe('/login/two-step');
    const page = await next.get('/login/two-step?lang=en');
    expect(await page.text()).toContain('Two-step login');
    const bad = await next.post('/login/two-step', { code: '000000' });
    expect(bad.status).toBe(401);
    const good = await next.post('/login/two-step', { code: codes[0]![1]! });
    expect(good.headers.get('location')).toBe('/portal');
  });

  it('the sign-in history lists the sign-in and "This was not me" signs out everywhere and mails a reset link', async () => {
    const m = await createMember(t.deps, { lang: 'en' });
    const client = new TestClient(t, {
      'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0',
    });
    await client.login(m.userId, m.password);
    const page = await (await client.get('/settings/sign-ins?lang=en')).text();
    expect(page).toContain('Sign-in history');
    expect(page).toContain('Chrome 131');
    expect(page).toContain('This device');
    const ja = await (await client.get('/settings/sign-ins?lang=ja')).text();
    expect(ja).toContain('ログイン履歴');
    // "This was not me" is a link to a confirmation page; only its button acts.
    expect(page).toContain('href="/settings/sign-ins/not-me"');
    const confirm = await client.get('/settings/sign-ins/not-me?lang=en');
    expect(await confirm.text()).toContain('Sign out everywhere and reset my password');
    const unconfirmed = await client.post('/settings/sign-ins/not-me', {});
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain('Confirm with the');
    expect((await client.get('/settings/sign-ins')).status).toBe(200);
    const done = await client.post('/settings/sign-ins/not-me', { confirm: 'yes' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Every session has been signed out');
    expect((await client.get('/settings/sign-ins')).status).toBe(303);
    const [mail] = await listRecentMail(t.deps.db, t.deps.config, 1, m.email);
    expect(mail!.text).toContain('/reset-password?token=');
  });

  it('the reset page of a two-step member asks for the code, and refuses the reset without it', async () => {
    const m = await createMember(t.deps, { lang: 'en' });
    const two = await enableTwoStep(t.deps, m.id);
    const client = new TestClient(t);
    await client.post('/forgot/password', { identifier: m.userId });
    const [mail] = await listRecentMail(t.deps.db, t.deps.config, 1, m.email);
    const link = new URL(/https?:\/\/\S+reset-password\S+/.exec(mail!.text)![0]);
    const page = await (await client.get(`${link.pathname}${link.search}&lang=en`)).text();
    expect(page).toContain('Two-step login code');
    const token = link.searchParams.get('token')!;
    const without = await client.post('/reset-password', { token, password: 'a-fresh-password-2026' });
    expect(without.status).toBe(400);
    expect(await without.text()).toContain('the code is needed');
    const withCode = await client.post('/reset-password', {
      token,
      password: 'a-fresh-password-2026',
      code: two.code(),
    });
    expect(withCode.status).toBe(200);
    expect(await withCode.text()).toContain(m.userId);
  });

  it('the login page offers "Sign in with a passkey" with its scripts under the page nonce', async () => {
    const res = await new TestClient(t).get('/login?lang=en');
    const html = await res.text();
    expect(html).toContain('Sign in with a passkey');
    const nonce = /script-src 'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`<script src="/assets/webauthn-browser.js" nonce="${nonce}"`);
    const bundle = await t.app.request('/assets/webauthn-browser.js');
    expect(bundle.status).toBe(200);
    expect(await bundle.text()).toContain('SimpleWebAuthnBrowser');
    expect((await t.app.request('/assets/passkeys.js')).status).toBe(200);
  });
});
