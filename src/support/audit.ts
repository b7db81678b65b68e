import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { Failure } from '../errors/catalog.ts';
import {
  type AuditRow,
  findLastAuditRow,
  insertAuditRow,
  listAuditRows,
  lockAuditChain,
} from './repository.ts';

/**
 * Every action the console writes to the audit log, in one list: `appendAudit` accepts only these, and the
 * console labels each one in ja and en (labels.ts). Rows already written keep their action, so an action
 * that is no longer written stays listed (and labelled) for the rows that carry it.
 */
export const AUDIT_ACTIONS = [
  'staff.login',
  'staff.login_failure',
  'staff.lock',
  'staff.create',
  'member.verify',
  'member.verify_refused',
  'member.unlock_login',
  'member.password_reset_link',
  'member.force_withdraw',
  'member.note',
  'member.remove_two_step',
  'member.email_change_requested',
  'member.email_change_approved',
  'member.email_change_rejected',
  'card.unlock_start_pin',
  'card.reissue_start_pin',
  'card.lock_by_member',
  'card.unlock_by_member',
  'card.report_lost_by_member',
  'card.usage_notifications_by_member',
  'card.reissue',
  'card.suspend',
  'card.restore',
  'search_by_prefix',
  'search_by_caller',
  // Written by earlier versions (their searches were oracles: issue 11); kept for the rows that carry them.
  'search_by_phone',
  'search_by_card',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The fields an audit row's before/after may hold (each labelled in the console; `staffId` is never shown). */
export const AUDIT_DETAIL_KEYS = [
  'hits',
  'failures',
  'lockedAt',
  'lockedUntil',
  'failedLogins',
  'lockCount',
  'status',
  'sessionsRevoked',
  'servicesRevoked',
  'fullName',
  'birthDate',
  'phone',
  'cardNumber',
  'passed',
  'ip',
  'until',
  'staffId',
  'login',
  'role',
  'reason',
  'twoStep',
  'lockedByMember',
  'actor',
  'replacementCardId',
  'replacementLast4',
  'minAmount',
] as const;
export type AuditDetailKey = (typeof AUDIT_DETAIL_KEYS)[number];
export type AuditDetails = { [K in AuditDetailKey]?: string | number | boolean | Date | null };

/** What one audit row says: who, when, what, which member or card, before/after, why. */
export interface AuditEntry {
  at: Date;
  staffId: number | null;
  action: AuditAction;
  memberId?: number | null;
  cardId?: number | null;
  before?: AuditDetails;
  after?: AuditDetails;
  reason?: string | null;
}

/** The prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level and dates as ISO strings: the same bytes for the same row. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 (hex) over every field of the row except its own hash; prev_hash links it to the row before. */
export function auditRowHash(row: Omit<AuditRow, 'hash'>): string {
  const { id, at, staff_id, action, member_id, card_id, before, after, reason, prev_hash } = row;
  const body = canonicalJson({
    id,
    at,
    staff_id,
    action,
    member_id,
    card_id,
    before,
    after,
    reason,
    prev_hash,
  });
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Appends one row inside the caller's transaction, so the row exists exactly when the action does. The
 * advisory lock serialises appends: ids stay gapless and the chain never forks under concurrency.
 */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<AuditRow> {
  await lockAuditChain(trx);
  const last = await findLastAuditRow(trx);
  // A round trip through jsonb drops undefined values; do the same before hashing.
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.parse(canonicalJson(v)));
  const row: Omit<AuditRow, 'hash'> = {
    id: (last?.id ?? 0) + 1,
    at: entry.at,
    staff_id: entry.staffId,
    action: entry.action,
    member_id: entry.memberId ?? null,
    card_id: entry.cardId ?? null,
    before: json(entry.before),
    after: json(entry.after),
    reason: entry.reason ?? null,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const full = { ...row, hash: auditRowHash(row) };
  await insertAuditRow(trx, full);
  return full;
}

/** Appends a row in a transaction of its own (events with no other write, e.g. a failed staff login). */
export function recordAudit(db: Db, entry: AuditEntry): Promise<AuditRow> {
  return db.transaction().execute((trx) => appendAudit(trx, entry));
}

export type AuditVerification =
  | { ok: true; rows: number }
  | Failure<'audit_chain_broken', { rows: number; brokenId: number; problem: 'hash' | 'link' | 'gap' }>;

/**
 * Walks the chain from the first row: each row's hash must match its content, its prev_hash the row before,
 * and ids must run 1, 2, 3 … (a deleted row leaves a gap). Reports the first row that fails.
 */
export async function verifyAuditChain(db: Db, pageSize = 500): Promise<AuditVerification> {
  let expectedId = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const page = await listAuditRows(db, expectedId - 1, pageSize);
    for (const row of page) {
      const rows = expectedId - 1;
      if (row.id !== expectedId)
        return { ok: false, code: 'audit_chain_broken', rows, brokenId: row.id, problem: 'gap' };
      if (row.prev_hash !== prevHash)
        return { ok: false, code: 'audit_chain_broken', rows, brokenId: row.id, problem: 'link' };
      if (auditRowHash(row) !== row.hash)
        return { ok: false, code: 'audit_chain_broken', rows, brokenId: row.id, problem: 'hash' };
      prevHash = row.hash;
      expectedId += 1;
    }
    if (page.length < pageSize) return { ok: true, rows: expectedId - 1 };
  }
}
