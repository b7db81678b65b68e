import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/helpers/app.ts';
import { errorCodes } from '../errors/catalog.ts';
import { translate } from '../i18n/index.ts';
import { articlePath, helpCategories, helpLibrary } from './articles.ts';
import { troubleStepPath, troubleTree } from './troubleshooter.ts';

let target: TestApp;
beforeAll(async () => {
  target = await createTestApp('pglite');
  // A fresh migrated database: slow on a shared machine.
}, 180_000);
afterAll(async () => {
  await target.close();
});

const get = (path: string, lang: 'ja' | 'en' = 'ja') =>
  target.app.request(path, { headers: { 'accept-language': lang } });

const text = async (res: Response) => (await res.text()).replace(/<[^>]+>/g, ' ');

describe.each(['ja', 'en'] as const)('help pages in %s', (lang) => {
  it('renders /help with the search box, the troubleshooter, error lookup and contact', async () => {
    const res = await get('/help', lang);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<html lang="${lang}"`);
    expect(html).toContain('action="/help/search"');
    expect(html).toContain('href="/help/login-trouble"');
    expect(html).toContain('href="/help/errors"');
    expect(html).toContain('href="/help/contact"');
  });

  it('renders every category and every article with a search box', async () => {
    const library = helpLibrary();
    for (const category of helpCategories.filter((c) => c !== 'contact')) {
      const res = await get(`/help/${category}`, lang);
      expect(res.status, category).toBe(200);
    }
    for (const article of library.articles[lang].values()) {
      const res = await get(articlePath(article), lang);
      expect(res.status, article.slug).toBe(200);
      const html = await res.text();
      expect(html).toContain('action="/help/search"');
      expect(html).not.toContain('{{');
      expect(html, article.slug).toContain(article.title);
    }
  });

  it('renders a lookup page for every code in the error catalog', async () => {
    for (const code of errorCodes) {
      const res = await get(`/help/errors/${code}`, lang);
      expect(res.status, code).toBe(200);
      const body = await text(res);
      expect(body, code).toContain(translate(lang, `error.${code}.title`));
      expect(body, code).toContain(translate(lang, `error.${code}.action`));
    }
    const list = await get('/help/errors', lang);
    expect(list.status).toBe(200);
    const html = await list.text();
    for (const code of errorCodes) expect(html).toContain(`href="/help/errors/${code}"`);
  });

  it('renders every troubleshooter step', async () => {
    for (const id of troubleTree.keys()) {
      const res = await get(troubleStepPath(id), lang);
      expect(res.status, id).toBe(200);
    }
  });

  it('renders the contact page', async () => {
    const res = await get('/help/contact', lang);
    expect(res.status).toBe(200);
  });
});

describe('GET /help/errors/:code', () => {
  it('sends a lower-case or padded code to its canonical page', async () => {
    const res = await get('/help/errors/c01');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/help/errors/C01');
    const form = await get('/help/errors?code=%20p01%20');
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/help/errors/P01');
  });

  it('answers an unknown code with a helpful page: the list, the search and the troubleshooter', async () => {
    const res = await get('/help/errors/ZZ9', 'en');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('We could not find the error code “ZZ9”');
    expect(html).toContain('href="/help/errors"');
    expect(html).toContain('href="/help/login-trouble"');
    expect(html).toContain('action="/help/search"');
    for (const code of errorCodes) expect(html).toContain(`href="/help/errors/${code}"`);
  });

  it('shows the contact center only for codes that need it, and links related articles', async () => {
    const p01 = await (await get('/help/errors/P01', 'en')).text();
    expect(p01).toContain('contact-box');
    expect(p01).toContain('href="/help/enrollment/start-pin"');
    const p03 = await (await get('/help/errors/P03', 'en')).text();
    expect(p03).not.toContain('contact-box');
    expect(p03).toContain('You can resolve this error yourself');
  });

  it('escapes a hostile code in the page', async () => {
    const res = await get('/help/errors/%3Cscript%3Ex');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).not.toContain('<SCRIPT>');
    expect(html).toContain('&lt;SCRIPT&gt;X');
  });
});

describe('GET /help/search', () => {
  it('lists ranked results with the query marked, escaped', async () => {
    const res = await get(
      '/help/search?q=%E3%83%91%E3%82%B9%E3%83%AF%E3%83%BC%E3%83%89%20%E5%BF%98%E3%82%8C%E3%81%9F',
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    const first = /<ol class="search-results"><li><a href="([^"]+)"/.exec(html);
    expect(first?.[1]).toBe('/help/member-id/forgot-password');
    expect(html).toContain('<mark>パスワード</mark>');
  });

  it('never renders the query as markup', async () => {
    const res = await get(`/help/search?q=${encodeURIComponent('<script>alert(1)</script> password')}`, 'en');
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; password');
  });

  it('offers the lookup page first when the query is an error code, in any case', async () => {
    const html = await (await get('/help/search?q=c01', 'en')).text();
    expect(html).toContain('<a href="/help/errors/C01">What error code C01 means');
  });

  it('says so when nothing matches and offers the troubleshooter', async () => {
    const res = await get('/help/search?q=qwxzv', 'en');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('No articles match “qwxzv”');
    expect(html).toContain('href="/help/login-trouble"');
  });
});

describe('GET /help/login-trouble', () => {
  it('starts over at the first question for an unknown step', async () => {
    const res = await get('/help/login-trouble?step=nope', 'en');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Do you see an error code on the screen?');
    expect(html).toContain('That page has expired');
  });

  it('fills the lock numbers from configuration', async () => {
    const body = await text(await get('/help/login-trouble?step=locked', 'en'));
    expect(body).toContain('After 10 wrong passwords in a row');
    expect(body).toContain('about 15 minutes');
  });

  it('shows a member who saw C03 the code C03 (not C01), with buttons that say where they go', async () => {
    const codeQuestion = await (await get('/help/login-trouble?step=code', 'en')).text();
    const c03 = /href="([^"]+)"[^>]*>C03 —/.exec(codeQuestion)?.[1]?.replace(/&amp;/g, '&');
    expect(c03).toBeDefined();
    const html = await (await get(c03 ?? '', 'en')).text();
    expect(html).toContain('class="error-code-tag">Error code: C03');
    expect(html).not.toContain('Error code: C01');
    expect(html).not.toContain('href="/help/errors/C01"');
    expect(html).toContain('What error code C03 means');
    const ja = await (await get(c03 ?? '', 'ja')).text();
    expect(ja).toContain('エラーコードC03の説明へ');
  });
});

describe('a member whose login is locked reads the L01 page', () => {
  it('learns that a lock also shows L01 and that a completed reset lifts it', async () => {
    const en = await text(await get('/help/errors/L01', 'en'));
    expect(en).toContain('While your account is locked');
    expect(en).toContain('a completed reset with “Forgot password” lifts it');
    const ja = await text(await get('/help/errors/L01', 'ja'));
    expect(ja).toContain('ロックされている間も、この表示になります');
    expect(ja).toContain('再設定を終えるとロックは解除されます');
  });
});

describe('contact numbers a member can tap to call', () => {
  it('links every contact number as tel: in the footer, the contact page and help articles', async () => {
    const { phoneNavi, phoneLandline } = target.deps.config.contact;
    const tel = (phone: string) => `href="tel:${phone.replace(/[^\d+]/g, '')}"`;
    const footer = await (await get('/help', 'ja')).text();
    expect(footer).toContain(`<a ${tel(phoneNavi)}>${phoneNavi}</a>`);
    const contact = await (await get('/help/contact', 'en')).text();
    for (const phone of [phoneNavi, phoneLandline]) expect(contact).toContain(tel(phone));
    for (const lang of ['ja', 'en'] as const) {
      for (const slug of ['before-you-call', 'lost-stolen-card']) {
        const article = helpLibrary().find(lang, slug);
        expect(article, slug).toBeDefined();
        const html = await (await get(articlePath(article!), lang)).text();
        expect(html, `${lang} ${slug}`).toContain(`<a ${tel(phoneNavi)}>${phoneNavi}</a>`);
      }
    }
  });
});

describe('articles and the contact page follow configuration', () => {
  let custom: TestApp;
  beforeAll(async () => {
    custom = await createTestApp('pglite', {
      CONTACT_PHONE_NAVI: '0570-123-456',
      CONTACT_PHONE_LANDLINE: '06-9999-0000',
      CONTACT_HOURS: '10:00-18:00',
      START_PIN_MAX_FAILURES: '3',
    });
  });
  afterAll(async () => {
    await custom.close();
  });
  const customGet = (path: string, lang = 'ja') =>
    custom.app.request(path, { headers: { 'accept-language': lang } });

  it('shows the configured numbers and hours on the contact page and in articles', async () => {
    const contact = await (await customGet('/help/contact')).text();
    expect(contact).toContain('0570-123-456');
    expect(contact).toContain('06-9999-0000');
    expect(contact).toContain('10:00〜18:00');
    const article = await (await customGet('/help/enrollment/start-pin')).text();
    expect(article).toContain('0570-123-456');
    expect(article).toContain('3回間違えると');
    expect(article).toContain('10:00–18:00');
    expect(article).not.toContain('0570-000-000</');
  });

  it('says whether the line is open now, in Japan time', async () => {
    custom.setNow(new Date('2026-05-27T02:00:00Z')); // 11:00 in Tokyo
    expect(await (await customGet('/help/contact', 'en')).text()).toContain('Open now');
    custom.setNow(new Date('2026-05-27T10:00:00Z')); // 19:00 in Tokyo
    expect(await (await customGet('/help/contact', 'en')).text()).toContain('Closed now');
  });

  it('tells callers what to have ready, the busy days and what works online', async () => {
    const html = await (await customGet('/help/contact', 'en')).text();
    expect(html).toContain('date of birth');
    expect(html).toContain('the 27th');
    expect(html).toContain('paid call');
    for (const href of [
      '/forgot/id',
      '/forgot/password',
      '/portal/enroll',
      '/help/errors',
      '/help/login-trouble',
    ])
      expect(html).toContain(`href="${href}"`);
  });
});

describe('GET /help/:category/:slug', () => {
  it('redirects an article under the wrong category to its real address', async () => {
    const res = await get('/help/login/forgot-password');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/help/member-id/forgot-password');
  });

  it('answers unknown categories and articles with the 404 page', async () => {
    expect((await get('/help/nope')).status).toBe(404);
    expect((await get('/help/login/nope')).status).toBe(404);
  });
});

describe('the login page points at the help center', () => {
  it('links a failed login to the troubleshooter, the L01 page and the matching articles, each of which exists', async () => {
    const client = new TestClient(target, { 'accept-language': 'en' });
    const res = await client.login('sakura 2026 demo!', 'taro0123');
    const html = await res.text();
    const links = [
      '/help/login-trouble',
      '/help/errors/L01',
      '/help/login/swapped-id-password',
      '/help/member-id/several-member-ids',
      '/help/login/caps-lock-autofill',
    ];
    for (const href of links) {
      expect(html).toContain(`href="${href}"`);
      expect((await get(href, 'en')).status, href).toBe(200);
    }
    expect(html).toContain('href="/forgot/id"');
    expect(html).toContain('href="/forgot/password"');
  });
});
