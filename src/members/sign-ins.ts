import type { Transaction } from 'kysely';
import { UAParser } from 'ua-parser-js';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { formatMoment } from '../i18n/format.ts';
import { translate } from '../i18n/index.ts';
import { outboxMailValues } from '../mail/outbox.ts';
import { generateToken, hashToken } from '../security/tokens.ts';
import { revokePendingTokens } from './pending-tokens.ts';
import { deleteMemberSessions, findMemberById, recordAuthEvent } from './repository.ts';
import { queuePasswordReset } from './reset-password.ts';
import { memberSessions } from './session.ts';
import {
  deletePendingLogins,
  deleteSessionById,
  findSessionStart,
  findSignInAlert,
  forgetRememberedDevices,
  listLiveSessions,
  listSignIns,
  type NewDeviceAlert,
  recordServiceSignInEvent,
  recordSignIn,
  useSignInAlert,
} from './sign-in-repository.ts';
import type { SignInMethod } from './sign-in-tables.ts';

/** Where a sign-in came from, as the route saw it. */
export interface SignInClient {
  ip: string;
  userAgent: string | null;
  /** SHA-256 of the browser's device cookie (null when the caller has none, e.g. a test or a script). */
  deviceHash?: string | null;
}

/** A "This was not me" link in a new-device mail works for 7 days. */
export const SIGN_IN_ALERT_MS = 7 * 24 * 60 * 60 * 1000;

interface SignInMember {
  id: number;
  user_id: string;
  email: string;
  lang: 'ja' | 'en';
}

/**
 * Starts a session for a member whose sign-in is complete, records it in the history with its method, and
 * when the browser was never seen for this member before (and some other one was) queues the new-device
 * mail — all in one statement. The mail is prepared beforehand whenever the browser has a device cookie;
 * the statement decides whether it is queued.
 */
export async function startSignedInSession(
  db: AppDeps['db'] | Transaction<Database>,
  deps: AppDeps,
  member: SignInMember,
  method: SignInMethod,
  client: SignInClient,
  options: { newPasswordHash?: string; keepFailures?: boolean } = {},
): Promise<string> {
  const sessionToken = generateToken();
  const now = deps.now();
  const deviceHash = client.deviceHash ?? null;
  await recordSignIn(db, {
    memberId: member.id,
    tokenHash: hashToken(sessionToken),
    now,
    ip: client.ip,
    userAgent: client.userAgent,
    method,
    deviceHash,
    ...(deviceHash ? { alert: newDeviceAlert(deps, member, method, client, now) } : {}),
    ...options,
  });
  return sessionToken;
}

function newDeviceAlert(
  deps: AppDeps,
  member: SignInMember,
  method: SignInMethod,
  client: SignInClient,
  now: Date,
): NewDeviceAlert {
  const token = generateToken();
  const device = describeUserAgent(client.userAgent);
  return {
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + SIGN_IN_ALERT_MS),
    mail: outboxMailValues(deps.config, {
      to: member.email,
      lang: member.lang,
      template: 'new_device_sign_in',
      params: {
        userId: member.user_id,
        at: formatSignInTime(deps, now, member.lang),
        device: device.device || '-',
        browser: device.browser || '-',
        ip: client.ip,
        method: translate(member.lang, `signIns.method.${method}`),
        notMeLink: `/sign-in/not-me?token=${token}`,
        historyLink: '/settings/sign-ins',
      },
    }),
  };
}

/**
 * A group service signed the member in (OpenID Connect): it shows in the sign-in history with the method
 * "service", the browser and the address it came from. Nothing else changes (no cardnavi session starts).
 */
export async function recordServiceSignIn(
  deps: AppDeps,
  memberId: number,
  client: Pick<SignInClient, 'ip' | 'userAgent'>,
): Promise<void> {
  await recordServiceSignInEvent(deps.db, {
    memberId,
    now: deps.now(),
    ip: client.ip,
    userAgent: client.userAgent,
  });
}

/** When the member's current session signed in (undefined when it has ended). */
export function sessionSignedInAt(deps: AppDeps, member: { sessionTokenHash: string }) {
  return findSessionStart(deps.db, member.sessionTokenHash);
}

/** Device (OS or model) and browser as a member recognises them, from a User-Agent header. */
export function describeUserAgent(userAgent: string | null): { device: string; browser: string } {
  if (!userAgent) return { device: '', browser: '' };
  const r = new UAParser(userAgent).getResult();
  const model = [r.device.vendor, r.device.model].filter(Boolean).join(' ');
  const os = [r.os.name, r.os.version].filter(Boolean).join(' ');
  const device = model && os ? `${model} (${os})` : model || os;
  const browser = [r.browser.name, r.browser.major].filter(Boolean).join(' ');
  return { device, browser };
}

/** A time in the configured time zone, in the member's language, to the minute. */
export function formatSignInTime(deps: AppDeps, at: Date, lang: 'ja' | 'en'): string {
  return formatMoment(lang, at, deps.config.contact.timeZone, 'minute');
}

export interface SignInEntry {
  at: Date;
  atText: string;
  device: string;
  browser: string;
  ip: string | null;
  method: SignInMethod;
}

/** The member's recent sign-ins, newest first (the history page and the support console). */
export async function listSignInHistory(
  deps: AppDeps,
  memberId: number,
  lang: 'ja' | 'en',
  limit = 30,
): Promise<SignInEntry[]> {
  const rows = await listSignIns(deps.db, memberId, limit);
  return rows.map((r) => ({
    at: r.at,
    atText: formatSignInTime(deps, r.at, lang),
    ...describeUserAgent(r.user_agent),
    ip: r.ip,
    method: r.method ?? 'password',
  }));
}

export interface LiveSession {
  id: string;
  signedInText: string;
  lastSeenText: string;
  device: string;
  browser: string;
  ip: string | null;
  current: boolean;
}

/** The member's live sessions, marking the one making the request. */
export async function listMemberSessions(
  deps: AppDeps,
  member: { id: number; sessionTokenHash: string },
  lang: 'ja' | 'en',
): Promise<LiveSession[]> {
  const now = deps.now().getTime();
  const rows = await listLiveSessions(
    deps.db,
    member.id,
    new Date(now - memberSessions.idleMs),
    new Date(now - memberSessions.absoluteMs),
  );
  return rows.map((r) => ({
    id: String(r.session_id),
    signedInText: formatSignInTime(deps, r.created_at, lang),
    lastSeenText: formatSignInTime(deps, r.last_seen_at, lang),
    ...describeUserAgent(r.user_agent),
    ip: r.ip,
    current: r.token_hash === member.sessionTokenHash,
  }));
}

export type SignOutSessionResult = { ok: true } | Failure<'session_not_found'>;

/** Signs one of the member's own sessions out (server-side), by its handle. */
export async function signOutSession(
  deps: AppDeps,
  memberId: number,
  sessionId: string,
  client: SignInClient,
): Promise<SignOutSessionResult> {
  if (!/^\d{1,18}$/.test(sessionId)) return { ok: false, code: 'session_not_found' };
  return deps.db.transaction().execute(async (trx) => {
    if (!(await deleteSessionById(trx, memberId, sessionId)))
      return { ok: false, code: 'session_not_found' } as const;
    await recordAuthEvent(trx, {
      kind: 'session_revoked',
      memberId,
      reason: 'signed_out_by_member',
      ip: client.ip,
      userAgent: client.userAgent,
    });
    return { ok: true } as const;
  });
}

/** Whether a "This was not me" link is still usable (the GET page; the link is not used up). */
export async function isSignInAlertUsable(deps: AppDeps, token: string): Promise<boolean> {
  return (await findSignInAlert(deps.db, hashToken(token), deps.now())) !== undefined;
}

export type DisownSignInResult = { ok: true } | Failure<'M02'>;

/**
 * "This was not me": ends every session of the member, forgets every remembered device, drops pending
 * second steps and every pending token (an email change, the tokens and single sign-on sessions of group
 * services) and sends a password-reset link, in one transaction. The link works once.
 */
export async function disownSignIn(
  deps: AppDeps,
  token: string,
  client: SignInClient,
): Promise<DisownSignInResult> {
  return deps.db.transaction().execute(async (trx) => {
    const memberId = await useSignInAlert(trx, hashToken(token), deps.now());
    const member = memberId === undefined ? undefined : await findMemberById(trx, memberId);
    if (!member) return { ok: false, code: 'M02' } as const;
    await signOutEverywhereAndReset(trx, deps, member, client);
    return { ok: true } as const;
  });
}

/** "This was not me" from the sign-in history of a logged-in member: the same, this session included. */
export async function disownSignInsOfMember(
  deps: AppDeps,
  memberId: number,
  client: SignInClient,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const member = await findMemberById(trx, memberId);
    if (member) await signOutEverywhereAndReset(trx, deps, member, client);
  });
}

async function signOutEverywhereAndReset(
  trx: Transaction<Database>,
  deps: AppDeps,
  member: { id: number; user_id: string; email: string; lang: 'ja' | 'en' },
  client: SignInClient,
) {
  const revoked = await deleteMemberSessions(trx, member.id);
  await forgetRememberedDevices(trx, member.id);
  await deletePendingLogins(trx, member.id);
  await revokePendingTokens(trx, member);
  await recordAuthEvent(trx, {
    kind: 'sign_in_disowned',
    memberId: member.id,
    reason: `sessions_revoked_${revoked}`,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  await queuePasswordReset(trx, deps, member);
}
