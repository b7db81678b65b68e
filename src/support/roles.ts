import { STAFF_ROLES, type StaffRole } from './tables.ts';

/** Who may use a console route: nobody signed in ('public') or a staff member of at least this role. */
export type RouteAccess = 'public' | StaffRole;

/**
 * Every console route and the least role it needs, in one place (paths relative to /support). The console's
 * middleware (routes.tsx) enforces it; a route missing here answers 404, so a forgotten entry fails closed.
 * 'public' routes live in the console's public group, every other one in its staff group.
 */
export const consoleRouteAccess = {
  'GET /login': 'public',
  'POST /login': 'public',
  'POST /logout': 'public',
  'GET /': 'operator',
  'GET /members': 'operator',
  'POST /caller': 'operator',
  'GET /members/:memberId': 'operator',
  'POST /members/:memberId/verify': 'operator',
  'POST /members/:memberId/notes': 'operator',
  'POST /members/:memberId/unlock-login': 'operator',
  'POST /members/:memberId/password-reset': 'operator',
  'POST /members/:memberId/cards/:cardId/unlock-pin': 'operator',
  'POST /members/:memberId/cards/:cardId/reissue-pin': 'operator',
  'POST /members/:memberId/email-change': 'operator',
  'POST /members/:memberId/email-change/:requestId/approve': 'supervisor',
  'POST /members/:memberId/email-change/:requestId/reject': 'supervisor',
  'POST /members/:memberId/cards/:cardId/status': 'supervisor',
  'POST /members/:memberId/force-withdraw': 'supervisor',
  'POST /members/:memberId/two-step/remove': 'supervisor',
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
