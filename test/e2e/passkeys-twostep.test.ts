/**
 * Issue 13 in a real browser, in Japanese and English (Japanese on a phone-sized viewport), axe on every page:
 * the demo member passkey@example.jp adds a passkey with Chromium's virtual authenticator (DevTools protocol
 * WebAuthn.addVirtualAuthenticator), logs out and signs in with it without typing an ID; twostep@example.jp
 * logs in with a TOTP code of the demo secret, sees the recovery codes and the sign-in history with the
 * method of each sign-in, and "This was not me" (after its confirmation page) ends every session and mails a
 * password-reset link.
 */
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoMembers } from '../../src/demo/cast.ts';
import { browserAvailable, latestMailTo, seriousA11yViolations, withBrowserServer } from './harness.ts';

const run = browserAvailable();

const TEXT = {
  en: {
    addPasskey: 'Add a passkey',
    createPasskey: 'Create a passkey on this device',
    added: 'The passkey was added.',
    logOut: 'Log out',
    signInWithPasskey: 'Sign in with a passkey',
    logIn: 'Log in',
    twoStep: 'Two-step login',
    recoveryCodes: 'Recovery codes',
    history: 'Sign-in history',
    methodPasskey: 'Passkey',
    methodTwoStep: 'Two-step login',
    notMe: 'This was not me',
    confirmNotMe: 'Sign out everywhere and reset my password',
    notMeDone: 'Every session has been signed out',
  },
  ja: {
    addPasskey: 'パスキーを追加',
    createPasskey: 'この端末でパスキーを作成',
    added: 'パスキーを追加しました。',
    logOut: 'ログアウト',
    signInWithPasskey: 'パスキーでログイン',
    logIn: 'ログイン',
    twoStep: '2段階ログイン',
    recoveryCodes: 'リカバリーコード',
    history: 'ログイン履歴',
    methodPasskey: 'パスキー',
    methodTwoStep: '2段階ログイン',
    notMe: 'このログインは私ではありません',
    confirmNotMe: 'すべてのログインを終了してパスワードを再設定する',
    notMeDone: 'すべてのログインを終了しました',
  },
} as const;

// Each flow visits about ten pages with axe on each: on a busy two-core machine that took up to 100 s.
const FLOW_TIMEOUT_MS = 300_000;

const RUNS = [
  { lang: 'en', width: undefined },
  { lang: 'ja', width: 390 },
] as const;

function demo(login: string) {
  const member = demoMembers.find((m) => m.login === login);
  if (!member) throw new Error(`demo member ${login} missing`);
  return member;
}

async function expectAccessible(page: Page) {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe.runIf(run)('passkeys and two-step login in a real browser', () => {
  // WebAuthn needs a domain as the relying party ID (never an IP address): the site is http://localhost:PORT.
  const e2e = withBrowserServer({}, { publicHost: 'localhost' });
  const site = () => e2e.server.deps.config.publicUrl.origin;

  async function logInWithPassword(page: Page, login: string, password: string) {
    await page.goto(`${site()}/login`);
    await page.locator('#f-identifier').fill(login);
    await page.locator('#f-password').fill(password);
    await page.locator('form[action="/login"] button[type=submit]').click();
    await page.waitForLoadState('load');
  }

  for (const { lang, width } of RUNS) {
    it(
      `adds a passkey in settings, logs out and signs in with it without typing an ID (${lang})`,
      async () => {
        const t = TEXT[lang];
        const member = demo('passkey@example.jp');
        const page = await e2e.newPage({ lang, ...(width ? { width } : {}) });
        // Chromium's virtual authenticator: a platform authenticator with resident keys and user verification.
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('WebAuthn.enable');
        await cdp.send('WebAuthn.addVirtualAuthenticator', {
          options: {
            protocol: 'ctap2',
            transport: 'internal',
            hasResidentKey: true,
            hasUserVerification: true,
            isUserVerified: true,
            automaticPresenceSimulation: true,
          },
        });
        try {
          await logInWithPassword(page, member.login, member.password);
          expect(new URL(page.url()).pathname).toMatch(/^\/portal/);

          await page.goto(`${site()}/settings/security`);
          await expectAccessible(page);
          const add = page.locator('form[action="/settings/passkeys/new"]');
          await add.locator('input[name="currentPassword"]').fill(member.password);
          await add.getByRole('button', { name: t.addPasskey, exact: true }).click();
          await page.waitForURL(`${site()}/settings/passkeys/new`);
          expect(await page.textContent('h1')).toBe(t.addPasskey);
          await expectAccessible(page);
          const name = `Virtual authenticator ${lang}`;
          await page.locator('#f-name').fill(name);
          await page.getByRole('button', { name: t.createPasskey }).click();
          await page.waitForURL(`${site()}/settings/passkeys`);
          expect(await page.locator('main .notice-success').textContent()).toContain(t.added);
          expect(await page.locator('.passkey h3').allTextContents()).toContain(name);
          await expectAccessible(page);

          await page.getByRole('button', { name: t.logOut }).click();
          await page.waitForURL(/\/login/);

          // "Sign in with a passkey": no ID typed; the authenticator offers the passkey it holds.
          await page.goto(`${site()}/login`);
          const passkeyButton = page.getByRole('button', { name: t.signInWithPasskey });
          await passkeyButton.waitFor({ state: 'visible' });
          await expectAccessible(page);
          expect(await page.locator('#f-identifier').inputValue()).toBe('');
          await passkeyButton.click();
          await page.waitForURL(/\/portal/);

          await page.goto(`${site()}/settings/sign-ins`);
          const history = page.locator('section[aria-labelledby="history-title"] tbody tr').first();
          expect(await history.textContent()).toContain(t.methodPasskey);
          await expectAccessible(page);
        } finally {
          await page.context().close();
        }
      },
      FLOW_TIMEOUT_MS,
    );

    it(
      `logs in with two-step login, sees the recovery codes and the sign-in history, and "This was not me" ends every session (${lang})`,
      async () => {
        const t = TEXT[lang];
        const member = demo('twostep@example.jp');
        const page = await e2e.newPage({ lang, ...(width ? { width } : {}) });
        try {
          await logInWithPassword(page, member.login, member.password);
          await page.waitForURL(`${site()}/login/two-step`);
          expect(await page.textContent('h1')).toBe(t.twoStep);
          await expectAccessible(page);
          await page.locator('#f-code').fill(nextTotpCode(member.totpSecret ?? ''));
          await page.locator('form[action="/login/two-step"] button[type=submit]').click();
          await page.waitForURL(/\/portal/);

          await page.goto(`${site()}/settings/security`);
          const twoStep = page.locator('section[aria-labelledby="two-step-title"]');
          expect(await twoStep.textContent()).toContain(t.recoveryCodes);
          await expectAccessible(page);

          await page.goto(`${site()}/settings/sign-ins`);
          expect(await page.textContent('h1')).toBe(t.history);
          const newest = page.locator('section[aria-labelledby="history-title"] tbody tr').first();
          expect(await newest.textContent()).toContain(t.methodTwoStep);
          await expectAccessible(page);

          // "This was not me" asks first; only the confirmation acts.
          await page.getByRole('link', { name: t.notMe }).click();
          await page.waitForURL(`${site()}/settings/sign-ins/not-me`);
          await expectAccessible(page);
          await page.getByRole('button', { name: t.confirmNotMe }).click();
          expect(await page.textContent('h1')).toBe(t.notMeDone);
          await expectAccessible(page);
          const mail = await latestMailTo(e2e.server, member.login);
          expect(mail?.text).toContain('/reset-password?token=');
          await page.goto(`${site()}/settings/sign-ins`);
          expect(new URL(page.url()).pathname).toBe('/login');
        } finally {
          await page.context().close();
        }
      },
      FLOW_TIMEOUT_MS,
    );
  }
});

let lastStep = -1;

/**
 * The authenticator app's code for the demo secret (otpauth, RFC 6238). The server accepts a time step once
 * and one step of drift: a second login within the same 30 seconds uses the next step's code.
 */
function nextTotpCode(secret: string): string {
  const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  const now = Date.now();
  const step = Math.max(totp.counter({ timestamp: now }), lastStep + 1);
  lastStep = step;
  return totp.generate({ timestamp: step * 30_000 });
}
