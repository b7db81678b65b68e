import type { Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';

/**
 * Guards a group of member pages: without a live session, go to the login page (saying the session expired if
 * it did). After it, the member is set, which is what MemberEnv promises the group's handlers.
 */
export function requireMember(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.get('member')) return c.redirect(c.get('sessionExpired') ? '/login?expired=1' : '/login', 303);
    await next();
    return undefined;
  };
}

type AnyRoutes = Pick<Hono<never, never, string>, 'routes'>;

/** Middleware the group declared with `use(handler)`: it belongs to every route of the group. */
const isGroupMiddleware = (r: AnyRoutes['routes'][number]) => r.method === 'ALL' && r.path === '/*';

/**
 * Adds one audience's routes (a group such as `new Hono<MemberEnv>().use(requireMember())`) to the app.
 *
 * Hono's own `app.route('/', group)` would register the group's `use()` middleware for every path of the app
 * (a member guard in front of the help center and the 404 page). Here it runs before each of the group's own
 * routes and no other, so the group's routes never run without their guard, whatever their paths.
 */
export function mountGroup(app: Hono<AppEnv>, prefix: string, group: AnyRoutes): void {
  const target = app.basePath(prefix);
  const guards = group.routes.filter(isGroupMiddleware).map((r) => r.handler);
  const guarded = new Set<string>();
  for (const r of group.routes) {
    if (isGroupMiddleware(r)) continue;
    if (r.method === 'ALL') throw new Error(`route group: middleware for ${r.path} only is not supported`);
    const key = `${r.method} ${r.path}`;
    if (!guarded.has(key)) {
      guarded.add(key);
      for (const guard of guards) target.on(r.method, r.path, guard);
    }
    target.on(r.method, r.path, r.handler);
  }
}
