// Web hardening: ASVS 5.0 V3.4 (headers), V3.5 (CSRF), V3.3 (cookies); bad input is a 4xx page, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';

describe('web security', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends a nonce CSP without inline allowances, and the other security headers', async () => {
    const res = await t.app.request('/login');
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(await res.text()).toContain(`nonce="${nonce}"`);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS for a year and __Host- Secure cookies in production over https', async () => {
    const prod = await createTestApp('pglite', {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://cardnavi.example',
      DATABASE_URL: 'postgres://unused/for-config-only',
    });
    try {
      const res = await prod.app.request('/login');
      expect(res.headers.get('strict-transport-security')).toContain('max-age=31536000');
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-cardnavi_csrf='));
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect((await prod.app.request('/dev/mailbox')).status).toBe(404);
    } finally {
      await prod.close();
    }
  });

  it('refuses a POST without the CSRF token, with a foreign Origin, or from a cross-site form', async () => {
    const client = new TestClient(t);
    await client.get('/login');
    const noToken = await client.post('/login', { _csrf: '', identifier: 'a', password: 'b' });
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain('再読み込み');
    const foreign = await client.post(
      '/login',
      { identifier: 'a', password: 'b' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    const crossSite = await client.post(
      '/login',
      { identifier: 'a', password: 'b' },
      { origin: '', 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    const ok = await client.post('/login', { identifier: 'someone-1', password: 'b' });
    expect(ok.status).toBe(401);
  });

  it('answers an oversized body with a 413 page, a non-form body with 400, and unknown paths with a 404 page', async () => {
    const client = new TestClient(t);
    const big = await client.post('/register', { userId: 'x'.repeat(70 * 1024) });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('64KB');
    const json = await t.app.request('/login', {
      method: 'POST',
      body: JSON.stringify({ identifier: 'a' }),
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
    });
    expect(json.status).toBe(400);
    const missing = await t.app.request('/no/such/page?lang=en');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
  });

  it('escapes what was typed when it shows it again', async () => {
    const client = new TestClient(t);
    const res = await client.post('/login', { identifier: '<script>alert(1)</script>', password: 'x' });
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('remembers ?lang= in a cookie and follows Accept-Language otherwise', async () => {
    const client = new TestClient(t);
    expect(await (await client.get('/login?lang=en')).text()).toContain('<html lang="en">');
    expect(await (await client.get('/login')).text()).toContain('<html lang="en">');
    expect(
      await (await t.app.request('/login', { headers: { 'accept-language': 'en-GB' } })).text(),
    ).toContain('User ID or email');
    expect(await (await t.app.request('/login')).text()).toContain('<html lang="ja">');
  });

  it('answers a request for an object property as an asset (constructor, __proto__, toString) with 404, never a 500', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const res = await t.app.request(`/assets/${name}`);
      expect(res.status, name).toBe(404);
    }
  });

  it('never renders an off-site language link for a path that starts with two slashes', async () => {
    for (const path of ['//evil.example/x', '/\\evil.example/x']) {
      const html = await (await t.app.request(path)).text();
      const hrefs = [...html.matchAll(/href="([^"]*lang=(?:ja|en)[^"]*)"/g)].map((m) => m[1] ?? '');
      expect(hrefs.length, path).toBe(2);
      for (const href of hrefs) expect(href, path).toMatch(/^\/[^/\\]/);
    }
  });

  it('answers a NUL in the development mailbox filter with a 400 page saying what to type, never a 500', async () => {
    const res = await t.app.request('/dev/mailbox?to=a%00b@example.jp');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('254');
  });

  it('reports liveness and readiness', async () => {
    expect((await t.app.request('/healthz')).status).toBe(200);
    expect(await (await t.app.request('/readyz')).json()).toEqual({ status: 'ready' });
  });
});
