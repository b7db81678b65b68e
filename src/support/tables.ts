import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** Console roles, lowest first: each role can do everything the roles before it can. */
export const STAFF_ROLES = ['operator', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffTable {
  id: Generated<number>;
  /** Lower case. */
  login: string;
  display_name: string;
  role: StaffRole;
  /** argon2id (security/password.ts). */
  password_hash: string;
  /** Base32 TOTP secret, AES-256-GCM under the data keys (security/data-keys.ts). */
  totp_secret_enc: string;
  /** The last accepted TOTP time step: a code is accepted at most once (RFC 6238 §5.2). */
  totp_last_step: number | null;
  /** Changed only by guarded UPDATEs (PCI DSS 8.3.4). */
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface StaffSessionsTable {
  /** SHA-256 (hex) of the cookie token. */
  token_hash: string;
  staff_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

/** A passed identity verification: one staff session may act on one member until it expires. */
export interface SupportVerificationsTable {
  id: Generated<number>;
  session_token_hash: string;
  staff_id: number;
  member_id: number;
  card_id: number;
  verified_at: Timestamp;
  expires_at: Timestamp;
}

/** Append-only, hash-chained (see support/audit.ts); a trigger refuses UPDATE, DELETE and TRUNCATE. */
export interface AuditLogTable {
  /** 1, 2, 3 … without gaps, assigned under the append lock. */
  id: number;
  at: Timestamp;
  staff_id: number | null;
  action: string;
  member_id: number | null;
  card_id: number | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * An operator-assisted email change (migration 0016): requested by an operator after identity verification,
 * approved or rejected by another supervisor. After approval no reset link goes out until reset_hold_until.
 */
export interface SupportEmailChangesTable {
  id: Generated<number>;
  member_id: number;
  old_email: string;
  new_email: string;
  reason: string;
  status: ColumnType<'requested' | 'approved' | 'rejected', 'requested' | undefined, 'approved' | 'rejected'>;
  requested_by: number;
  requested_at: Timestamp;
  decided_by: number | null;
  decided_at: Timestamp | null;
  reset_hold_until: Timestamp | null;
}

/** A call note an operator wrote on a member case (shown with its author and time, audited). */
export interface MemberNotesTable {
  id: Generated<number>;
  member_id: number;
  staff_id: number;
  /** 1–2000 characters, never a card number (schemas.ts refuses one). */
  body: string;
  created_at: Timestamp;
}

export interface SupportTables {
  support_email_changes: SupportEmailChangesTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  support_verifications: SupportVerificationsTable;
  audit_log: AuditLogTable;
  member_notes: MemberNotesTable;
}
