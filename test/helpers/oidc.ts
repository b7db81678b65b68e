import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { createApp } from '../../src/app.ts';
import type { AppDeps } from '../../src/deps.ts';
import { createLogger } from '../../src/log.ts';
import { createClient } from '../../src/oidc/clients.ts';
import { createRateLimiters } from '../../src/security/rate-limit.ts';
import { testConfig } from './config.ts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './db.ts';

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

export interface OidcTestServer {
  deps: AppDeps;
  url: string;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The whole app on a real loopback socket (oidc-provider needs node's request and response). */
export async function startOidcTestServer(kind: DatabaseKind): Promise<OidcTestServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = testConfig({ PUBLIC_URL: url, PORT: String(port) });
  const database = await createTestDatabase(kind);
  const deps: AppDeps = {
    config,
    db: database.db,
    log: createLogger('silent'),
    limiters: createRateLimiters(config, database.db),
    now: () => new Date(),
  };
  const app = createApp(deps);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    deps,
    url,
    database,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deps.limiters.close();
      await database.destroy();
    },
  };
}

/** A browser for the test: a cookie jar, manual redirects, the CSRF token of the last page seen. */
export class Browser {
  private cookies = new Map<string, string>();
  csrf: string | undefined;
  constructor(private readonly base: string) {}

  async request(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(pathOrUrl, this.base);
    const headers = new Headers(init.headers);
    if (url.origin === new URL(this.base).origin && this.cookies.size)
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    if ((res.headers.get('content-type') ?? '').includes('text/html')) {
      const m = /name="_csrf" value="([^"]+)"/.exec(await res.clone().text());
      if (m) this.csrf = m[1];
    }
    return res;
  }

  /** A same-origin form POST with the CSRF token (as our pages send it). */
  async post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    if (!this.csrf) await this.request('/login');
    return this.request(path, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: this.csrf ?? '', ...fields }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: new URL(this.base).origin,
        ...headers,
      },
    });
  }

  /** Follows redirects within cardnavi; stops at the first redirect elsewhere (the service) or a page. */
  async follow(res: Response): Promise<Response | URL> {
    let current = res;
    for (let i = 0; i < 10; i += 1) {
      const location = current.headers.get('location');
      if (!location || current.status < 300 || current.status >= 400) return current;
      const next = new URL(location, this.base);
      if (next.origin !== new URL(this.base).origin) return next;
      current = await this.request(next.href);
    }
    throw new Error('too many redirects');
  }
}

export interface TestService {
  clientId: string;
  secret: string;
  redirectUri: string;
}

let services = 0;

/** Registers a group service for the test. */
export async function registerService(
  deps: AppDeps,
  options: { firstParty?: boolean; backchannelLogoutUri?: string } = {},
): Promise<TestService> {
  services += 1;
  const clientId = `test-service-${services}-${randomBytes(3).toString('hex')}`;
  const redirectUri = `http://localhost:9/${clientId}/callback`;
  const created = await createClient(deps.db, {
    clientId,
    name: `Test service ${services}`,
    redirectUris: [redirectUri],
    firstParty: options.firstParty ?? false,
    backchannelLogoutUri: options.backchannelLogoutUri,
  });
  if (!created.ok) throw new Error(created.code);
  return { clientId, secret: created.secret, redirectUri };
}

/** A PKCE pair (RFC 7636, S256). */
export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The authorization request URL a service would send the member to. */
export function authorizeUrl(service: TestService, params: Record<string, string | undefined> = {}) {
  const q = new URLSearchParams();
  const all: Record<string, string | undefined> = {
    client_id: service.clientId,
    redirect_uri: service.redirectUri,
    response_type: 'code',
    scope: 'openid profile email member',
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    ...params,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) q.set(k, v);
  return `/oidc/auth?${q}`;
}

/** The token endpoint, authenticated as the service (client_secret_basic). */
export async function tokenRequest(base: string, service: TestService, fields: Record<string, string>) {
  const res = await fetch(new URL('/oidc/token', base), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(service.clientId)}:${encodeURIComponent(service.secret)}`).toString('base64')}`,
    },
    body: new URLSearchParams(fields),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/** The userinfo endpoint with a bearer token. */
export function userinfo(base: string, accessToken: string) {
  return fetch(new URL('/oidc/me', base), { headers: { authorization: `Bearer ${accessToken}` } });
}

/**
 * The whole sign-in as a member logged in at cardnavi: authorize → (login) → consent (allowed) → code, then
 * the code for tokens. Returns the tokens and the code (for reuse tests).
 */
export async function signInToService(
  server: OidcTestServer,
  browser: Browser,
  service: TestService,
): Promise<{ code: string; verifier: string; tokens: Record<string, string> }> {
  const { verifier, challenge } = pkcePair();
  let step = await browser.follow(
    await browser.request(
      authorizeUrl(service, { code_challenge: challenge, code_challenge_method: 'S256' }),
    ),
  );
  if (!(step instanceof URL)) {
    // The consent page: allow.
    const uid = /action="\/oidc\/interaction\/([^/"]+)\/consent"/.exec(await step.text())?.[1];
    if (!uid) throw new Error(`no consent page (status ${step.status})`);
    step = await browser.follow(
      await browser.post(`/oidc/interaction/${uid}/consent`, { decision: 'allow' }),
    );
  }
  if (!(step instanceof URL)) throw new Error(`not sent back to the service (status ${step.status})`);
  const code = step.searchParams.get('code');
  if (!code) throw new Error(`no code: ${step.search}`);
  const { status, body } = await tokenRequest(server.url, service, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: service.redirectUri,
    code_verifier: verifier,
  });
  if (status !== 200) throw new Error(`token endpoint ${status}: ${JSON.stringify(body)}`);
  return { code, verifier, tokens: body };
}
