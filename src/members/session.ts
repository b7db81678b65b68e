import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../db/database.ts';
import type { CurrentMember } from '../deps.ts';
import { generateToken, hashToken } from '../security/tokens.ts';
import type { AppEnv, RequestContext } from '../web/context.ts';
import { cookieName } from '../web/middleware.ts';
import { findLiveSession, insertSession, touchSession } from './repository.ts';

/** ASVS 7.3 / AAL2: idle ≤ 30 min, absolute ≤ 12 h. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 60 * 1000;

const BASE_COOKIE = 'cardnavi_session';

/** Creates a session: 256-bit random token for the cookie, only its SHA-256 in the database. */
export async function createMemberSession(
  db: Db,
  memberId: number,
  now: Date,
  ip: string | null,
  userAgent: string | null,
) {
  const token = generateToken();
  await insertSession(db, { tokenHash: hashToken(token), memberId, now, ip, userAgent });
  return token;
}

/** The member behind a session token, if the session is live; refreshes its idle timer. */
export async function validateMemberSession(
  db: Db,
  token: string,
  now: Date,
): Promise<CurrentMember | undefined> {
  const tokenHash = hashToken(token);
  const row = await findLiveSession(
    db,
    tokenHash,
    new Date(now.getTime() - SESSION_IDLE_MS),
    new Date(now.getTime() - SESSION_ABSOLUTE_MS),
  );
  if (row?.status !== 'active') return undefined;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) await touchSession(db, tokenHash, now);
  return { id: row.id, userId: row.user_id, email: row.email, lang: row.lang, sessionTokenHash: tokenHash };
}

export function setSessionCookie(c: RequestContext, token: string) {
  const { config } = c.get('deps');
  setCookie(c, cookieName(c.get('deps'), BASE_COOKIE), token, {
    path: '/',
    httpOnly: true,
    secure: config.secureCookies,
    sameSite: 'Lax',
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

export function clearSessionCookie(c: RequestContext) {
  deleteCookie(c, cookieName(c.get('deps'), BASE_COOKIE), {
    path: '/',
    secure: c.get('deps').config.secureCookies,
  });
}

export function readSessionCookie(c: RequestContext): string | undefined {
  return getCookie(c, cookieName(c.get('deps'), BASE_COOKIE));
}

/** Loads the member from the session cookie (if any) for every request. */
export function loadMemberSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionCookie(c);
    if (token) {
      const { db, now } = c.get('deps');
      const member = await validateMemberSession(db, token, now());
      if (member) c.set('member', member);
      else {
        c.set('sessionExpired', true);
        clearSessionCookie(c);
      }
    }
    await next();
  };
}
