import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oidc from 'openid-client';

/**
 * A sample group service ("Points Mall") that signs members in with their cardnavi member ID through
 * OpenID Connect (authorization code + PKCE, with openid-client) and shows what it was told about them.
 * It keeps its sessions in memory: it is a sample, not a product.
 */
export interface PointsMallOptions {
  /** cardnavi's public URL: the issuer. */
  issuer: string;
  /** This service's public URL (its redirect URI is `${publicUrl}/callback`). */
  publicUrl: string;
  clientId: string;
  clientSecret: string;
}

type Lang = 'ja' | 'en';

const TEXT = {
  ja: {
    title: 'ポイントモール(サンプルのグループサービス)',
    lead: 'cardnavi の会員IDでログインできる、グループサービスのサンプルです。',
    signIn: 'cardnavi の会員IDでログイン',
    signedInAs: 'ログイン中の会員',
    memberId: '会員ID',
    email: 'メールアドレス',
    language: '言語',
    subject: 'サービス向け識別子(sub)',
    refresh: '会員情報を更新',
    refreshed: '会員情報を更新しました。',
    signOut: 'ログアウト',
    ended: 'cardnavi との連携が終了しています。もう一度ログインしてください。',
    failed: 'ログインできませんでした。もう一度お試しください。',
    back: 'cardnavi に戻る',
    other: 'English',
  },
  en: {
    title: 'Points Mall (a sample group service)',
    lead: 'A sample group service where members sign in with their cardnavi member ID.',
    signIn: 'Sign in with your cardnavi member ID',
    signedInAs: 'Signed-in member',
    memberId: 'Member ID',
    email: 'Email',
    language: 'Language',
    subject: 'Identifier for this service (sub)',
    refresh: 'Refresh member details',
    refreshed: 'Member details refreshed.',
    signOut: 'Sign out',
    ended: 'Your connection with cardnavi has ended. Please sign in again.',
    failed: 'Sign-in did not complete. Please try again.',
    back: 'Back to cardnavi',
    other: '日本語',
  },
} as const;

interface MallSession {
  lang: Lang;
  sub?: string;
  profile?: Record<string, unknown>;
  refreshToken?: string;
  login?: { state: string; nonce: string; verifier: string };
  notice?: 'refreshed' | 'ended' | 'failed';
}

/** The sample service's Hono app; `sessions` is exposed for the back-channel logout and tests. */
export function createPointsMallApp(options: PointsMallOptions) {
  const sessions = new Map<string, MallSession>();
  const redirectUri = `${options.publicUrl.replace(/\/+$/, '')}/callback`;
  let discovered: Promise<oidc.Configuration> | undefined;

  // Discovery happens at first use (cardnavi may start after this service) and is retried after a failure.
  function configuration(): Promise<oidc.Configuration> {
    discovered ??= oidc
      .discovery(
        new URL(options.issuer),
        options.clientId,
        undefined,
        oidc.ClientSecretBasic(options.clientSecret),
        options.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((e: unknown) => {
        discovered = undefined;
        throw e;
      });
    return discovered;
  }

  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' " +
        new URL(options.issuer).origin +
        "; frame-ancestors 'none'; base-uri 'none'",
    );
  });

  function sessionOf(c: Context): [string, MallSession] {
    const id = getCookie(c, 'mall_session');
    const found = id ? sessions.get(id) : undefined;
    const queryLang = c.req.query('lang');
    if (id && found) {
      if (queryLang === 'ja' || queryLang === 'en') found.lang = queryLang;
      return [id, found];
    }
    const fresh = randomBytes(24).toString('base64url');
    const accept = c.req.header('accept-language') ?? '';
    const lang: Lang =
      queryLang === 'en' || queryLang === 'ja' ? queryLang : accept.startsWith('en') ? 'en' : 'ja';
    const session: MallSession = { lang };
    sessions.set(fresh, session);
    setCookie(c, 'mall_session', fresh, { httpOnly: true, sameSite: 'Lax', path: '/' });
    return [fresh, session];
  }

  app.get('/', (c) => {
    const [, s] = sessionOf(c);
    const t = TEXT[s.lang];
    const notice = s.notice ? t[s.notice] : undefined;
    s.notice = undefined;
    const p = s.profile;
    return c.html(html`<!doctype html>
<html lang="${s.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
button{font:inherit;padding:.5rem 1rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}
.notice{border-left:4px solid #0b5394;padding:.5rem 1rem;background:#eef4fb}a{color:#0b5394}</style></head>
<body><header><p><a href="/?lang=${s.lang === 'ja' ? 'en' : 'ja'}" lang="${s.lang === 'ja' ? 'en' : 'ja'}">${t.other}</a></p></header>
<main><h1>${t.title}</h1><p>${t.lead}</p>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${
  p
    ? html`<h2>${t.signedInAs}</h2><dl>
<dt>${t.memberId}</dt><dd data-claim="member_id">${String(p.member_id ?? '')}</dd>
<dt>${t.email}</dt><dd data-claim="email">${String(p.email ?? '')}</dd>
<dt>${t.language}</dt><dd data-claim="language">${String(p.language ?? '')}</dd>
<dt>${t.subject}</dt><dd data-claim="sub">${String(p.sub ?? '')}</dd></dl>
<form method="post" action="/refresh"><button type="submit">${t.refresh}</button></form>
<form method="post" action="/logout"><button type="submit">${t.signOut}</button></form>`
    : html`<form method="post" action="/login"><button type="submit">${t.signIn}</button></form>`
}
<p><a href="${options.issuer}">${t.back}</a></p></main></body></html>`);
  });

  // POST (not a link) so that another site cannot start a sign-in in the member's name.
  app.post('/login', async (c) => {
    const [, s] = sessionOf(c);
    const config = await configuration();
    const login = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
    };
    s.login = login;
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile email member',
      state: login.state,
      nonce: login.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(login.verifier),
      code_challenge_method: 'S256',
      ui_locales: s.lang,
    });
    return c.redirect(url.href, 303);
  });

  app.get('/callback', async (c) => {
    const [, s] = sessionOf(c);
    const login = s.login;
    s.login = undefined;
    if (!login) return c.redirect('/', 303);
    try {
      const config = await configuration();
      const current = new URL(c.req.url);
      const callbackUrl = new URL(`${redirectUri}${current.search}`);
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: login.verifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const sub = tokens.claims()?.sub;
      if (!sub) throw new Error('no subject');
      s.sub = sub;
      s.refreshToken = tokens.refresh_token;
      s.profile = { ...(await oidc.fetchUserInfo(config, tokens.access_token, sub)) };
    } catch {
      s.notice = 'failed';
    }
    return c.redirect('/', 303);
  });

  // Uses the refresh token (rotated by cardnavi on every use) and asks for the member's details again.
  app.post('/refresh', async (c) => {
    const [, s] = sessionOf(c);
    if (!s.refreshToken || !s.sub) return c.redirect('/', 303);
    try {
      const config = await configuration();
      const tokens = await oidc.refreshTokenGrant(config, s.refreshToken);
      s.refreshToken = tokens.refresh_token ?? s.refreshToken;
      s.profile = { ...(await oidc.fetchUserInfo(config, tokens.access_token, s.sub)) };
      s.notice = 'refreshed';
    } catch {
      s.sub = undefined;
      s.profile = undefined;
      s.refreshToken = undefined;
      s.notice = 'ended';
    }
    return c.redirect('/', 303);
  });

  app.post('/logout', (c) => {
    const [, s] = sessionOf(c);
    s.sub = undefined;
    s.profile = undefined;
    s.refreshToken = undefined;
    return c.redirect('/', 303);
  });

  // OpenID Connect Back-Channel Logout 1.0: cardnavi tells us a member's grant ended; forget their sessions.
  app.post('/backchannel-logout', async (c) => {
    try {
      const body = await c.req.parseBody();
      const token = typeof body.logout_token === 'string' ? body.logout_token : '';
      const config = await configuration();
      const server = config.serverMetadata();
      if (!server.jwks_uri) throw new Error('no jwks_uri');
      const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(server.jwks_uri)), {
        issuer: server.issuer,
        audience: options.clientId,
      });
      const events = payload.events as Record<string, unknown> | undefined;
      if (
        !events?.['http://schemas.openid.net/event/backchannel-logout'] ||
        payload.nonce !== undefined ||
        !payload.sub
      )
        throw new Error('not a logout token');
      for (const s of sessions.values()) {
        if (s.sub === payload.sub) {
          s.sub = undefined;
          s.profile = undefined;
          s.refreshToken = undefined;
          s.notice = 'ended';
        }
      }
      return c.body(null, 200);
    } catch {
      return c.json({ error: 'invalid_request' }, 400);
    }
  });

  return { app, sessions };
}
