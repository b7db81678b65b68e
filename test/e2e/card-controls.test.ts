/**
 * Issue 12, card controls in a real browser on a phone (390×844): hanako locks and unlocks her card, turns
 * usage notifications on from the dashboard, and finally reports the card lost or stolen — in Japanese and
 * in English (the English run clicks the contract labels "Lock card", "Unlock card", "Usage notifications",
 * "Report lost or stolen"). Every page is free of serious axe violations and never wider than the phone;
 * no page shows more than the last 4 digits.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { browserAvailable, seriousA11yViolations, withBrowserServer } from './harness.ts';

const run = browserAvailable();
const FULL_NUMBER = /(?<!\d)(?:\d[ -]?){15}\d(?!\d)/;

const labels = {
  ja: {
    lock: 'カードの利用を停止する',
    unlock: '利用停止を解除する',
    notifications: 'ご利用通知',
    save: 'ご利用通知を保存する',
    enable: 'ご利用通知メールを受け取る',
    amount: '通知する金額(円以上)',
    report: '紛失・盗難を届け出る',
    locked: '利用停止中',
  },
  en: {
    lock: 'Lock card',
    unlock: 'Unlock card',
    notifications: 'Usage notifications',
    save: 'Save usage notifications',
    enable: 'Mail me about my transactions',
    amount: 'Amount (yen) or more',
    report: 'Report lost or stolen',
    locked: 'Locked',
  },
} as const;

describe.runIf(run)('card controls in a real browser', () => {
  const e2e = withBrowserServer();

  async function phone(lang: 'ja' | 'en'): Promise<Page> {
    const context = await e2e.browser.newContext({
      locale: lang === 'ja' ? 'ja-JP' : 'en-US',
      viewport: { width: 390, height: 844 },
    });
    return context.newPage();
  }

  async function logIn(page: Page, lang: 'ja' | 'en') {
    await page.goto(`${e2e.server.url}/login?lang=${lang}`);
    await page.locator('#f-identifier').fill('hanako@example.jp');
    await page.locator('#f-password').fill('sakura-2026-demo');
    await page.locator('form[action="/login"] button[type=submit]').click();
    await page.waitForURL(/\/portal$/);
  }

  async function expectGoodPage(page: Page, where: string) {
    expect(await seriousA11yViolations(page), where).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${where} scrolls sideways`).toBeLessThanOrEqual(0);
    expect(FULL_NUMBER.test(await page.content()), `${where} shows a full number`).toBe(false);
  }

  async function click(page: Page, role: 'button' | 'link', name: string) {
    await Promise.all([page.waitForLoadState(), page.getByRole(role, { name, exact: true }).first().click()]);
    await page.waitForLoadState();
  }

  // Japanese first: the English run ends with the loss report, which cannot be undone.
  for (const lang of ['ja', 'en'] as const) {
    it(`locks, unlocks and sets usage notifications${lang === 'en' ? ', then reports the card lost' : ''} (${lang})`, async () => {
      const l = labels[lang];
      const page = await phone(lang);
      await logIn(page, lang);

      await click(page, 'link', l.notifications);
      expect(page.url()).toMatch(/\/portal\/card\?card=\d+#usage-notifications$/);
      await expectGoodPage(page, 'card controls');
      await page.getByLabel(l.enable, { exact: true }).check();
      await page.getByLabel(l.amount, { exact: true }).fill('5000');
      await click(page, 'button', l.save);
      expect(page.url()).toMatch(/done=notify-on$/);
      expect(await page.locator('#notify-current').textContent()).toMatch(/5,000/);

      await click(page, 'button', l.lock);
      expect(page.url()).toMatch(/done=locked$/);
      expect(await page.locator('#card-status').textContent()).toContain(l.locked);
      await expectGoodPage(page, 'card locked');
      await page.goto(`${e2e.server.url}/portal`);
      expect(await page.locator('#notice-card-locked').count()).toBe(1);
      expect(await page.locator('#card-status').textContent()).toContain(l.locked);
      await expectGoodPage(page, 'dashboard with a locked card');

      await page.goto(`${e2e.server.url}/portal/card`);
      await click(page, 'button', l.unlock);
      expect(page.url()).toMatch(/done=unlocked$/);
      expect(await page.getByRole('button', { name: l.lock, exact: true }).count()).toBe(1);

      if (lang === 'en') {
        await page.locator('#f-password').fill('sakura-2026-demo');
        await click(page, 'button', l.report);
        expect(page.url()).toMatch(/done=reported$/);
        expect(await page.locator('#card-status').textContent()).toContain('Reported lost or stolen');
        await expectGoodPage(page, 'card reported');
        await page.goto(`${e2e.server.url}/portal`);
        expect(await page.locator('#notice-replacement').textContent()).toContain('new number');
        await expectGoodPage(page, 'dashboard after the report');
        const mails = await listRecentMail(
          e2e.server.deps.db,
          e2e.server.deps.config,
          20,
          'hanako@example.jp',
        );
        expect(mails.map((m) => m.template)).toContain('card_reported_lost');
      }
      await page.context().close();
      // Ten page loads with axe on a phone, on a machine shared with other work: generous.
    }, 300_000);
  }
});
