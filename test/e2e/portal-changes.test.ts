/**
 * Issue 12 in a real browser, on a phone (390×844), in Japanese and English: hanako changes one purchase to
 * revolving and one to instalments after the fact (confirmation with the fee, then the schedule, then undo so
 * the demo stays as it was), and changes her postal address in settings with her password. Every page is free
 * of serious axe violations and nothing scrolls sideways.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, seriousA11yViolations, withBrowserServer } from './harness.ts';

const run = browserAvailable();

const labels = {
  en: {
    statements: 'Statements',
    changeLink: 'Change payment method',
    revolving: 'Change to revolving',
    instalments: 'Change to instalments',
    count: 'Number of payments',
    confirm: 'Confirm the change',
    changed: 'The payment method was changed.',
    schedule: 'Payment schedule',
    fee: 'Total fee',
    undo: 'Undo the change',
    undone: 'The change was undone',
    changeAddress: 'Change address',
    postalCode: 'Postal code',
    prefecture: 'Prefecture',
    street: 'City, ward and street',
    password: 'Current password (to confirm it is you)',
    addressDone: 'Your address was changed.',
  },
  ja: {
    statements: 'ご利用明細',
    changeLink: 'お支払い方法を変更',
    revolving: 'リボ払いに変更',
    instalments: '分割払いに変更',
    count: 'お支払い回数',
    confirm: '変更を確定する',
    changed: 'お支払い方法を変更しました。',
    schedule: 'お支払いの予定',
    fee: '手数料の合計',
    undo: '変更を取り消す',
    undone: '変更を取り消しました。',
    changeAddress: '住所を変更する',
    postalCode: '郵便番号',
    prefecture: '都道府県',
    street: '市区町村・番地',
    password: '現在のパスワード(確認のため)',
    addressDone: 'ご住所を変更しました。',
  },
} as const;

describe.runIf(run)(
  'after-the-fact revolving, instalments and registration details in a real browser',
  () => {
    const e2e = withBrowserServer();

    async function phonePage(lang: 'ja' | 'en') {
      const page = await e2e.newPage({ lang, width: 390 });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${e2e.server.url}/login?lang=${lang}`);
      await page.locator('#f-identifier').fill('hanako@example.jp');
      await page.locator('#f-password').fill('sakura-2026-demo');
      await page.locator('form[action="/login"] button[type=submit]').click();
      await page.waitForLoadState();
      expect(page.url()).toMatch(/\/portal$/);
      return page;
    }

    async function expectAccessible(page: Page, where: string) {
      expect(await seriousA11yViolations(page), where).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${where} scrolls sideways`).toBeLessThanOrEqual(0);
    }

    /** Opens the newest month that offers changes and follows the first line's "change" link. */
    async function openFirstChangeableLine(page: Page, lang: 'ja' | 'en') {
      const l = labels[lang];
      await page.goto(`${e2e.server.url}/portal/statements?lang=${lang}`);
      const months = await page
        .locator('tbody tr th[scope=row] a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      for (const href of months.slice(0, 2)) {
        await page.goto(`${e2e.server.url}${href}`);
        const link = page.getByRole('link', { name: l.changeLink }).first();
        if ((await link.count()) === 0) continue;
        await expectAccessible(page, `statement ${href}`);
        await link.click();
        await page.waitForLoadState();
        expect(page.url()).toMatch(/\/portal\/statements\/changes\/\d+$/);
        return;
      }
      throw new Error('no month offers after-the-fact changes (the open month and the newest closed one)');
    }

    async function confirmAndUndo(page: Page, lang: 'ja' | 'en', what: string) {
      const l = labels[lang];
      await page.waitForLoadState();
      expect(await page.content()).toContain(l.fee);
      await expectAccessible(page, `${what}: confirmation`);
      await page.getByRole('button', { name: l.confirm }).click();
      await page.waitForLoadState();
      const done = await page.content();
      expect(done).toContain(l.changed);
      expect(done).toContain(l.schedule);
      await expectAccessible(page, `${what}: schedule`);
      await page.getByRole('button', { name: l.undo }).click();
      await page.waitForLoadState();
      expect(await page.content()).toContain(l.undone);
    }

    for (const lang of ['ja', 'en'] as const) {
      it(`changes a purchase to revolving and one to 6 instalments, then undoes both (${lang})`, async () => {
        const l = labels[lang];
        const page = await phonePage(lang);
        await openFirstChangeableLine(page, lang);
        await expectAccessible(page, 'change page');
        await page.getByRole('button', { name: l.revolving }).click();
        await confirmAndUndo(page, lang, 'revolving');

        await openFirstChangeableLine(page, lang);
        await page.getByLabel(l.count).selectOption('6');
        await page.getByRole('button', { name: l.instalments }).click();
        await page.waitForLoadState();
        expect(await page.locator('table.schedule tbody tr').count()).toBe(7); // 6 payments + total
        await confirmAndUndo(page, lang, 'instalments');
        await page.context().close();
        // Ten pages with axe on each: over the default 2 minutes on a busy machine.
      }, 300_000);

      it(`changes the postal address with the current password (${lang})`, async () => {
        const l = labels[lang];
        const page = await phonePage(lang);
        await page.goto(`${e2e.server.url}/settings?lang=${lang}`);
        await expectAccessible(page, 'settings');
        await page.getByRole('link', { name: l.changeAddress }).click();
        await page.waitForLoadState();
        await expectAccessible(page, 'address form');
        // A malformed postal code first: the page says what to fix and keeps the street.
        await page.getByLabel(l.postalCode).fill('12-34');
        await page.getByLabel(l.prefecture).selectOption('13');
        await page.getByLabel(l.street).fill('千代田区千代田1-1');
        await page.getByLabel(l.password).fill('sakura-2026-demo');
        await page.getByRole('button', { name: l.changeAddress }).click();
        await page.waitForLoadState();
        expect(await page.getByLabel(l.street).inputValue()).toBe('千代田区千代田1-1');
        await expectAccessible(page, 'address form with an error');
        await page.getByLabel(l.postalCode).fill('100-0001');
        await page.getByLabel(l.password).fill('sakura-2026-demo');
        await page.getByRole('button', { name: l.changeAddress }).click();
        await page.waitForLoadState();
        expect(page.url()).toMatch(/\/settings\?done=registration-address$/);
        const body = await page.content();
        expect(body).toContain(l.addressDone);
        expect(body).toContain('〒100-0001');
        await expectAccessible(page, 'settings after the change');
        await page.context().close();
      }, 300_000);
    }
  },
);
