import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { RequestContext } from './context.ts';
import { cookieName } from './middleware.ts';

const BASE_COOKIE = 'cardnavi_return_to';
/** Only a single sign-on interaction in progress may be returned to (never an arbitrary URL: open redirect). */
const RETURNABLE = /^\/oidc\/interaction\/[A-Za-z0-9_-]{1,64}$/;

/** Remembers where to go once the member has logged in (a group service waiting for its sign-in). */
export function rememberReturnTo(c: RequestContext, path: string): void {
  if (!RETURNABLE.test(path)) return;
  setCookie(c, cookieName(c.get('deps'), BASE_COOKIE), path, {
    path: '/',
    httpOnly: true,
    secure: c.get('deps').config.secureCookies,
    sameSite: 'Lax',
    maxAge: 30 * 60,
  });
}

/**
 * Where a successful login continues: the remembered sign-in of a group service, else `fallback`. The
 * remembered place is used once. Every path that ends a login with a session (password, second factor,
 * passkey) should redirect here.
 */
export function takeReturnTo(c: RequestContext, fallback = '/portal'): string {
  const name = cookieName(c.get('deps'), BASE_COOKIE);
  const path = getCookie(c, name);
  if (path === undefined) return fallback;
  deleteCookie(c, name, { path: '/', secure: c.get('deps').config.secureCookies });
  return RETURNABLE.test(path) ? path : fallback;
}
