import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { memberSessions } from '../members/session.ts';
import { staffSessions } from '../support/session.ts';
import type { AppEnv, RequestContext } from './context.ts';
import { cookieName } from './middleware.ts';

/** The cookie that carries one audience's session token (`__Host-` prefixed when cookies are secure). */
function sessionCookie(base: string, sameSite: 'Lax' | 'Strict', maxAgeMs: number) {
  const name = (c: RequestContext) => cookieName(c.get('deps'), base);
  return {
    read: (c: RequestContext): string | undefined => getCookie(c, name(c)),
    set(c: RequestContext, token: string) {
      setCookie(c, name(c), token, {
        path: '/',
        httpOnly: true,
        secure: c.get('deps').config.secureCookies,
        sameSite,
        maxAge: maxAgeMs / 1000,
      });
    },
    clear(c: RequestContext) {
      deleteCookie(c, name(c), { path: '/', secure: c.get('deps').config.secureCookies });
    },
  };
}

/** Member session cookie: Lax, so that a link from a mail opens the portal signed in. */
export const memberCookie = sessionCookie('cardnavi_session', 'Lax', memberSessions.absoluteMs);
// The __Host- prefix requires path=/, so the cookie reaches every path; only the /support middleware reads it.
export const staffCookie = sessionCookie('cardnavi_staff', 'Strict', staffSessions.absoluteMs);

/** Loads the member from the session cookie (if any) for every request. */
export function loadMemberSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = memberCookie.read(c);
    if (token) {
      const { db, now } = c.get('deps');
      const member = await memberSessions.validate(db, token, now());
      if (member) c.set('member', member);
      else {
        c.set('sessionExpired', true);
        memberCookie.clear(c);
      }
    }
    await next();
  };
}

/**
 * Console-wide: forgets any member session (a member cookie grants nothing here, and the shared layout must
 * not show member navigation) and loads the staff member from the staff cookie.
 */
export function loadStaffSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('member', undefined);
    c.set('staff', undefined);
    c.set('staffSessionExpired', false);
    const token = staffCookie.read(c);
    if (token) {
      const { db, now } = c.get('deps');
      const staff = await staffSessions.validate(db, token, now());
      if (staff) c.set('staff', staff);
      else {
        c.set('staffSessionExpired', true);
        staffCookie.clear(c);
      }
    }
    await next();
  };
}
