import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, seriousA11yViolations, startTestServer, withBrowserServer } from './harness.ts';

const run = browserAvailable();

/** Where each demo member lands after logging in (issue 5's demo cast table). */
const landings: { login: string; password: string; path: RegExp; shows: string }[] = [
  {
    login: 'hanako@example.jp',
    password: 'sakura-2026-demo',
    path: /\/portal$/,
    shows: '**** **** **** 9003',
  },
  {
    login: 'newcard@example.jp',
    password: 'first-login-2026',
    path: /\/portal\/enroll$/,
    shows: 'f-startPin',
  },
  { login: 'pinlock@example.jp', password: 'locked-pin-2026', path: /\/portal$/, shows: 'P01' },
  { login: 'suspended@example.jp', password: 'late-payment-2026', path: /\/portal$/, shows: 'C01' },
  { login: 'renewal@example.jp', password: 'screening-declined-2026', path: /\/portal$/, shows: 'C03' },
  { login: 'banned@example.jp', password: 'violation-2026-x', path: /\/login$/, shows: 'M01' },
];

describe.runIf(run)('card portal in a real browser', () => {
  const e2e = withBrowserServer();

  const newPage = (lang: 'ja' | 'en', width = 1280): Promise<Page> => e2e.newPage({ lang, width });

  async function logIn(page: Page, base: string, lang: 'ja' | 'en', login: string, password: string) {
    await page.goto(`${base}/login?lang=${lang}`);
    await page.locator('#f-identifier').fill(login);
    await page.locator('#f-password').fill(password);
    await page.locator('form[action="/login"] button[type=submit]').click();
    await page.waitForLoadState();
  }

  async function enroll(page: Page, cardNumber: string, birthDate: string, pin: string) {
    await page.getByLabel('Card number').fill(cardNumber);
    await page.getByLabel('Date of birth').fill(birthDate);
    await page.getByLabel('Start PIN').fill(pin);
    await page.getByRole('button', { name: 'Enroll' }).click();
    await page.waitForLoadState();
  }

  for (const lang of ['ja', 'en'] as const) {
    it(`lands every demo member on the right page (${lang}), each page free of serious a11y problems`, async () => {
      for (const m of landings) {
        const page = await newPage(lang);
        await logIn(page, e2e.server.url, lang, m.login, m.password);
        expect(page.url(), m.login).toMatch(m.path);
        expect(await page.content(), m.login).toContain(m.shows);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(await seriousA11yViolations(page), m.login).toEqual([]);
        await page.context().close();
      }
    });

    it(`shows the ID mismatch with the masked applying ID to twoids.alt (${lang})`, async () => {
      const page = await newPage(lang);
      await logIn(page, e2e.server.url, lang, 'twoids.alt@example.jp', 'two-ids-second-2026');
      expect(page.url()).toMatch(/\/portal\/enroll$/);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.locator('#f-cardNumber').fill('4980 1234 5678 9029');
      await page.locator('#f-birthDate').fill('1985-11-20');
      await page.locator('#f-startPin').fill('3958');
      await page.locator('form[action="/portal/enroll"] button[type=submit]').click();
      await page.waitForLoadState();
      const main = await page.locator('main').innerText();
      expect(main).toContain('t****s@example.jp');
      expect(main).toContain('P02');
      expect(await page.locator('a[href="/help/errors/P02"]').count()).toBe(1);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('enrolls newcard with its start PIN into the dashboard, and screenshots it at phone and desktop width', async () => {
    const page = await newPage('en', 390);
    await logIn(page, e2e.server.url, 'en', 'newcard@example.jp', 'first-login-2026');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await enroll(page, '4980123456789011', '1990-04-01', '4721');
    expect(page.url()).toMatch(/\/portal\?card=\d+&enrolled=1$/);
    expect(await page.locator('main').innerText()).toContain('**** **** **** 9011');
    await page.context().close();

    for (const [lang, width] of [
      ['ja', 390],
      ['en', 1280],
    ] as const) {
      const shot = await newPage(lang, width);
      await logIn(shot, e2e.server.url, lang, 'hanako@example.jp', 'sakura-2026-demo');
      expect(await seriousA11yViolations(shot)).toEqual([]);
      await shot.screenshot({ path: `/tmp/cards-dashboard-${lang}-${width}.png`, fullPage: true });
      await shot.goto(`${e2e.server.url}/portal/statements?lang=${lang}`);
      expect(await seriousA11yViolations(shot)).toEqual([]);
      await shot.goto(`${e2e.server.url}/cards/apply?lang=${lang}`);
      expect(await seriousA11yViolations(shot)).toEqual([]);
      await shot.context().close();
    }
  });

  it('locks newcard on a fresh server after 5 wrong start PINs (P01), and the right PIN then fails', async () => {
    const fresh = await startTestServer();
    try {
      const page = await newPage('en');
      await logIn(page, fresh.url, 'en', 'newcard@example.jp', 'first-login-2026');
      for (const [i, pin] of ['5820', '5821', '5822', '5823'].entries()) {
        await enroll(page, '4980123456789011', '1990-04-01', pin);
        expect(await page.locator('.remaining-attempts').innerText()).toContain(String(4 - i));
      }
      expect(await seriousA11yViolations(page)).toEqual([]);
      await enroll(page, '4980123456789011', '1990-04-01', '5824');
      expect(await page.locator('main').innerText()).toContain('P01');
      await page.goto(`${fresh.url}/portal/enroll?lang=en`);
      await enroll(page, '4980123456789011', '1990-04-01', '4721');
      expect(await page.locator('main').innerText()).toContain('P01');
      await page.goto(`${fresh.url}/portal?lang=en`);
      expect(await page.locator('main').innerText()).toContain('P01');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.context().close();
    } finally {
      await fresh.close();
    }
  });
});
