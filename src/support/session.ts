import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../db/database.ts';
import { generateToken, hashToken } from '../security/tokens.ts';
import type { AppEnv, RequestContext } from '../web/context.ts';
import { cookieName } from '../web/middleware.ts';
import {
  deleteStaffSession,
  findLiveStaffSession,
  insertStaffSession,
  touchStaffSession,
} from './repository.ts';
import type { StaffRole } from './tables.ts';

/** PCI DSS 8.2.8: re-authenticate after 15 minutes idle. A working day at most. */
export const STAFF_IDLE_MS = 15 * 60 * 1000;
export const STAFF_ABSOLUTE_MS = 10 * 60 * 60 * 1000;

const BASE_COOKIE = 'cardnavi_staff';

/** The signed-in staff member, as the console's session middleware found them. */
export interface CurrentStaff {
  id: number;
  login: string;
  displayName: string;
  role: StaffRole;
  sessionTokenHash: string;
}

/** 256-bit random token in the cookie, only its SHA-256 in the database. */
export async function createStaffSession(db: Db, staffId: number, now: Date): Promise<string> {
  const token = generateToken();
  await insertStaffSession(db, hashToken(token), staffId, now);
  return token;
}

/** The staff member behind a token if the session is live; every request restarts the idle timer. */
export async function validateStaffSession(
  db: Db,
  token: string,
  now: Date,
): Promise<CurrentStaff | undefined> {
  const tokenHash = hashToken(token);
  const row = await findLiveStaffSession(
    db,
    tokenHash,
    new Date(now.getTime() - STAFF_IDLE_MS),
    new Date(now.getTime() - STAFF_ABSOLUTE_MS),
  );
  if (!row) return undefined;
  await touchStaffSession(db, tokenHash, now);
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    sessionTokenHash: tokenHash,
  };
}

/** Ends a session server-side. Returns the staff id it belonged to. */
export function endStaffSession(db: Db, token: string) {
  return deleteStaffSession(db, hashToken(token));
}

// The __Host- prefix requires path=/, so the cookie reaches every path; only the /support middleware reads it.
export function setStaffCookie(c: RequestContext, token: string) {
  setCookie(c, cookieName(c.get('deps'), BASE_COOKIE), token, {
    path: '/',
    httpOnly: true,
    secure: c.get('deps').config.secureCookies,
    sameSite: 'Strict',
    maxAge: STAFF_ABSOLUTE_MS / 1000,
  });
}

export function clearStaffCookie(c: RequestContext) {
  deleteCookie(c, cookieName(c.get('deps'), BASE_COOKIE), {
    path: '/',
    secure: c.get('deps').config.secureCookies,
  });
}

export function readStaffCookie(c: RequestContext): string | undefined {
  return getCookie(c, cookieName(c.get('deps'), BASE_COOKIE));
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
    const token = readStaffCookie(c);
    if (token) {
      const { db, now } = c.get('deps');
      const staff = await validateStaffSession(db, token, now());
      if (staff) c.set('staff', staff);
      else {
        c.set('staffSessionExpired', true);
        clearStaffCookie(c);
      }
    }
    await next();
  };
}
