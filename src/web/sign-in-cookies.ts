import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { deviceHashOf, newDeviceCookie } from '../members/device.ts';
import { PENDING_LOGIN_MS } from '../members/two-step-login.ts';
import type { RequestContext } from './context.ts';
import { cookieName } from './middleware.ts';

const DEVICE_COOKIE = 'cardnavi_device';
const PENDING_COOKIE = 'cardnavi_pending_login';

/**
 * The hash of this browser's device cookie, issuing one (400 days, the browsers' cap) when it has none or
 * one we did not sign. The login page issues it already, so the sign-in that follows finds it.
 */
export function deviceHashFor(c: RequestContext): string {
  const deps = c.get('deps');
  const name = cookieName(deps, DEVICE_COOKIE);
  const known = deviceHashOf(deps.config.sessionSecret, getCookie(c, name));
  if (known) return known;
  const fresh = newDeviceCookie(deps.config.sessionSecret);
  setCookie(c, name, fresh.value, {
    path: '/',
    httpOnly: true,
    secure: deps.config.secureCookies,
    sameSite: 'Lax',
    maxAge: 400 * 24 * 60 * 60,
  });
  return fresh.hash;
}

/** Keeps the pending-login token between the password and the second step (5 minutes). */
export function setPendingLoginCookie(c: RequestContext, token: string) {
  const deps = c.get('deps');
  setCookie(c, cookieName(deps, PENDING_COOKIE), token, {
    path: '/',
    httpOnly: true,
    secure: deps.config.secureCookies,
    sameSite: 'Lax',
    maxAge: PENDING_LOGIN_MS / 1000,
  });
}

export function readPendingLoginCookie(c: RequestContext): string | undefined {
  return getCookie(c, cookieName(c.get('deps'), PENDING_COOKIE));
}

export function clearPendingLoginCookie(c: RequestContext) {
  const deps = c.get('deps');
  deleteCookie(c, cookieName(deps, PENDING_COOKIE), { path: '/', secure: deps.config.secureCookies });
}
