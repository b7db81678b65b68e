import { describe, expect, it } from 'vitest';
import { testConfig } from '../../test/helpers/config.ts';
import { errorCodes } from '../errors/catalog.ts';
import { helpCategories, helpLibrary, parseArticle } from './articles.ts';
import { articlesForCode } from './error-articles.ts';
import { articlePlaceholders, fillPlaceholdersInHtml } from './markdown.ts';

const fixture = (body: string, meta = 'title: T\ncategory: login') => `---\n${meta}\n---\n${body}`;

describe('article rendering', () => {
  it('escapes raw HTML in an article instead of rendering it', () => {
    const article = parseArticle(
      fixture('Hello <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))'),
      'en',
      'fixture',
    );
    expect(article.html).not.toContain('<script>');
    expect(article.html).not.toContain('<img');
    expect(article.html).toContain('&lt;script&gt;');
    expect(article.html).not.toContain('href="javascript:');
  });

  it('fills placeholders with config values, HTML-escaped, phone numbers as tel: links', () => {
    const article = parseArticle(fixture('Call {{contactPhoneNavi}} ({{contactHours}}).'), 'en', 'fixture');
    const values = articlePlaceholders(testConfig({ CONTACT_PHONE_NAVI: '0570-<b>12</b>' }));
    const html = fillPlaceholdersInHtml(article.html, values);
    expect(html).toContain('Call <a href="tel:057012">0570-&lt;b&gt;12&lt;/b&gt;</a> (09:30–17:30).');
  });

  it('rejects unknown placeholders, categories and missing titles when loading', () => {
    expect(() => parseArticle(fixture('{{contactPhone}}'), 'ja', 'x')).toThrow(/unknown placeholder/);
    expect(() => parseArticle(fixture('x', 'title: T\ncategory: misc'), 'ja', 'x')).toThrow(/category/);
    expect(() => parseArticle(fixture('x', 'category: login'), 'ja', 'x')).toThrow(/title/);
    expect(() => parseArticle('no front matter', 'ja', 'x')).toThrow(/front matter/);
  });
});

describe('the help library in content/help', () => {
  const library = helpLibrary();

  it('has the same articles in Japanese and English, and every category has articles', () => {
    expect([...library.articles.ja.keys()].sort()).toEqual([...library.articles.en.keys()].sort());
    for (const category of helpCategories)
      expect(library.inCategory('ja', category).length, category).toBeGreaterThan(0);
  });

  it('links only to pages of this site (no external hosts) and only to articles that exist', () => {
    for (const lang of ['ja', 'en'] as const) {
      for (const article of library.articles[lang].values()) {
        for (const [, href] of article.html.matchAll(/href="([^"]*)"/g)) {
          expect(href, `${lang}/${article.slug}`).toMatch(/^\//);
          const m = /^\/help\/([\w-]+)\/([\w-]+)$/.exec(href!);
          if (m && m[1] !== 'errors') expect(library.find(lang, m[2]!)?.category, href).toBe(m[1]);
        }
      }
    }
  });

  it('names no real issuer: the product is cardnavi', () => {
    for (const lang of ['ja', 'en'] as const)
      for (const article of library.articles[lang].values())
        expect(article.source, article.slug).not.toMatch(/楽天|rakuten|e-navi|0570-66|092-474/i);
  });

  it('has articles for every error code', () => {
    for (const code of errorCodes)
      for (const slug of articlesForCode[code])
        expect(library.find('ja', slug), `${code} → ${slug}`).toBeDefined();
  });
});
