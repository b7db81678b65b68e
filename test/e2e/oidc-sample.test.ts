/**
 * Issue 13: the sample group service (examples/points-mall) signs a member in through cardnavi in a real
 * browser: sign in at the service → cardnavi login → consent → back, signed in; revoking the service under
 * "Connected services" makes its next refresh fail. Axe on every page, in Japanese and English.
 */
import { createServer } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { createPointsMallApp } from '../../examples/points-mall/app.ts';
import { demoMembers } from '../../src/demo/cast.ts';
import { createClient } from '../../src/oidc/clients.ts';
import { browserAvailable, seriousA11yViolations, withBrowserServer } from './harness.ts';

const run = browserAvailable();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const TEXT = {
  en: {
    signIn: 'Sign in with your cardnavi member ID',
    logIn: 'Log in',
    allow: 'Allow',
    refresh: 'Refresh member details',
    refreshed: 'Member details refreshed.',
    ended: 'Your connection with cardnavi has ended',
    revoke: 'Revoke',
  },
  ja: {
    signIn: 'cardnavi の会員IDでログイン',
    logIn: 'ログイン',
    allow: '許可する',
    refresh: '会員情報を更新',
    refreshed: '会員情報を更新しました。',
    ended: 'cardnavi との連携が終了しています',
    revoke: '取り消す',
  },
} as const;

describe.runIf(run)('single sign-on at the sample group service in a real browser', () => {
  const e2e = withBrowserServer();

  async function startMall(clientId: string, backchannel: boolean) {
    const port = await freePort();
    // The service on "localhost", cardnavi on 127.0.0.1: two sites, as in production.
    const mallUrl = `http://localhost:${port}`;
    const created = await createClient(e2e.server.deps.db, {
      clientId,
      name: `Points Mall ${clientId}`,
      redirectUris: [`${mallUrl}/callback`],
      backchannelLogoutUri: backchannel ? `${mallUrl}/backchannel-logout` : undefined,
      firstParty: false,
    });
    if (!created.ok) throw new Error(created.code);
    const { app } = createPointsMallApp({
      issuer: e2e.server.url,
      publicUrl: mallUrl,
      clientId,
      clientSecret: created.secret,
    });
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
    });
    return { mallUrl, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  for (const [lang, login] of [
    ['en', 'hanako@example.jp'],
    ['ja', 'taro0123'],
  ] as const) {
    it(`signs in through cardnavi with consent, and a revoke in settings ends the service's refresh (${lang})`, async () => {
      const t = TEXT[lang];
      const member = demoMembers.find((m) => m.login === login);
      if (!member) throw new Error(`demo member ${login} missing`);
      // en: no back-channel logout URI, so only the refresh can tell; ja: the service is also told at once.
      const backchannel = lang === 'ja';
      const mall = await startMall(`points-mall-e2e-${lang}`, backchannel);
      try {
        const page = await e2e.newPage({ lang });
        await page.goto(`${mall.mallUrl}/?lang=${lang}`);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.getByRole('button', { name: t.signIn }).click();

        // cardnavi's own login page, in the member's language.
        await page.waitForURL(`${e2e.server.url}/login`);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.locator('#f-identifier').fill(member.login);
        await page.locator('#f-password').fill(member.password);
        await page.locator('form[action="/login"] button[type=submit]').click();

        // Consent, naming the service.
        await page.waitForURL(/\/oidc\/interaction\//);
        expect(await page.textContent('h1')).toContain(`Points Mall points-mall-e2e-${lang}`);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.getByRole('button', { name: t.allow, exact: true }).click();

        // Back at the service, signed in: it shows what cardnavi told it.
        await page.waitForURL(`${mall.mallUrl}/`);
        expect(await page.locator('[data-claim="member_id"]').textContent()).toBe(login);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.getByRole('button', { name: t.refresh }).click();
        expect(await page.locator('.notice').textContent()).toContain(t.refreshed);

        // Connected services in cardnavi's settings: revoke it.
        await page.goto(`${e2e.server.url}/settings/services?lang=${lang}`);
        expect(await page.textContent('main')).toContain(`Points Mall points-mall-e2e-${lang}`);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.getByRole('button', { name: t.revoke }).first().click();
        expect(await page.textContent('main')).not.toContain(`points-mall-e2e-${lang}</td>`);

        // The service's next refresh fails: the member has to sign in again.
        await page.goto(`${mall.mallUrl}/`);
        const refresh = page.getByRole('button', { name: t.refresh });
        if (!backchannel || (await refresh.count())) await refresh.click();
        expect(await page.locator('.notice').textContent()).toContain(t.ended);
        expect(await page.getByRole('button', { name: t.signIn }).count()).toBe(1);
      } finally {
        await mall.close();
      }
    });
  }
});
