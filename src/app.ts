import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { accountRoutes, emailChangeLinkRoutes } from './account/routes.tsx';
import { cardRoutes } from './cards/routes.tsx';
import { isDatabaseReachable } from './db/database.ts';
import type { AppDeps } from './deps.ts';
import { helpRoutes } from './help/routes.tsx';
import { devMailboxRoutes } from './mail/routes.tsx';
import { memberIdRoutes } from './members/routes.tsx';
import { securityRoutes } from './members/security/routes.tsx';
import { signInRoutes } from './members/sign-in/routes.tsx';
import { METRICS_CONTENT_TYPE, metricsText } from './metrics.ts';
import { connectedServiceRoutes, oidcInteractionRoutes, oidcProviderEndpoint } from './oidc/routes.tsx';
import { appPaths } from './paths.ts';
import { portalRoutes } from './portal/routes.tsx';
import { safeEqual } from './security/tokens.ts';
import { statementRoutes } from './statements/routes.tsx';
import { consoleRoutes, staffRoutes } from './support/routes.tsx';
import type { AppEnv } from './web/context.ts';
import { UnreadableFormError } from './web/form.ts';
import { renderHomePage } from './web/home.tsx';
import { baseContext, CsrfError, csrfProtection, noStore, requestLog } from './web/middleware.ts';
import { renderHttpErrorPage } from './web/pages.tsx';
import { allowServiceFormTargets } from './web/return-to.ts';
import { mountGroup } from './web/route-groups.ts';
import { loadMemberSession } from './web/sessions.ts';

let webauthnBundle: string | undefined;
/** @simplewebauthn/browser's UMD bundle (window.SimpleWebAuthnBrowser), read once from node_modules. */
function webauthnBrowserBundle(): string {
  if (webauthnBundle === undefined) {
    // The package exports only its entry point; the bundle sits beside it.
    const entry = createRequire(import.meta.url).resolve('@simplewebauthn/browser');
    webauthnBundle = readFileSync(join(dirname(entry), '..', 'dist', 'bundle', 'index.umd.min.js'), 'utf8');
  }
  return webauthnBundle;
}

/** Errors that mean the database cannot be reached (server down, connection refused or reset). */
export function isDatabaseDown(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  const code = e?.code ?? '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P02',
      '57P03',
      '08006',
      '08001',
      '08003',
    ].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      e?.message ?? '',
    )
  );
}

/** Pages for a logged-in member; each group's guard (requireMember) runs before each of its routes. */
export const memberRouteGroups = [
  cardRoutes,
  portalRoutes,
  statementRoutes,
  accountRoutes,
  connectedServiceRoutes,
  securityRoutes,
];
/** Console pages for signed-in staff (under /support); the group's guard checks the session and the role. */
export const staffRouteGroups = [staffRoutes];

/** Builds the whole web application over its dependencies (one per process, or one per test). */
export function createApp(deps: AppDeps, lifecycle: { draining?: () => boolean } = {}) {
  const app = new Hono<AppEnv>();
  const { config } = deps;

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  // 503 while shutting down (SIGTERM) too, so a load balancer stops sending new requests here.
  app.get('/readyz', async (c) =>
    lifecycle.draining?.()
      ? c.json({ status: 'draining' }, 503)
      : (await isDatabaseReachable(deps.db))
        ? c.json({ status: 'ready' })
        : c.json({ status: 'database unreachable' }, 503),
  );
  // /metrics on the main port only with METRICS_TOKEN (a bearer token); otherwise it is not served here at all.
  const metricsToken = config.metrics.token;
  if (metricsToken) {
    app.get('/metrics', async (c) => {
      const sent = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
      if (!sent || !safeEqual(sent, metricsToken))
        return c.text('Unauthorized', 401, { 'WWW-Authenticate': 'Bearer' });
      return c.text(await metricsText(), 200, { 'Content-Type': METRICS_CONTENT_TYPE });
    });
  }
  // The browser half of WebAuthn, straight from its package (a static file under the CSP's script nonce).
  app.get('/assets/webauthn-browser.js', (c) =>
    c.body(webauthnBrowserBundle(), 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    }),
  );
  app.use(
    '/assets/*',
    serveStatic({
      root: appPaths().assets,
      rewriteRequestPath: (path) => path.slice('/assets'.length),
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=300');
      },
    }),
  );
  // A plain 404: these routes run before the language and translator middleware, so the page-rendering
  // not-found handler cannot run here (it threw, and an unknown asset name answered 500).
  app.get('/assets/*', (c) => c.text('Not found', 404));
  // The OpenID Connect provider answers its endpoints itself (its own headers, body parsing and client
  // authentication), so it sits before the page middleware; its login and consent pages come later.
  app.all('/.well-known/openid-configuration', oidcProviderEndpoint(deps));
  app.all('/oidc/*', oidcProviderEndpoint(deps));
  app.use(allowServiceFormTargets());

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: [NONCE],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      xContentTypeOptions: 'nosniff',
      xFrameOptions: 'DENY',
      // ASVS 14.4.5: HSTS for a year, in production only (plain-http development would be locked out).
      strictTransportSecurity: config.production ? 'max-age=31536000; includeSubDomains' : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use('*', baseContext(deps));
  app.use('*', requestLog(deps));
  app.use('*', noStore());
  const limitBody = bodyLimit({
    maxSize: 64 * 1024,
    onError: (c) => renderHttpErrorPage(c as never, 413, 'http.413.title', 'http.413.body'),
  });
  // Only for requests that may carry a body: bodyLimit reads the request's body stream, which builds a full
  // fetch Request from Node's request (about 5% of a GET /settings in the CPU profile, bench/README.md).
  app.use('*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
  );
  app.use('*', csrfProtection(deps));
  app.use('*', loadMemberSession());

  // Public pages.
  app.get('/', (c) => renderHomePage(c));
  app.route('/', memberIdRoutes);
  app.route('/', emailChangeLinkRoutes);
  app.route('/', signInRoutes);
  app.route('/', helpRoutes);
  app.route('/', oidcInteractionRoutes);
  app.route('/support', consoleRoutes); // before the staff group: loads the staff session for all of /support
  if (!config.production) app.route('/', devMailboxRoutes);
  // Pages by audience: a group's routes are registered together with its guard.
  for (const group of memberRouteGroups) mountGroup(app, '/', group);
  for (const group of staffRouteGroups) mountGroup(app, '/support', group);

  app.notFound((c) => renderHttpErrorPage(c, 404, 'http.404.title', 'http.404.body'));
  app.onError((error, c) => {
    if (error instanceof CsrfError) return renderHttpErrorPage(c, 403, 'http.403.title', 'form.csrf');
    if (error instanceof UnreadableFormError)
      return renderHttpErrorPage(c, 400, 'http.400.title', 'http.400.body');
    if (isDatabaseDown(error)) {
      deps.log.error({ err: { message: error.message } }, 'database unreachable');
      return renderHttpErrorPage(c, 503, 'http.503.title', 'http.503.body');
    }
    deps.log.error(
      { err: { message: error.message, stack: error.stack }, path: c.req.path },
      'unhandled error',
    );
    return renderHttpErrorPage(c, 500, 'http.500.title', 'http.500.body');
  });
  return app;
}
