import { type Selectable, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';
import { hashToken } from '../security/tokens.ts';
import type { AuthEventReason } from './auth-event-reasons.ts';
import type { AuthEventKind, MembersTable } from './tables.ts';

/** SQL of the members domain: members, sessions, pending registrations, auth events. */

export function findMemberByUserId(db: Executor, userId: string) {
  return db.selectFrom('members').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export function findMemberById(db: Executor, id: number) {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Member IDs registered to an email (a person may hold several). */
export function findMembersByEmail(db: Executor, email: string) {
  return db.selectFrom('members').selectAll().where('email', '=', email).orderBy('id').execute();
}

/**
 * Support: members whose user ID or email starts with `prefix` (already normalised), at most `limit`, in
 * user ID order. LIKE's wildcards in the prefix are matched literally.
 */
export function findMembersByPrefix(db: Executor, prefix: string, limit: number) {
  const pattern = `${prefix.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return db
    .selectFrom('members')
    .selectAll()
    .where((eb) => eb.or([eb('user_id', 'like', pattern), eb('email', 'like', pattern)]))
    .orderBy('user_id')
    .limit(limit)
    .execute();
}

export function insertMember(
  db: Executor,
  values: {
    userId: string;
    userIdIsEmail: boolean;
    email: string;
    passwordHash: string;
    lang: 'ja' | 'en';
    verifiedAt: Date;
  },
) {
  return db
    .insertInto('members')
    .values({
      user_id: values.userId,
      user_id_is_email: values.userIdIsEmail,
      email: values.email,
      password_hash: values.passwordHash,
      lang: values.lang,
      email_verified_at: values.verifiedAt,
      force_withdrawn_reason: null,
      force_withdrawn_at: null,
      locked_until: null,
    })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

/**
 * Reserves one password check for a member in a single guarded statement (NIST 800-63B-4 throttling).
 * Returns the attempt number, or undefined when the account is locked or has used up its attempts:
 * then the password must not be evaluated. Concurrent requests can never reserve more than `max`.
 */
export async function reserveLoginAttempt(db: Executor, memberId: number, max: number, now: Date) {
  const row = await db
    .updateTable('members')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', memberId)
    .where('failed_logins', '<', max)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning(['failed_logins', 'lock_count'])
    .executeTakeFirst();
  return row;
}

/**
 * Everything a login does before the password check, in one statement (one round trip, one commit): finds
 * the member the identifier names (the user ID, else — when `byEmail` — an email that belongs to exactly one
 * member ID), reserves an attempt on it with reserveLoginAttempt's guard (a concurrent caller sees the
 * incremented counter: at most `max` reservations), and when no member matches makes the unknown-ID stand-in
 * write (login_decoys) instead, so an unknown ID costs the same write as a known one (ASVS 6.3.8).
 * `reserved` is undefined when the member exists but no attempt was left (locked or at the limit).
 */
export async function findMemberAndReserveLogin(
  db: Executor,
  identifier: string,
  byEmail: boolean,
  max: number,
  now: Date,
): Promise<{
  member: Selectable<MembersTable> | undefined;
  reserved: { failed_logins: number; lock_count: number } | undefined;
}> {
  const slot = Math.floor(Math.random() * 16);
  const { rows } = await sql<
    Selectable<MembersTable> & { reserved_failed_logins: number | null; reserved_lock_count: number | null }
  >`
    with by_id as (select * from members where user_id = ${identifier}),
    by_email as (
      select * from members where ${byEmail} and email = ${identifier} and not exists (select 1 from by_id)
    ),
    found as (
      select * from by_id
      union all
      select * from by_email where (select count(*) from by_email) = 1
    ),
    reserved as (
      update members set failed_logins = failed_logins + 1
       where id = (select id from found)
         and failed_logins < ${max}
         and (locked_until is null or locked_until <= ${now})
      returning failed_logins, lock_count
    ),
    decoy as (
      update login_decoys set writes = writes + 1
       where slot = ${slot} and not exists (select 1 from found)
      returning slot
    )
    select found.*, reserved.failed_logins as reserved_failed_logins, reserved.lock_count as reserved_lock_count
      from found left join reserved on true`.execute(db);
  const row = rows[0];
  if (!row) return { member: undefined, reserved: undefined };
  const { reserved_failed_logins, reserved_lock_count, ...member } = row;
  return {
    member,
    reserved:
      reserved_failed_logins === null
        ? undefined
        : { failed_logins: reserved_failed_logins, lock_count: reserved_lock_count ?? 0 },
  };
}

/**
 * The unknown-ID twin of reserveLoginAttempt: one committed single-row write, so an attempt against an ID
 * that does not exist takes as long as one against an ID that does (ASVS 6.3.8).
 */
export async function writeLoginDecoy(db: Executor) {
  await db
    .updateTable('login_decoys')
    .set((eb) => ({ writes: eb('writes', '+', 1) }))
    .where('slot', '=', Math.floor(Math.random() * 16))
    .execute();
}

/** A correct password: the reserved attempt is released and the failure history cleared. */
export async function clearLoginFailures(db: Executor, memberId: number) {
  await db
    .updateTable('members')
    .set({ failed_logins: 0, lock_count: 0, locked_until: null })
    .where('id', '=', memberId)
    .execute();
}

/**
 * Locks the account once its reserved attempts are used up. Guarded so only one concurrent request
 * performs the lock (and so only one lock email is sent). Returns the lock end, or undefined if another
 * request locked it first.
 */
export async function lockAccount(
  db: Executor,
  memberId: number,
  max: number,
  baseMinutes: number,
  capMinutes: number,
  now: Date,
) {
  const row = await db
    .updateTable('members')
    .set((eb) => ({
      failed_logins: 0,
      lock_count: eb('lock_count', '+', 1),
      // NIST 800-63B-4: never more than 100 consecutive failures. After that many the lock has no end and
      // only the contact center (or the member's password reset plus an operator unlock) lifts it.
      locked_until: sql<Date>`case when (lock_count + 1) * ${max}::int >= 100 then '9999-12-31T00:00:00Z'::timestamptz
        else ${now}::timestamptz + make_interval(mins => least(${capMinutes}::int, ${baseMinutes}::int * (2 ^ least(lock_count, 16))::int)) end`,
    }))
    .where('id', '=', memberId)
    .where('failed_logins', '>=', max)
    .returning(['locked_until', 'lock_count'])
    .executeTakeFirst();
  return row;
}

export async function updatePasswordHash(db: Executor, memberId: number, passwordHash: string) {
  await db.updateTable('members').set({ password_hash: passwordHash }).where('id', '=', memberId).execute();
}

export async function insertSession(
  db: Executor,
  values: { tokenHash: string; memberId: number; now: Date; ip: string | null; userAgent: string | null },
) {
  await db
    .insertInto('member_sessions')
    .values({
      token_hash: values.tokenHash,
      member_id: values.memberId,
      created_at: values.now,
      last_seen_at: values.now,
      ip: values.ip,
      user_agent: values.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

/** The session and its member, when the session is within both its idle and absolute limits. */
export function findLiveSession(db: Executor, tokenHash: string, idleSince: Date, createdSince: Date) {
  // The member is fetched by primary key per session row (a lateral subquery the planner cannot flatten,
  // thanks to OFFSET 0). A plain join let PostgreSQL pick a merge join from stale member_sessions statistics
  // and walk members_pkey from the start: ~100 ms per request at 1M members (bench/README.md, dashboard).
  return db
    .selectFrom('member_sessions as s')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('members')
          .select(['id', 'user_id', 'email', 'user_id_is_email', 'lang', 'status'])
          .whereRef('members.id', '=', 's.member_id')
          .offset(0)
          .as('m'),
      (join) => join.onTrue(),
    )
    .select([
      's.token_hash',
      's.last_seen_at',
      'm.id',
      'm.user_id',
      'm.email',
      'm.user_id_is_email',
      'm.lang',
      'm.status',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.last_seen_at', '>', idleSince)
    .where('s.created_at', '>', createdSince)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, tokenHash: string, now: Date) {
  await db
    .updateTable('member_sessions')
    .set({ last_seen_at: now })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: Executor, tokenHash: string) {
  const r = await db
    .deleteFrom('member_sessions')
    .where('token_hash', '=', tokenHash)
    .returning('member_id')
    .executeTakeFirst();
  return r?.member_id;
}

/** Ends every session of a member, optionally keeping one (the one making the change). */
export async function deleteMemberSessions(db: Executor, memberId: number, exceptTokenHash?: string) {
  let q = db.deleteFrom('member_sessions').where('member_id', '=', memberId);
  if (exceptTokenHash) q = q.where('token_hash', '!=', exceptTokenHash);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function recordAuthEvent(
  db: Executor,
  event: {
    kind: AuthEventKind;
    memberId: number | null;
    reason?: AuthEventReason | null;
    ip?: string | null;
    userAgent?: string | null;
  },
) {
  await db
    .insertInto('auth_events')
    .values({
      kind: event.kind,
      member_id: event.memberId,
      reason: event.reason ?? null,
      ip: event.ip ?? null,
      user_agent: event.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

export function listAuthEvents(db: Executor, memberId: number, limit = 50) {
  return db
    .selectFrom('auth_events')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertPendingRegistration(
  db: Executor,
  values: {
    tokenHash: string;
    userId: string;
    userIdIsEmail: boolean;
    email: string;
    passwordHash: string;
    lang: 'ja' | 'en';
    expiresAt: Date;
  },
) {
  await db
    .insertInto('pending_registrations')
    .values({
      token_hash: values.tokenHash,
      user_id: values.userId,
      user_id_is_email: values.userIdIsEmail,
      email: values.email,
      password_hash: values.passwordHash,
      lang: values.lang,
      expires_at: values.expiresAt,
      consumed_at: null,
    })
    .execute();
}

/** Marks a pending registration used, in one guarded statement so a link works exactly once. */
export function consumePendingRegistration(db: Executor, tokenHash: string, now: Date) {
  return db
    .updateTable('pending_registrations')
    .set({ consumed_at: now })
    .where('token_hash', '=', tokenHash)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
}

export function findPendingRegistration(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('pending_registrations')
    .select(['user_id', 'email'])
    .where('token_hash', '=', tokenHash)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Housekeeping: sessions past their limits and stale registrations. */
export async function deleteExpiredMemberData(db: Db, idleSince: Date, createdSince: Date, now: Date) {
  await db
    .deleteFrom('member_sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<=', idleSince), eb('created_at', '<=', createdSince)]))
    .execute();
  await db.deleteFrom('pending_registrations').where('expires_at', '<', now).execute();
}

/**
 * Demo seed: puts an account at the edge of its limit (`failures` consecutive wrong passwords, no lock yet
 * and no earlier locks), so the ordinary lock step can follow.
 */
export async function setConsecutiveLoginFailures(db: Executor, memberId: number, failures: number) {
  await db
    .updateTable('members')
    .set({ failed_logins: failures, lock_count: 0, locked_until: null })
    .where('id', '=', memberId)
    .execute();
}

/**
 * A completed password reset proved the mailbox: the failure counter and a temporary lock go, in one guarded
 * statement. A permanent lock (the 100-failure ceiling) stays: only the contact center lifts it.
 */
export async function liftLoginLockAfterReset(db: Executor, memberId: number) {
  await db
    .updateTable('members')
    .set({ locked_until: null, failed_logins: 0, lock_count: 0 })
    .where('id', '=', memberId)
    .where((eb) =>
      eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', new Date('9999-01-01T00:00:00Z'))]),
    )
    .execute();
}

/** Support: lifts a temporary (or permanent) login lock. Returns the previous lock end, if the member exists. */
export async function unlockLoginLock(db: Executor, memberId: number) {
  const before = await db
    .selectFrom('members')
    .select(['locked_until', 'failed_logins', 'lock_count'])
    .where('id', '=', memberId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) return undefined;
  await db
    .updateTable('members')
    .set({ locked_until: null, failed_logins: 0, lock_count: 0 })
    .where('id', '=', memberId)
    .execute();
  return before;
}

/** Marks a membership force-withdrawn (guarded: only an active one). Returns whether it changed. */
export async function markForceWithdrawn(db: Executor, memberId: number, reason: string, now: Date) {
  const r = await db
    .updateTable('members')
    .set({ status: 'force_withdrawn', force_withdrawn_reason: reason, force_withdrawn_at: now })
    .where('id', '=', memberId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- password reset links, password, released user IDs ----------------------------------------------

const RESET_MEMBER_FIELDS = [
  'm.id',
  'm.user_id',
  'm.user_id_is_email',
  'm.email',
  'm.lang',
  'm.status',
  'm.two_step_enabled',
] as const;

/**
 * Stores a member's reset link, replacing any earlier one in the same statement (member_id is the key):
 * only the newest link can be valid, even when two requests race.
 */
export async function upsertPasswordReset(
  db: Executor,
  values: { memberId: number; tokenHash: string; now: Date; expiresAt: Date },
) {
  await db
    .insertInto('password_resets')
    .values({
      member_id: values.memberId,
      token_hash: values.tokenHash,
      created_at: values.now,
      expires_at: values.expiresAt,
    })
    .onConflict((oc) =>
      oc.column('member_id').doUpdateSet({
        token_hash: values.tokenHash,
        created_at: values.now,
        expires_at: values.expiresAt,
      }),
    )
    .execute();
}

/** The member a live reset link belongs to (for showing the form; does not use the link up). */
export function findMemberByPasswordReset(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('password_resets as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .select(RESET_MEMBER_FIELDS)
    .where('r.token_hash', '=', tokenHash)
    .where('r.expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses a reset link up: one guarded DELETE, so of two concurrent uses exactly one gets the member id. */
export async function consumePasswordReset(db: Executor, tokenHash: string, now: Date) {
  const row = await db
    .deleteFrom('password_resets')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .returning('member_id')
    .executeTakeFirst();
  return row?.member_id;
}

/** Ends the member's reset link; returns how many were pending (0 or 1). */
export async function deletePasswordResets(db: Executor, memberId: number) {
  const r = await db.deleteFrom('password_resets').where('member_id', '=', memberId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Ends registration links not yet used that went to this address; returns how many. */
export async function deletePendingRegistrationsTo(db: Executor, email: string) {
  const r = await db
    .deleteFrom('pending_registrations')
    .where('email', '=', email)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Sets a new password hash. Deliberately leaves failed_logins and locked_until alone. */
export async function setMemberPassword(db: Executor, memberId: number, passwordHash: string, now: Date) {
  await db
    .updateTable('members')
    .set({ password_hash: passwordHash, password_changed_at: now })
    .where('id', '=', memberId)
    .execute();
}

/** Released user IDs are kept as a hash only: a user ID may be an email address. */
const userIdHash = (userId: string) => hashToken(`user-id:${userId}`);
/** The withdrawn member ID's address, kept only to be found again (never read back). */
const releasedEmailHash = (email: string) => hashToken(`released-email:${email}`);

/** A user ID's hold after a withdrawal, if it is still in its cooling-off period. */
export function findUserIdHold(db: Executor, userId: string, now: Date) {
  return db
    .selectFrom('released_user_ids')
    .select(['released_at', 'reusable_after'])
    .where('user_id_hash', '=', userIdHash(userId))
    .where('reusable_after', '>', now)
    .executeTakeFirst();
}

/** Whether a user ID was released by a withdrawal and is still in its cooling-off period. */
export async function isUserIdCoolingOff(db: Executor, userId: string, now: Date) {
  return Boolean(await findUserIdHold(db, userId, now));
}

/** Member IDs withdrawn from this address whose hold has not ended (the user ID still encrypted), oldest first. */
export function findHeldWithdrawalsByEmail(db: Executor, email: string, now: Date) {
  return db
    .selectFrom('released_user_ids')
    .select(['user_id_enc', 'released_at', 'reusable_after'])
    .where('email_hash', '=', releasedEmailHash(email))
    .where('reusable_after', '>', now)
    .where('user_id_enc', 'is not', null)
    .orderBy('released_at')
    .execute();
}

/**
 * Holds a withdrawn member's user ID back until `reusableAfter`, with the address it belonged to (hashed) and
 * the ID itself (encrypted by the caller) for the mails to that address; also forgets holds that have ended.
 */
export async function holdReleasedUserId(
  db: Executor,
  released: { userId: string; email: string; userIdEnc: string },
  now: Date,
  reusableAfter: Date,
) {
  await db.deleteFrom('released_user_ids').where('reusable_after', '<=', now).execute();
  const values = {
    released_at: now,
    reusable_after: reusableAfter,
    email_hash: releasedEmailHash(released.email),
    user_id_enc: released.userIdEnc,
  };
  await db
    .insertInto('released_user_ids')
    .values({ user_id_hash: userIdHash(released.userId), ...values })
    .onConflict((oc) => oc.column('user_id_hash').doUpdateSet(values))
    .execute();
}
