import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import proxyaddr from 'proxy-addr';
import type { TrustProxy } from '../config.ts';
import type { AppDeps } from '../deps.ts';
import { negotiateLang, translator } from '../i18n/index.ts';
import { requestScope } from '../log.ts';
import { httpRequestDuration } from '../metrics.ts';
import { hmac, safeEqual } from '../security/tokens.ts';
import type { AppEnv } from './context.ts';
import { readForm } from './form.ts';

/** Cookie names get the __Host- prefix (Secure, path=/, no Domain) whenever the site is served over https. */
export function cookieName(deps: AppDeps, base: string): string {
  return deps.config.secureCookies ? `__Host-${base}` : base;
}

/**
 * The client's address: the socket's peer, or, behind trusted proxies, the first X-Forwarded-For entry
 * counted from the right that is not a trusted proxy (proxy-addr). Anything that is not an IP address
 * (an unparsable socket or header value) becomes 'unknown': nothing a client wrote is ever stored as is.
 */
export function clientIp(
  trust: TrustProxy,
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
): string {
  if (!socketAddress || isIP(socketAddress) === 0) return 'unknown';
  if (trust.kind === 'none' || !forwardedFor) return canonicalIp(socketAddress);
  let check = compiledTrust.get(trust);
  if (!check) {
    check =
      trust.kind === 'hops'
        ? (_addr: string, i: number) => i < trust.hops
        : proxyaddr.compile(trust.addresses);
    compiledTrust.set(trust, check);
  }
  const request = {
    headers: { 'x-forwarded-for': forwardedFor },
    connection: { remoteAddress: socketAddress },
  };
  const chosen = proxyaddr(request as unknown as IncomingMessage, check);
  return isIP(chosen) === 0 ? 'unknown' : canonicalIp(chosen);
}

const compiledTrust = new WeakMap<TrustProxy, (addr: string, i: number) => boolean>();

/** '::ffff:192.0.2.1' → '192.0.2.1', so one client has one key whichever way the socket reports it. */
function canonicalIp(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** The client address of a request (see clientIp): its socket peer and X-Forwarded-For under `trust`. */
export function requestClientIp(c: Context, trust: TrustProxy): string {
  let socketAddress: string | undefined;
  try {
    socketAddress = getConnInfo(c).remote.address;
  } catch {
    // in-process requests (tests) have no socket
  }
  return clientIp(trust, socketAddress, c.req.header('x-forwarded-for'));
}

/** Puts the dependencies, client IP, language and translator on the context. */
export function baseContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('deps', deps);
    c.set('ip', requestClientIp(c, deps.config.trustProxy));
    const query = c.req.query('lang');
    const lang = negotiateLang(query, getCookie(c, 'lang'), c.req.header('accept-language'));
    if (query === 'ja' || query === 'en') {
      setCookie(c, 'lang', lang, {
        path: '/',
        sameSite: 'Lax',
        httpOnly: true,
        secure: deps.config.secureCookies,
        maxAge: 31536000,
      });
    }
    c.set('lang', lang);
    c.set('t', translator(lang));
    c.set('member', undefined);
    c.set('sessionExpired', false);
    await next();
  };
}

/** Raised by the CSRF check; the error handler renders a 403 page that says to reload and resend. */
export class CsrfError extends Error {}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * ASVS 3.5: every state change needs both a same-origin request (Origin / Sec-Fetch-Site) and a token.
 * The token is a signed double-submit value: HMAC(secret, random cookie), so it works before login too.
 */
export function csrfProtection(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const name = cookieName(deps, 'cardnavi_csrf');
  const expectedOrigin = deps.config.publicUrl.origin;
  return async (c, next) => {
    let seed = getCookie(c, name);
    if (!seed || seed.length < 32) {
      seed = randomBytes(32).toString('base64url');
      setCookie(c, name, seed, {
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.config.secureCookies,
      });
    }
    const token = hmac(deps.config.sessionSecret, `csrf:${seed}`);
    c.set('csrfToken', token);
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      if (origin && origin !== expectedOrigin) throw new CsrfError('origin');
      if (site && site !== 'same-origin' && site !== 'none') throw new CsrfError('sec-fetch-site');
      const sent = (await readForm(c))._csrf;
      if (!sent || !safeEqual(sent, token)) throw new CsrfError('token');
    }
    await next();
  };
}

/** ASVS 14.3.2: member pages must not be cached. Static assets set their own header. */
export function noStore(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.header('Cache-Control', 'no-store');
  };
}

/** A request id from the proxy is kept only in this shape; anything else is replaced by a fresh one. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * The request's id: the proxy's X-Request-Id when TRUST_PROXY is on and it has a safe shape (so logs join
 * up across the proxy and this service), otherwise a fresh random one. Never a client's arbitrary text.
 */
function requestIdFor(deps: AppDeps, sent: string | undefined): string {
  if (deps.config.trustProxy.kind !== 'none' && sent && SAFE_REQUEST_ID.test(sent)) return sent;
  return randomBytes(12).toString('base64url');
}

/** The route pattern that answered ('/cards/:id', not '/cards/42'); 'unmatched' when no route did. */
function routeLabel(c: Context<AppEnv>): string {
  const route = matchedRoutes(c)[c.req.routeIndex];
  if (!route || (c.res.status === 404 && route.path.endsWith('*'))) return 'unmatched';
  return route.path;
}

/**
 * Per request: an id (X-Request-Id header, and on every log line written while serving it), one log line
 * (method, path without the query — it may hold a one-time token —, status, time) and the duration metric
 * by route pattern and status.
 */
export function requestLog(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = requestIdFor(deps, c.req.header('x-request-id'));
    await requestScope.run({ requestId }, async () => {
      const started = performance.now();
      await next();
      const seconds = (performance.now() - started) / 1000;
      c.header('X-Request-Id', requestId);
      httpRequestDuration.observe(
        { method: c.req.method, route: routeLabel(c), status: String(c.res.status) },
        seconds,
      );
      deps.log.info(
        { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(seconds * 1000) },
        'request',
      );
    });
  };
}
