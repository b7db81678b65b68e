import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { RequestContext } from './context.ts';
import { cookieName } from './middleware.ts';

const BASE_COOKIE = 'cardnavi_return_to';
/** Only a single sign-on interaction in progress may be returned to (never an arbitrary URL: open redirect). */
const RETURNABLE = /^\/oidc\/interaction\/[A-Za-z0-9_-]{1,64}$/;

/** An http(s) origin, or undefined. */
function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function readReturnTo(c: RequestContext): { path: string; serviceOrigin: string | undefined } | undefined {
  const value = getCookie(c, cookieName(c.get('deps'), BASE_COOKIE));
  if (!value) return undefined;
  const [path = '', origin] = value.split(' ');
  return RETURNABLE.test(path) ? { path, serviceOrigin: originOf(origin) } : undefined;
}

/**
 * Remembers where to go once the member has logged in (a group service waiting for its sign-in), and the
 * service's origin: the login form's redirects end there, so the page's CSP form-action must allow it.
 */
export function rememberReturnTo(c: RequestContext, path: string, serviceRedirectUri: string): void {
  if (!RETURNABLE.test(path)) return;
  const origin = originOf(serviceRedirectUri);
  setCookie(c, cookieName(c.get('deps'), BASE_COOKIE), origin ? `${path} ${origin}` : path, {
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
  const found = readReturnTo(c);
  if (getCookie(c, cookieName(c.get('deps'), BASE_COOKIE)) !== undefined)
    deleteCookie(c, cookieName(c.get('deps'), BASE_COOKIE), {
      path: '/',
      secure: c.get('deps').config.secureCookies,
    });
  return found?.path ?? fallback;
}

/**
 * CSP form-action is enforced on every redirect after a form is sent (CSP 3), and a sign-in for a group
 * service ends with a redirect to the service. While one is pending (the return-to cookie) or when a page
 * names a service origin (`formActionOrigins`, the consent page), that origin is added to form-action.
 * Register before secureHeaders: it edits the header secureHeaders wrote.
 */
export function allowServiceFormTargets(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const csp = c.res.headers.get('content-security-policy');
    if (!csp) return;
    const extra = new Set<string>();
    const named = c.get('formActionOrigins') as string[] | undefined;
    for (const o of named ?? []) {
      const origin = originOf(o);
      if (origin) extra.add(origin);
    }
    if (c.get('deps')) {
      const pending = readReturnTo(c)?.serviceOrigin;
      if (pending) extra.add(pending);
    }
    if (extra.size === 0) return;
    c.res.headers.set(
      'content-security-policy',
      csp.replace(
        /form-action ([^;]*)/,
        (_whole, list: string) => `form-action ${list} ${[...extra].join(' ')}`,
      ),
    );
  };
}
