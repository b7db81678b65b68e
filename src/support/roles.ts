import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { renderHttpErrorPage } from '../web/pages.tsx';
import { STAFF_ROLES, type StaffRole } from './tables.ts';

/** Who may use a console route: nobody signed in ('public') or a staff member of at least this role. */
export type RouteAccess = 'public' | StaffRole;

/**
 * Every console route and the least role it needs, in one place (paths relative to /support). The
 * middleware below enforces it; a route missing here answers 404, so a forgotten entry fails closed.
 */
export const consoleRouteAccess = {
  'GET /login': 'public',
  'POST /login': 'public',
  'POST /logout': 'public',
  'GET /': 'operator',
  'GET /members': 'operator',
  'GET /cards': 'operator',
  'GET /members/:memberId': 'operator',
  'POST /members/:memberId/verify': 'operator',
  'POST /members/:memberId/unlock-login': 'operator',
  'POST /members/:memberId/password-reset': 'operator',
  'POST /members/:memberId/cards/:cardId/unlock-pin': 'operator',
  'POST /members/:memberId/cards/:cardId/status': 'supervisor',
  'POST /members/:memberId/force-withdraw': 'supervisor',
  'GET /audit': 'supervisor',
  'GET /staff': 'admin',
  'POST /staff': 'admin',
} as const satisfies Record<string, RouteAccess>;

export type ConsoleRoute = keyof typeof consoleRouteAccess;

/** True when `role` is `least` or above it. */
export function roleAtLeast(role: StaffRole, least: StaffRole): boolean {
  return STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(least);
}

const matchers = Object.entries(consoleRouteAccess).map(([route, access]) => {
  const [method, path = ''] = route.split(' ');
  const pattern = path === '/' ? '' : path.replace(/:\w+/g, '\\d{1,9}');
  return { method, regex: new RegExp(`^${pattern}/?$`), access: access as RouteAccess };
});

/** The access rule for a request path under /support, if the route is declared. */
export function accessFor(method: string, pathUnderSupport: string): RouteAccess | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return matchers.find((r) => r.method === m && r.regex.test(pathUnderSupport))?.access;
}

/**
 * The one place console access is decided: undeclared → 404; no staff session → the login page (saying the
 * session timed out if it did); a role below the route's → 403.
 */
export function enforceConsoleAccess(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path.replace(/^\/support/, '');
    const access = accessFor(c.req.method, path);
    if (!access) return renderHttpErrorPage(c, 404, 'http.404.title', 'http.404.body');
    if (access !== 'public') {
      const staff = c.get('staff');
      if (!staff)
        return c.redirect(c.get('staffSessionExpired') ? '/support/login?expired=1' : '/support/login', 303);
      if (!roleAtLeast(staff.role, access))
        return renderHttpErrorPage(c, 403, 'http.403.title', 'support.forbidden');
    }
    await next();
    return undefined;
  };
}
