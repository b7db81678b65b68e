import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserAvailable,
  latestMailTo,
  linkIn,
  seriousA11yViolations,
  withBrowserServer,
} from './harness.ts';

const run = browserAvailable();

describe.runIf(run)('member ID in a real browser', () => {
  const e2e = withBrowserServer({ LOGIN_MAX_FAILURES: '3' });

  const newPage = (lang: 'ja' | 'en'): Promise<Page> => e2e.newPage({ lang });

  async function logIn(page: Page, identifier: string, password: string) {
    await page.goto(`${e2e.server.url}/login?lang=en`);
    await page.getByLabel('User ID or email').fill(identifier);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
  }

  it('registers, verifies by email, logs in and out (en)', async () => {
    const page = await newPage('en');
    await page.goto(`${e2e.server.url}/register?lang=en`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('User ID').fill('newbie2026');
    await page.getByLabel('Email').fill('newbie@example.jp');
    await page.getByLabel('Password', { exact: true }).fill('a long phrase for my card');
    await page.getByRole('button', { name: 'Send confirmation email' }).click();
    expect(await page.textContent('h1')).toContain('Check your email');

    const mail = await latestMailTo(e2e.server, 'newbie@example.jp');
    expect(mail?.subject).toContain('Finish your registration');
    await page.goto(linkIn(mail!.text, '/register/verify'));
    await page.getByRole('button', { name: 'Complete registration' }).click();
    expect(await page.textContent('main')).toContain('newbie2026');

    await logIn(page, 'newbie2026', 'a long phrase for my card');
    await page.waitForURL(/\/portal/);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    expect(await page.textContent('main')).toContain('You have logged out');
  });

  it('gives the same answer for a wrong password and an unknown ID, and shows the swapped-fields hint (ja)', async () => {
    const page = await newPage('ja');
    await page.goto(`${e2e.server.url}/login?lang=ja`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator('#f-identifier').fill('hanako@example.jp');
    await page.locator('#f-password').fill('not-her-password-1');
    await page.locator('form[action="/login"] button[type=submit]').click();
    const wrong = await page.locator('#login-error').innerText();
    await page.locator('#f-identifier').fill('nobody-here@example.jp');
    await page.locator('#f-password').fill('not-her-password-1');
    await page.locator('form[action="/login"] button[type=submit]').click();
    const unknown = await page.locator('#login-error').innerText();
    expect(unknown).toBe(wrong);
    expect(wrong).toContain('ユーザーIDまたはパスワードが正しくありません');

    await page.locator('#f-identifier').fill('sakura 2026 demo!');
    await page.locator('#f-password').fill('taro0123');
    await expect(page.locator('.swapped-hint-live').isVisible()).resolves.toBe(true);
    await page.locator('form[action="/login"] button[type=submit]').click();
    expect(await page.locator('#login-error').innerText()).toContain('逆の欄');
  });

  it('locks after repeated failures with the same generic answer, and mails the owner', async () => {
    const page = await newPage('en');
    for (let i = 0; i < 3; i++) await logIn(page, 'taro0123', `wrong-password-${i}`);
    await logIn(page, 'taro0123', 'fuji-san-3776m');
    expect(await page.locator('#login-error').innerText()).toContain('The user ID or password is incorrect');
    const mail = await latestMailTo(e2e.server, 'taro@example.jp');
    expect(mail?.subject).toContain('アカウントを一時的にロックしました');
  });
});
