import { type Selectable, sql, type Transaction } from 'kysely';
import type { Database, Executor } from '../db/schema.ts';
import type { AuditLogTable, StaffRole } from './tables.ts';

/** SQL of the support console: staff, staff sessions, verifications, the audit log, call notes, card look-ups. */

export function findStaffByLogin(db: Executor, login: string) {
  return db.selectFrom('staff').selectAll().where('login', '=', login).executeTakeFirst();
}

export function listStaff(db: Executor) {
  return db
    .selectFrom('staff')
    .select(['id', 'login', 'display_name', 'role', 'active', 'locked_until', 'created_at'])
    .orderBy('id')
    .execute();
}

export function insertStaff(
  db: Executor,
  values: {
    login: string;
    displayName: string;
    role: StaffRole;
    passwordHash: string;
    totpSecretEnc: string;
  },
) {
  return db
    .insertInto('staff')
    .values({
      login: values.login,
      display_name: values.displayName,
      role: values.role,
      password_hash: values.passwordHash,
      totp_secret_enc: values.totpSecretEnc,
      totp_last_step: null,
      locked_until: null,
    })
    .onConflict((oc) => oc.column('login').doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

/**
 * Reserves one credential check for a staff account in a single guarded statement (PCI DSS 8.3.4).
 * Undefined when the account is locked or its attempts are used up: then nothing may be evaluated.
 */
export function reserveStaffLoginAttempt(db: Executor, staffId: number, max: number, now: Date) {
  return db
    .updateTable('staff')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', staffId)
    .where('active', '=', true)
    .where('failed_logins', '<', max)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning(['failed_logins'])
    .executeTakeFirst();
}

/** Locks once the reserved attempts are used up; guarded so exactly one concurrent request locks. */
export function lockStaffAccount(db: Executor, staffId: number, max: number, until: Date) {
  return db
    .updateTable('staff')
    .set({ failed_logins: 0, locked_until: until })
    .where('id', '=', staffId)
    .where('failed_logins', '>=', max)
    .returning(['locked_until'])
    .executeTakeFirst();
}

/**
 * A correct password and code: records the TOTP step and clears the failures, only if this step is newer
 * than the last accepted one (compare-and-swap, so a replayed code fails even under concurrency).
 */
export async function acceptStaffLogin(db: Executor, staffId: number, totpStep: number) {
  const r = await db
    .updateTable('staff')
    .set({ failed_logins: 0, locked_until: null, totp_last_step: totpStep })
    .where('id', '=', staffId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', totpStep)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertStaffSession(db: Executor, tokenHash: string, staffId: number, now: Date) {
  await db
    .insertInto('staff_sessions')
    .values({ token_hash: tokenHash, staff_id: staffId, created_at: now, last_seen_at: now })
    .execute();
}

/** The session and its (active) staff member, when within both the idle and the absolute limit. */
export function findLiveStaffSession(db: Executor, tokenHash: string, idleSince: Date, createdSince: Date) {
  return db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff as st', 'st.id', 's.staff_id')
    .select(['s.token_hash', 's.last_seen_at', 'st.id', 'st.login', 'st.display_name', 'st.role'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.last_seen_at', '>', idleSince)
    .where('s.created_at', '>', createdSince)
    .where('st.active', '=', true)
    .executeTakeFirst();
}

export async function touchStaffSession(db: Executor, tokenHash: string, now: Date) {
  await db
    .updateTable('staff_sessions')
    .set({ last_seen_at: now })
    .where('token_hash', '=', tokenHash)
    .execute();
}

/** Housekeeping: staff sessions past their idle or absolute limit (they are never accepted anyway). */
export async function deleteExpiredStaffSessions(db: Executor, idleSince: Date, createdSince: Date) {
  await db
    .deleteFrom('staff_sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<=', idleSince), eb('created_at', '<=', createdSince)]))
    .execute();
}

export async function deleteStaffSession(db: Executor, tokenHash: string) {
  const r = await db
    .deleteFrom('staff_sessions')
    .where('token_hash', '=', tokenHash)
    .returning('staff_id')
    .executeTakeFirst();
  return r?.staff_id;
}

export async function insertVerification(
  db: Executor,
  values: {
    sessionTokenHash: string;
    staffId: number;
    memberId: number;
    cardId: number;
    now: Date;
    expiresAt: Date;
  },
) {
  await db
    .insertInto('support_verifications')
    .values({
      session_token_hash: values.sessionTokenHash,
      staff_id: values.staffId,
      member_id: values.memberId,
      card_id: values.cardId,
      verified_at: values.now,
      expires_at: values.expiresAt,
    })
    .execute();
}

/** The newest verification of this member still valid for this staff session. */
export function findLiveVerification(db: Executor, sessionTokenHash: string, memberId: number, now: Date) {
  return db
    .selectFrom('support_verifications')
    .select(['card_id', 'verified_at', 'expires_at'])
    .where('session_token_hash', '=', sessionTokenHash)
    .where('member_id', '=', memberId)
    .where('expires_at', '>', now)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Last 4 digits of every card applied for by these members (for search results). */
export function listCardLast4OfMembers(db: Executor, memberIds: number[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cards')
    .select(['member_id', 'last4', 'status'])
    .where('member_id', 'in', memberIds)
    .orderBy('id')
    .execute();
}

/** One audit row as read back (and as hashed). */
export type AuditRow = Selectable<AuditLogTable>;

/**
 * Serialises audit appends for the rest of the transaction, so two writers can never chain onto the same
 * row (the lock is released at commit or rollback).
 */
export async function lockAuditChain(trx: Transaction<Database>) {
  await sql`select pg_advisory_xact_lock(hashtext('cardnavi.audit_log'))`.execute(trx);
}

export function findLastAuditRow(db: Executor) {
  return db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function insertAuditRow(db: Executor, row: AuditRow) {
  await db
    .insertInto('audit_log')
    .values({
      ...row,
      before: sql`cast(${row.before === null ? null : JSON.stringify(row.before)} as jsonb)`,
      after: sql`cast(${row.after === null ? null : JSON.stringify(row.after)} as jsonb)`,
    })
    .execute();
}

/** Audit rows in chain order, a page at a time (for `audit verify`). */
export function listAuditRows(db: Executor, afterId: number, limit: number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function listRecentAuditRows(db: Executor, limit: number, memberId?: number) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('staff as s', 's.id', 'a.staff_id')
    .leftJoin('members as m', 'm.id', 'a.member_id')
    .leftJoin('cards as c', 'c.id', 'a.card_id')
    .select([
      'a.id',
      'a.at',
      'a.action',
      'a.member_id',
      'a.card_id',
      'a.reason',
      'a.before',
      'a.after',
      's.login as staff_login',
      'm.user_id as member_user_id',
      'c.last4 as card_last4',
    ])
    .orderBy('a.id', 'desc')
    .limit(limit);
  if (memberId !== undefined) q = q.where('a.member_id', '=', memberId);
  return q.execute();
}

/**
 * Records an operator's request to change a member's email (migration 0016). At most one open request per
 * member (partial unique index): undefined when one is already open.
 */
export function insertSupportEmailChange(
  db: Executor,
  values: {
    memberId: number;
    oldEmail: string;
    newEmail: string;
    reason: string;
    staffId: number;
    now: Date;
  },
) {
  return db
    .insertInto('support_email_changes')
    .values({
      member_id: values.memberId,
      old_email: values.oldEmail,
      new_email: values.newEmail,
      reason: values.reason,
      requested_by: values.staffId,
      requested_at: values.now,
      decided_by: null,
      decided_at: null,
      reset_hold_until: null,
    })
    .onConflict((oc) => oc.column('member_id').where('status', '=', 'requested').doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

/** The member's open email-change request with the requesting staff member's login, if any. */
export function findOpenSupportEmailChange(db: Executor, memberId: number) {
  return db
    .selectFrom('support_email_changes as e')
    .innerJoin('staff as s', 's.id', 'e.requested_by')
    .select(['e.id', 'e.new_email', 'e.old_email', 'e.reason', 'e.requested_by', 'e.requested_at', 's.login'])
    .where('e.member_id', '=', memberId)
    .where('e.status', '=', 'requested')
    .executeTakeFirst();
}

/**
 * Decides an open request in one guarded statement: only while it is open, and never by the staff member
 * who asked for it (four eyes; the table's check constraint says the same). Undefined when nothing matched.
 */
export function decideSupportEmailChange(
  db: Executor,
  values: {
    id: number;
    memberId: number;
    staffId: number;
    status: 'approved' | 'rejected';
    now: Date;
    holdUntil: Date | null;
  },
) {
  return db
    .updateTable('support_email_changes')
    .set({
      status: values.status,
      decided_by: values.staffId,
      decided_at: values.now,
      reset_hold_until: values.holdUntil,
    })
    .where('id', '=', values.id)
    .where('member_id', '=', values.memberId)
    .where('status', '=', 'requested')
    .where('requested_by', '<>', values.staffId)
    .returning(['id', 'new_email', 'old_email', 'requested_by'])
    .executeTakeFirst();
}

/** The latest end of a reset-link hold for this member and address that is still running, if any. */
export async function findResetHold(db: Executor, memberId: number, email: string, now: Date) {
  const row = await db
    .selectFrom('support_email_changes')
    .select((eb) => eb.fn.max('reset_hold_until').as('until'))
    .where('member_id', '=', memberId)
    .where('new_email', '=', email)
    .where('status', '=', 'approved')
    .where('reset_hold_until', '>', now)
    .executeTakeFirst();
  return row?.until ? new Date(row.until) : undefined;
}

/** When a row was recorded (to name a broken row by its time rather than its id). */
export async function findAuditRowTime(db: Executor, id: number) {
  return (await db.selectFrom('audit_log').select('at').where('id', '=', id).executeTakeFirst())?.at;
}

export async function insertMemberNote(
  db: Executor,
  values: { memberId: number; staffId: number; body: string; now: Date },
) {
  return db
    .insertInto('member_notes')
    .values({
      member_id: values.memberId,
      staff_id: values.staffId,
      body: values.body,
      created_at: values.now,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** The newest call notes of a member, with the author's display name. */
export function listMemberNotes(db: Executor, memberId: number, limit: number) {
  return db
    .selectFrom('member_notes as n')
    .innerJoin('staff as s', 's.id', 'n.staff_id')
    .select(['n.body', 'n.created_at', 's.display_name as author'])
    .where('n.member_id', '=', memberId)
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}
