/**
 * Issue 6 in a real browser, in Japanese and English, with axe on every page: forgot ID, forgot password
 * (older sessions end, the link works once), email change with verification, withdrawal with its warnings,
 * then a fresh registration.
 */
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

describe.runIf(run)('recovery and leaving in a real browser', () => {
  const e2e = withBrowserServer();

  const newPage = (lang: 'ja' | 'en'): Promise<Page> => e2e.newPage({ lang });
  async function expectAccessible(page: Page) {
    expect(await seriousA11yViolations(page)).toEqual([]);
  }
  async function logIn(page: Page, lang: 'ja' | 'en', identifier: string, password: string) {
    await page.goto(`${e2e.server.url}/login?lang=${lang}`);
    await page.locator('#f-identifier').fill(identifier);
    await page.locator('#f-password').fill(password);
    await page.locator('form[action="/login"] button[type=submit]').click();
  }
  const mailLink = async (to: string, part: string) => {
    const mail = await latestMailTo(e2e.server, to);
    return linkIn(mail!.text, part);
  };

  it('forgot user ID: the mail in the development mailbox lists the IDs (en)', async () => {
    const page = await newPage('en');
    await page.goto(`${e2e.server.url}/login?lang=en`);
    await page.getByRole('link', { name: 'Forgot user ID' }).click();
    await page.waitForURL(/\/forgot\/id/);
    await expectAccessible(page);
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Email me my user IDs' }).click();
    expect(await page.locator('.error-summary').innerText()).toContain('name@example.jp');
    await page.getByLabel('Email').fill('forgot@example.jp');
    await page.getByRole('button', { name: 'Email me my user IDs' }).click();
    expect(await page.textContent('h1')).toContain('Check your email');
    await expectAccessible(page);

    await page.goto(`${e2e.server.url}/dev/mailbox?to=forgot@example.jp&lang=en`);
    await expectAccessible(page);
    const body = await page.locator('.mail-body').first().innerText();
    expect(body).toContain('forgot@example.jp');
    expect(await page.locator('.mail h2').first().innerText()).toContain('Your user ID');
  });

  it('forgot password: link → new password → the older session is gone → the new password works; reuse is refused (ja)', async () => {
    const older = await newPage('ja');
    await logIn(older, 'ja', 'forgot@example.jp', 'lost-and-found-2026');
    await older.waitForURL(/\/portal|\/cards/);

    const page = await newPage('ja');
    await page.goto(`${e2e.server.url}/login?lang=ja`);
    await page.getByRole('link', { name: 'パスワードを忘れた方' }).click();
    await page.waitForURL(/\/forgot\/password/);
    await expectAccessible(page);
    await page.locator('#f-identifier').fill('forgot@example.jp');
    await page.locator('form[action="/forgot/password"] button[type=submit]').click();
    expect(await page.textContent('h1')).toContain('受け付けました');
    await expectAccessible(page);

    const link = await mailLink('forgot@example.jp', '/reset-password');
    expect(link.startsWith(e2e.server.deps.config.publicUrl.origin)).toBe(true);
    await page.goto(link);
    await expectAccessible(page);
    await page.locator('#f-password').fill('short');
    await page.locator('form[action="/reset-password"] button[type=submit]').click();
    expect(await page.locator('.error-summary').innerText()).toContain('12文字以上');
    await page.locator('#f-password').fill('found it again in 2026');
    await page.locator('form[action="/reset-password"] button[type=submit]').click();
    expect(await page.locator('main').innerText()).toContain('パスワードを変更しました');
    await expectAccessible(page);

    await older.goto(`${e2e.server.url}/settings`);
    await older.waitForURL(/\/login/);

    await page.goto(link);
    expect(await page.textContent('h1')).toContain('このリンクは使用できません');
    expect(await page.locator('main').innerText()).toContain('M02');
    await expectAccessible(page);

    await logIn(page, 'ja', 'forgot@example.jp', 'lost-and-found-2026');
    expect(await page.locator('#login-error').innerText()).toContain('L01');
    await logIn(page, 'ja', 'forgot@example.jp', 'found it again in 2026');
    await page.waitForURL(/\/portal|\/cards/);
  });

  it('email change with verification; the user ID follows the email and the page says so first (en)', async () => {
    const page = await newPage('en');
    await logIn(page, 'en', 'twoids.alt@example.jp', 'two-ids-second-2026');
    await page.waitForURL(/\/portal|\/cards/);
    await page.goto(`${e2e.server.url}/settings?lang=en`);
    await expectAccessible(page);
    expect(await page.locator('main').innerText()).toContain('changing the email changes your user ID');
    await page.getByLabel('New email address').fill('twoids.moved@example.jp');
    await page.locator('form[action="/settings/email"] #f-currentPassword').fill('two-ids-second-2026');
    await page.getByRole('button', { name: 'Send confirmation email' }).click();
    expect(await page.textContent('h1')).toContain('Check your new mailbox');
    await expectAccessible(page);

    await page.goto(await mailLink('twoids.moved@example.jp', '/settings/email/verify'));
    await expectAccessible(page);
    expect(await page.locator('main').innerText()).toContain(
      'Your user ID will change too, from “twoids.alt@example.jp” to “twoids.moved@example.jp”',
    );
    await page.getByRole('button', { name: 'Confirm the change' }).click();
    expect(await page.locator('main').innerText()).toContain('Your email address and user ID are now');
    await expectAccessible(page);
    // The notice goes to the old address, in the member's stored language (Japanese for the demo cast).
    expect((await latestMailTo(e2e.server, 'twoids.alt@example.jp'))?.subject).toContain(
      'メールアドレスを変更しました',
    );

    await page.getByRole('button', { name: 'Log out' }).click();
    await logIn(page, 'en', 'twoids.moved@example.jp', 'two-ids-second-2026');
    await page.waitForURL(/\/portal|\/cards/);
  });

  for (const lang of ['ja', 'en'] as const) {
    it(`recovery, password change and withdrawal pages pass axe (${lang})`, async () => {
      const page = await newPage(lang);
      for (const path of [
        '/forgot/id',
        '/forgot/password',
        '/dev/mailbox',
        `/reset-password?token=${'x'.repeat(43)}`,
      ]) {
        await page.goto(`${e2e.server.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        await expectAccessible(page);
      }
      expect(await page.locator('main').innerText()).toContain('M02');
      await logIn(page, lang, 'taro0123', 'fuji-san-3776m');
      await page.waitForURL(/\/portal|\/cards/);
      await page.goto(`${e2e.server.url}/settings?lang=${lang}`);
      await page.locator('form[action="/settings/password"] #f-currentPassword').fill('wrong password here');
      await page.locator('#f-newPassword').fill('mount fuji is 3776 metres');
      await page.locator('form[action="/settings/password"] button[type=submit]').click();
      expect(await page.locator('form[action="/settings/password"] .field-error').count()).toBe(1);
      await expectAccessible(page);
      await page.goto(`${e2e.server.url}/settings/withdraw?lang=${lang}`);
      await expectAccessible(page);
      await page.locator('#f-password').fill('fuji-san-3776m');
      await page.locator('form[action="/settings/withdraw"] button[type=submit]').click();
      await page.locator('#f-understand').waitFor();
      await expectAccessible(page);
      // Backing out leaves everything as it was.
      await page.locator('main a[href="/settings"]').click();
      await page.waitForURL(/\/settings$/);
      expect(await page.locator('.account-user-id').innerText()).toBe('taro0123');
    });
  }

  it('withdrawal with its warnings → login fails → registering again works (ja)', async () => {
    const page = await newPage('ja');
    await logIn(page, 'ja', 'hanako@example.jp', 'sakura-2026-demo');
    await page.waitForURL(/\/portal|\/cards/);
    await page.goto(`${e2e.server.url}/settings`);
    await page.locator('a[href="/settings/withdraw"]').click();
    await page.locator('#f-password').fill('sakura-2026-demo');
    await page.locator('form[action="/settings/withdraw"] button[type=submit]').click();
    const warnings = await page.locator('main').innerText();
    expect(warnings).toMatch(/ポイントは合計 [0-9,]+ ポイントがすべて失われ、戻りません/);
    expect(warnings).toContain('カード会員ページ');
    expect(warnings).toContain('元に戻せません');
    expect(warnings).toContain('カードそのものは退会後も使えます');

    // The form also asks once more in a dialog (data-confirm).
    page.on('dialog', (d) => void d.accept());
    await page.locator('#f-understand').check();
    await page.locator('form[action="/settings/withdraw/confirm"] button.danger').click();
    await page.waitForLoadState();
    expect(await page.textContent('h1')).toContain('退会手続きが完了しました');
    await expectAccessible(page);

    await logIn(page, 'ja', 'hanako@example.jp', 'sakura-2026-demo');
    expect(await page.locator('#login-error').innerText()).toContain(
      'ユーザーIDまたはパスワードが正しくありません',
    );

    await page.goto(`${e2e.server.url}/register?lang=ja`);
    await page.locator('#f-userId').fill('hanako-again');
    await page.locator('#f-email').fill('hanako@example.jp');
    await page.locator('#f-password').fill('cherry blossoms once more');
    await page.locator('form[action="/register"] button[type=submit]').click();
    await page.goto(await mailLink('hanako@example.jp', '/register/verify'));
    await page.locator('form[action="/register/verify"] button[type=submit]').click();
    await logIn(page, 'ja', 'hanako-again', 'cherry blossoms once more');
    await page.waitForURL(/\/portal|\/cards/);
  });
});
