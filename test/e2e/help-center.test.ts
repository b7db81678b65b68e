import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/errors/catalog.ts';
import { articlePath, helpCategories, helpLibrary } from '../../src/help/articles.ts';
import {
  answersToReach,
  type DomainCause,
  type TroubleAnswer,
  type TroubleFix,
  troubleTree,
} from '../../src/help/troubleshooter.ts';
import { categoryPath } from '../../src/help/views/articles.tsx';
import { type Lang, translate } from '../../src/i18n/index.ts';
import { browserAvailable, seriousA11yViolations, withBrowserServer } from './harness.ts';

const run = browserAvailable();

/** The fix the troubleshooter gives for each DOMAIN.md cause (some causes have two; the first is enough here). */
const fixForCause = new Map<DomainCause, TroubleFix>();
for (const node of troubleTree.values())
  if (node.kind === 'fix' && node.cause !== null && !fixForCause.has(node.cause))
    fixForCause.set(node.cause, node);

function labelOf(lang: Lang, answer: TroubleAnswer): string {
  if (typeof answer.label === 'string') return translate(lang, answer.label);
  const { code } = answer.label;
  return translate(lang, 'help.trouble.codeAnswer', { code, title: translate(lang, `error.${code}.title`) });
}

describe.runIf(run)('help center in a real browser', () => {
  const e2e = withBrowserServer();

  const newPage = (lang: Lang, options: { width?: number; javaScript?: boolean } = {}): Promise<Page> =>
    e2e.newPage({ lang, width: options.width ?? 1280, javaScript: options.javaScript });

  it.each(['ja', 'en'] as const)(
    'answers the troubleshooter by clicking, without JavaScript, and lands on the fix for each of the 12 causes (%s)',
    async (lang) => {
      const page = await newPage(lang, { width: 390, javaScript: false });
      for (let cause = 1; cause <= 12; cause++) {
        const fix = fixForCause.get(cause as DomainCause);
        expect(fix, `cause ${cause}`).toBeDefined();
        const answers = answersToReach(fix!.id)!;
        await page.goto(`${e2e.server.url}/help/login-trouble?lang=${lang}`);
        for (const answer of answers) {
          await page.getByRole('link', { name: labelOf(lang, answer), exact: true }).click();
        }
        const section = page.locator(`[data-fix="${fix!.id}"]`);
        await expect(section.locator('#trouble-fix-title').innerText()).resolves.toContain(
          translate(lang, fix!.title).slice(0, 12),
        );
        const next = section.locator('.button-row a').first();
        expect(await next.getAttribute('href'), `cause ${cause}`).toBe(fix!.links[0]!.href);
      }
    },
  );

  // About 55 pages per language; axe takes a second or two each on this machine.
  it.each(['ja', 'en'] as const)(
    'passes axe on every help page, article, category and error code (%s)',
    async (lang) => {
      const library = helpLibrary();
      const paths = [
        '/help',
        '/help/search?q=password',
        '/help/search?q=%E9%96%8B%E5%A7%8B%E6%89%8B%E7%B6%9A%E3%81%8D',
        '/help/login-trouble',
        '/help/login-trouble?step=code',
        '/help/login-trouble?step=pinLocked',
        '/help/login-trouble?step=swapped',
        '/help/errors',
        '/help/errors/ZZ9',
        '/help/contact',
        ...helpCategories.map(categoryPath),
        ...[...library.articles.ja.values()].map(articlePath),
        ...errorCodes.map((code) => `/help/errors/${code}`),
      ];
      const failures: string[] = [];
      const page = await newPage(lang);
      await page.goto(`${e2e.server.url}/help?lang=${lang}`);
      for (const path of paths) {
        await page.goto(`${e2e.server.url}${path}`);
        for (const v of await seriousA11yViolations(page)) failures.push(`${path}: ${v}`);
      }
      await page.context().close();
      expect(failures).toEqual([]);
    },
    300_000,
  );

  it('looks right at phone width (screenshots for review)', async () => {
    for (const lang of ['ja', 'en'] as const) {
      const page = await newPage(lang, { width: 390 });
      await page.goto(`${e2e.server.url}/help/login-trouble?step=message&lang=${lang}`);
      await page.screenshot({ path: `/tmp/help-trouble-${lang}.png`, fullPage: true });
      await page.goto(`${e2e.server.url}/help/card-payment/card-not-eligible?lang=${lang}`);
      await page.screenshot({ path: `/tmp/help-article-${lang}.png`, fullPage: true });
      // Nothing wider than the viewport: no sideways scrolling on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow).toBeLessThanOrEqual(390);
      await page.context().close();
    }
  });
});
