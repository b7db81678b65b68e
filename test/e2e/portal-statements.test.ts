/**
 * Issue 12 in a real browser: hanako opens statements, a month, downloads the CSV and the PDF, and the points
 * page, on a phone viewport in Japanese and English, each page free of serious axe violations; the charts and
 * the month picker need no JavaScript (server-drawn SVG).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, seriousA11yViolations, withBrowserServer } from './harness.ts';

const run = browserAvailable();
const PHONE = 390;

describe.runIf(run)('statements and points in a real browser', () => {
  const e2e = withBrowserServer();

  async function logIn(page: Page, lang: 'ja' | 'en') {
    await page.goto(`${e2e.server.url}/login?lang=${lang}`);
    await page.locator('#f-identifier').fill('hanako@example.jp');
    await page.locator('#f-password').fill('sakura-2026-demo');
    await page.locator('form[action="/login"] button[type=submit]').click();
    await page.waitForLoadState();
  }

  async function expectAccessible(page: Page, where: string) {
    expect(await seriousA11yViolations(page), where).toEqual([]);
    // Nothing wider than the phone: tables scroll inside their own box, charts scale.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${where} scrolls sideways`).toBeLessThanOrEqual(0);
  }

  const labels = {
    en: { statements: 'Statements', csv: 'Download CSV', pdf: 'Download PDF', points: 'Points' },
    ja: { statements: 'ご利用明細', csv: 'CSVをダウンロード', pdf: 'PDFをダウンロード', points: 'ポイント' },
  } as const;

  for (const lang of ['en', 'ja'] as const) {
    it(`walks dashboard → statements → a closed month → CSV and PDF → points (${lang}, phone)`, async () => {
      const page = await e2e.newPage({ lang, width: PHONE });
      const l = labels[lang];
      await logIn(page, lang);
      expect(page.url()).toMatch(/\/portal$/);
      expect(await page.locator('figure.chart svg').count()).toBe(2);
      await expectAccessible(page, 'dashboard');

      await page.getByRole('link', { name: l.statements, exact: true }).click();
      await page.waitForLoadState();
      expect(page.url()).toMatch(/\/portal\/statements\?card=\d+$/);
      expect(await page.locator('tbody tr th[scope=row] a').count()).toBe(16);
      await expectAccessible(page, 'statements');

      // The newest closed month is the second row (the first is the open month).
      const closed = page.locator('tbody tr th[scope=row] a').nth(1);
      const month = (await closed.getAttribute('href'))?.match(/\d{4}-\d{2}/)?.[0] ?? '';
      await closed.click();
      await page.waitForLoadState();
      expect(page.url()).toContain(`/portal/statements/${month}`);
      expect(await page.locator('h1').textContent()).toBeTruthy();
      await expectAccessible(page, `month ${month}`);

      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: l.csv, exact: true }).click(),
      ]);
      expect(csv.suggestedFilename()).toBe(`cardnavi-statement-${month}-9003.csv`);
      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: l.pdf, exact: true }).click(),
      ]);
      expect(pdf.suggestedFilename()).toBe(`cardnavi-statement-${month}-9003.pdf`);

      await page.goto(`${e2e.server.url}/portal?lang=${lang}`);
      await page.getByRole('link', { name: l.points, exact: true }).first().click();
      await page.waitForLoadState();
      expect(page.url()).toMatch(/\/portal\/points\?card=\d+$/);
      expect(await page.locator('#points-balance').textContent()).toMatch(/\d/);
      await expectAccessible(page, 'points');
      await page.context().close();
    });
  }

  it('draws the charts and the month picker with JavaScript turned off', async () => {
    const page = await e2e.newPage({ lang: 'en', width: PHONE, javaScript: false });
    await logIn(page, 'en');
    await page.goto(`${e2e.server.url}/portal/statements`);
    expect(await page.locator('figure.chart svg rect').count()).toBeGreaterThan(12);
    expect(await page.locator('.visually-hidden table').count()).toBe(2);
    expect(await page.locator('tbody tr th[scope=row] a').count()).toBe(16);
    await page.context().close();
  });
});
