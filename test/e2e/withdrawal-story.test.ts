/**
 * Issue 11 in a real browser, in Japanese on a phone (390×844), axe on every page: a newcomer withdraws by
 * mistake and comes back. The withdrawal page shows what this member loses; afterwards the registration page
 * answers as for any ID, and the mails in the development mailbox, the troubleshooter and the help article tell
 * one story: the ID was withdrawn on a day, what was lost cannot be restored, the user ID frees up after 30 days,
 * another user ID (same email) works at once. The demo member sayonara2026 shows the same without setting up.
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
/** The sentences the mails and the help article share (ja). */
const LOST = '退会で失われたもの(ポイント、カード会員ページの登録、ご登録内容)は元に戻せません。';
const COOLING_OFF = '退会から30日間は、どなたも登録できません。';
const ANOTHER_ID =
  'すぐにご利用になる場合は、別のユーザーIDで会員登録してください(同じメールアドレスでも登録できます)。';

describe.runIf(run)('withdrawing by mistake and coming back, on a phone in Japanese', () => {
  const e2e = withBrowserServer();

  async function phone(): Promise<Page> {
    const context = await e2e.browser.newContext({ locale: 'ja-JP', viewport: { width: 390, height: 844 } });
    return context.newPage();
  }
  async function expectAccessible(page: Page) {
    expect(await seriousA11yViolations(page)).toEqual([]);
  }
  /** The page fits the phone: nothing wider than the viewport. */
  async function expectNoSidewaysScroll(page: Page) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  async function logIn(page: Page, identifier: string, password: string) {
    await page.goto(`${e2e.server.url}/login?lang=ja`);
    await page.locator('#f-identifier').fill(identifier);
    await page.locator('#f-password').fill(password);
    await page.locator('form[action="/login"] button[type=submit]').click();
  }
  async function register(page: Page, userId: string, email: string, password: string) {
    await page.goto(`${e2e.server.url}/register?lang=ja`);
    await page.locator('#f-userId').fill(userId);
    await page.locator('#f-email').fill(email);
    await page.locator('#f-password').fill(password);
    await page.locator('form[action="/register"] button[type=submit]').click();
    await page.getByRole('heading', { name: '確認メールを送信しました' }).waitFor();
    return (await page.locator('main').innerText()).replaceAll(email, 'EMAIL').replaceAll(userId, 'ID');
  }
  /** The newest mail to an address as the development mailbox shows it. */
  async function mailboxShows(page: Page, to: string) {
    await page.goto(`${e2e.server.url}/dev/mailbox?to=${encodeURIComponent(to)}&lang=ja`);
    await expectAccessible(page);
    return page.locator('.mail-body').first().innerText();
  }

  it('hanako withdraws by mistake: the page shows her card, points and statements; the mails and the help article agree; a new ID works at once', {
    timeout: 300_000,
  }, async () => {
    const page = await phone();
    page.on('dialog', (dialog) => void dialog.accept());
    await logIn(page, 'hanako@example.jp', 'sakura-2026-demo');
    await page.waitForURL(/\/portal/);
    await page.goto(`${e2e.server.url}/settings?lang=ja`);
    await page.getByRole('link', { name: '退会の手続きへ進む' }).click();
    await page.waitForURL(/\/settings\/withdraw/);
    await expectAccessible(page);
    await page.locator('#f-password').fill('sakura-2026-demo');
    await page.getByRole('button', { name: '次へ(まだ退会しません)' }).click();
    await page.getByRole('heading', { name: '退会すると失われるもの' }).waitFor();
    const losses = await page.locator('main').innerText();
    expect(losses).toContain('**** **** **** 9003');
    expect(losses).toMatch(/ポイント [\d,]+ ポイントが失われます/);
    expect(losses).toMatch(
      /利用明細 \d+か月分\(\d{4}年\d+月〜\d{4}年\d+月\)が、この会員IDでは見られなくなります/,
    );
    expect(losses).toMatch(/ポイントは合計 [\d,]+ ポイントがすべて失われ、戻りません。/);
    expect(losses).toContain('このユーザーIDは30日間、どなたも登録できません');
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.getByLabel('上記の内容を理解し、退会します').check();
    await page.getByRole('button', { name: '退会する', exact: true }).click();
    await page.getByRole('heading', { name: '退会手続きが完了しました' }).waitFor();
    await expectAccessible(page);

    // Registering the same user ID answers as for any new ID; the mail tells the story.
    const again = await register(page, 'hanako@example.jp', 'hanako@example.jp', 'sakura is back 2026');
    const fresh = await register(page, 'newcomer2026', 'newcomer2026@example.jp', 'a fresh start in 2026');
    expect(again).toBe(fresh);
    await expectAccessible(page);
    const registration = await mailboxShows(page, 'hanako@example.jp');
    expect(registration).toContain(
      'ユーザーID「hanako@example.jp」は、退会の手続きで使われなくなったユーザーIDです',
    );
    expect(registration).toContain(COOLING_OFF);
    expect(registration).toContain(ANOTHER_ID);
    expect(registration).not.toContain('/forgot/password');

    // Forgot ID with the old address: the same page as always, and the mail names the withdrawn ID.
    await page.goto(`${e2e.server.url}/forgot/id?lang=ja`);
    await page.locator('#f-email').fill('hanako@example.jp');
    await page.locator('form[action="/forgot/id"] button[type=submit]').click();
    await page.getByRole('heading', { name: 'メールを送信しました' }).waitFor();
    const forgot = await mailboxShows(page, 'hanako@example.jp');
    expect(forgot).toMatch(/会員ID「hanako@example\.jp」は \d{4}年\d+月\d+日 に退会しました/);
    expect(forgot).toContain(LOST);

    // The help article the mail links to says the same.
    await page.goto(linkIn((await latestMailTo(e2e.server, 'hanako@example.jp'))!.text, '/help/withdrawal/'));
    const article = await page.locator('main').innerText();
    for (const sentence of [LOST, COOLING_OFF, ANOTHER_ID]) expect(article).toContain(sentence);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    // Another user ID with the same email works at once.
    await register(page, 'hanako2026', 'hanako@example.jp', 'sakura is back 2026');
    const verify = linkIn((await latestMailTo(e2e.server, 'hanako@example.jp'))!.text, '/register/verify');
    await page.goto(verify);
    await page.locator('form[action="/register/verify"] button[type=submit]').click();
    await logIn(page, 'hanako2026', 'sakura is back 2026');
    await page.waitForURL(/\/portal/);
    await expectAccessible(page);
  });

  it('sayonara2026 (withdrawn yesterday): login says L01, the troubleshooter names the cooling-off period, re-registering puts the story in the mailbox', async () => {
    const page = await phone();
    await logIn(page, 'sayonara2026', 'see-you-again-2026');
    await page.getByText('L01').first().waitFor();

    await page.goto(`${e2e.server.url}/help/login-trouble?step=withdrew&lang=ja`);
    const fix = await page.locator('main').innerText();
    expect(fix).toContain('退会から30日間(クーリングオフ期間)はどなたも登録できません');
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    await register(page, 'sayonara2026', 'sayonara@example.jp', 'see you again in 2027');
    const mail = await mailboxShows(page, 'sayonara@example.jp');
    expect(mail).toContain('ユーザーID「sayonara2026」は、退会の手続きで使われなくなったユーザーIDです');
    expect(mail).toContain(COOLING_OFF);
    expect(mail).toContain(LOST);
    await expectNoSidewaysScroll(page);
  });
});
