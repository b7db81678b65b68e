/**
 * Issue 13, single sign-on for group services: cardnavi as an OpenID Connect provider, driven over real HTTP
 * like a service and a member's browser would. Threats from RFC 9700 (OAuth 2.0 Security BCP) and
 * OpenID Connect Core: code injection and reuse, open redirectors, cross-site consent, tokens outliving the member.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withdrawMember } from '../../src/account/withdraw.ts';
import { forceWithdrawMember } from '../../src/members/force-withdraw.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import {
  authorizeUrl,
  Browser,
  type OidcTestServer,
  pkcePair,
  registerService,
  signInToService,
  startOidcTestServer,
  tokenRequest,
  userinfo,
} from '../helpers/oidc.ts';

const PASSWORD = 'correct-horse-battery-9';

describe.each(databaseKinds())('OpenID Connect provider on %s', (kind) => {
  let server: OidcTestServer;
  beforeAll(async () => {
    server = await startOidcTestServer(kind);
  }, 120_000);
  afterAll(() => server?.close());

  async function loggedInMember() {
    const member = await createMember(server.deps, { password: PASSWORD });
    const browser = new Browser(server.url);
    const res = await browser.post('/login', { identifier: member.userId, password: PASSWORD });
    expect(res.status).toBe(303);
    return { member, browser };
  }

  it('publishes discovery at /.well-known/openid-configuration with S256 PKCE and endpoints under /oidc', async () => {
    const res = await fetch(new URL('/.well-known/openid-configuration', server.url));
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(server.url);
    expect(doc.authorization_endpoint).toBe(`${server.url}/oidc/auth`);
    expect(doc.token_endpoint).toBe(`${server.url}/oidc/token`);
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
    expect(doc.response_types_supported).toEqual(['code']);
    expect(doc.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email', 'member']));
  });

  it('signs a member in: our login page first, then our consent page, then the code; userinfo tells the member claims', async () => {
    const member = await createMember(server.deps, { password: PASSWORD, lang: 'en' });
    const service = await registerService(server.deps);
    const browser = new Browser(server.url);
    const { challenge } = pkcePair();
    const first = await browser.follow(
      await browser.request(
        authorizeUrl(service, { code_challenge: challenge, code_challenge_method: 'S256' }),
      ),
    );
    // Not logged in at cardnavi: the ordinary login page.
    expect(first).not.toBeInstanceOf(URL);
    expect(await (first as Response).text()).toContain('action="/login"');
    const afterLogin = await browser.post('/login', { identifier: member.userId, password: PASSWORD });
    expect(afterLogin.headers.get('location')).toMatch(/^\/oidc\/interaction\//);
    const { tokens } = await signInToService(server, browser, service);
    expect(tokens.refresh_token).toBeTruthy();
    const info = (await (await userinfo(server.url, tokens.access_token ?? '')).json()) as Record<
      string,
      unknown
    >;
    expect(info).toMatchObject({
      sub: String(member.id),
      member_id: member.userId,
      language: 'en',
      email: member.email,
    });
  });

  it('remembers consent per service: the second sign-in asks nothing', async () => {
    const { browser } = await loggedInMember();
    const service = await registerService(server.deps);
    await signInToService(server, browser, service);
    const { challenge } = pkcePair();
    const again = await browser.follow(
      await browser.request(
        authorizeUrl(service, { code_challenge: challenge, code_challenge_method: 'S256' }),
      ),
    );
    expect(again).toBeInstanceOf(URL);
    expect((again as URL).searchParams.get('code')).toBeTruthy();
  });

  it('does not ask for consent for a first-party service', async () => {
    const { browser } = await loggedInMember();
    const service = await registerService(server.deps, { firstParty: true });
    const { challenge } = pkcePair();
    const step = await browser.follow(
      await browser.request(
        authorizeUrl(service, { code_challenge: challenge, code_challenge_method: 'S256' }),
      ),
    );
    expect(step).toBeInstanceOf(URL);
    expect((step as URL).searchParams.get('code')).toBeTruthy();
  });

  it('authorization code reuse revokes the tokens issued from it', async () => {
    const { browser } = await loggedInMember();
    const service = await registerService(server.deps);
    const { code, verifier, tokens } = await signInToService(server, browser, service);
    expect((await userinfo(server.url, tokens.access_token ?? '')).status).toBe(200);
    const replay = await tokenRequest(server.url, service, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: service.redirectUri,
      code_verifier: verifier,
    });
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
    expect((await userinfo(server.url, tokens.access_token ?? '')).status).toBe(401);
    const refresh = await tokenRequest(server.url, service, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(refresh.body.error).toBe('invalid_grant');
  });

  it('rotates the refresh token on use; presenting the used one again fails', async () => {
    const { browser } = await loggedInMember();
    const service = await registerService(server.deps);
    const { tokens } = await signInToService(server, browser, service);
    const first = await tokenRequest(server.url, service, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).toBeTruthy();
    expect(first.body.refresh_token).not.toBe(tokens.refresh_token);
    const reused = await tokenRequest(server.url, service, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(reused.body.error).toBe('invalid_grant');
  });

  it('refuses a redirect URI that differs by one character, without redirecting to it', async () => {
    const { browser } = await loggedInMember();
    const service = await registerService(server.deps);
    const { challenge } = pkcePair();
    const oneOff = service.redirectUri.replace(/k$/, 'K');
    expect(oneOff).not.toBe(service.redirectUri);
    for (const redirect of [oneOff, `${service.redirectUri}/`, service.redirectUri.slice(0, -1)]) {
      const res = await browser.request(
        authorizeUrl(service, {
          redirect_uri: redirect,
          code_challenge: challenge,
          code_challenge_method: 'S256',
        }),
      );
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toContain('redirect_uri');
    }
  });

  it('refuses an authorization request without PKCE, or with the plain method', async () => {
    const { browser } = await loggedInMember();
    const service = await registerService(server.deps);
    for (const params of [{}, { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }]) {
      const res = await browser.request(authorizeUrl(service, params));
      const location = new URL(res.headers.get('location') ?? '', server.url);
      expect(location.href.startsWith(service.redirectUri)).toBe(true);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('code')).toBeNull();
    }
  });

  it('refuses a code exchanged without the PKCE verifier or with a wrong one', async () => {
    const { browser } = await loggedInMember();
    const service = await registerService(server.deps, { firstParty: true });
    const { challenge } = pkcePair();
    const step = await browser.follow(
      await browser.request(
        authorizeUrl(service, { code_challenge: challenge, code_challenge_method: 'S256' }),
      ),
    );
    const code = (step as URL).searchParams.get('code') ?? '';
    const wrong = await tokenRequest(server.url, service, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: service.redirectUri,
      code_verifier: pkcePair().verifier,
    });
    expect(wrong.body.error).toBe('invalid_grant');
  });

  it('a token of a withdrawn member is refused at the userinfo endpoint', async () => {
    const { member, browser } = await loggedInMember();
    const service = await registerService(server.deps);
    const { tokens } = await signInToService(server, browser, service);
    expect((await userinfo(server.url, tokens.access_token ?? '')).status).toBe(200);
    expect((await withdrawMember(server.deps, member.id)).ok).toBe(true);
    expect((await userinfo(server.url, tokens.access_token ?? '')).status).toBe(401);
    const refresh = await tokenRequest(server.url, service, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(refresh.body.error).toBe('invalid_grant');
  });

  it('a token of a force-withdrawn member is refused at the userinfo endpoint and cannot be refreshed', async () => {
    const { member, browser } = await loggedInMember();
    const service = await registerService(server.deps);
    const { tokens } = await signInToService(server, browser, service);
    expect((await forceWithdrawMember(server.deps, member.id, 'test: violation')).ok).toBe(true);
    expect((await userinfo(server.url, tokens.access_token ?? '')).status).toBe(401);
    const refresh = await tokenRequest(server.url, service, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(refresh.body.error).toBe('invalid_grant');
  });

  it('consent cannot be forged cross-site: no origin match or no token, no grant', async () => {
    const { member, browser } = await loggedInMember();
    const service = await registerService(server.deps);
    const { challenge } = pkcePair();
    const consentPage = await browser.follow(
      await browser.request(
        authorizeUrl(service, { code_challenge: challenge, code_challenge_method: 'S256' }),
      ),
    );
    const uid = /action="\/oidc\/interaction\/([^/"]+)\/consent"/.exec(
      await (consentPage as Response).text(),
    )?.[1];
    expect(uid).toBeTruthy();
    const crossSite = await browser.post(
      `/oidc/interaction/${uid}/consent`,
      { decision: 'allow' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    const noToken = await browser.request(`/oidc/interaction/${uid}/consent`, {
      method: 'POST',
      body: new URLSearchParams({ decision: 'allow' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
    });
    expect(noToken.status).toBe(403);
    const grants = await server.deps.db
      .selectFrom('oidc_payloads')
      .select('id')
      .where('model', '=', 'Grant')
      .where('member_id', '=', member.id)
      .where('client_id', '=', service.clientId)
      .execute();
    expect(grants).toEqual([]);
  });

  it('lists the service under "Connected services" with its last use; revoking it makes the next refresh fail', async () => {
    const { browser } = await loggedInMember();
    const service = await registerService(server.deps);
    const { tokens } = await signInToService(server, browser, service);
    const page = await browser.request('/settings/services');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Test service');
    const grant = /name="grant" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const revoked = await browser.post('/settings/services/revoke', { grant });
    expect(revoked.status).toBe(200);
    expect(await revoked.text()).not.toContain(`value="${grant}"`);
    const refresh = await tokenRequest(server.url, service, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(refresh.body.error).toBe('invalid_grant');
    expect((await userinfo(server.url, tokens.access_token ?? '')).status).toBe(401);
  });

  it("cannot revoke another member's service", async () => {
    const owner = await loggedInMember();
    const service = await registerService(server.deps);
    const { tokens } = await signInToService(server, owner.browser, service);
    const grant =
      /name="grant" value="([^"]+)"/.exec(
        await (await owner.browser.request('/settings/services')).text(),
      )?.[1] ?? '';
    const other = await loggedInMember();
    expect((await other.browser.post('/settings/services/revoke', { grant })).status).toBe(404);
    expect((await userinfo(server.url, tokens.access_token ?? '')).status).toBe(200);
  });
});
