import type { ColumnType, Generated } from 'kysely';
import type { SignInMethod, SignInTables } from './sign-in-tables.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type MemberStatus = 'active' | 'force_withdrawn';

export interface MembersTable {
  id: Generated<number>;
  /** Normalised (NFKC, lower case). Equal to email when userIdIsEmail. */
  user_id: string;
  user_id_is_email: boolean;
  /** Normalised (NFKC, lower case). Several member IDs may share one email. */
  email: string;
  password_hash: string;
  lang: 'ja' | 'en';
  status: Generated<MemberStatus>;
  force_withdrawn_reason: string | null;
  force_withdrawn_at: Timestamp | null;
  /** Consecutive failed password checks since the last success or lock. Changed only by guarded UPDATEs. */
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  /** How many times the account has been locked in a row; the lock doubles each time. */
  lock_count: Generated<number>;
  email_verified_at: Timestamp;
  password_changed_at: Generated<Date>;
  created_at: CreatedAt;
  /** Two-step login on: read by the login's member look-up, so the password-only path needs no extra query. */
  two_step_enabled: Generated<boolean>;
}

export interface MemberSessionsTable {
  /** SHA-256 (hex) of the cookie token; the token itself is never stored. */
  token_hash: string;
  member_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
  /** A handle for "sign out this session" that is not the token's hash (bigint, read as text). */
  session_id: Generated<string>;
}

export interface PendingRegistrationsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: string;
  user_id_is_email: boolean;
  email: string;
  password_hash: string;
  lang: 'ja' | 'en';
  created_at: CreatedAt;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
}

/** Every kind of security event the code writes (the console labels each one: support/labels.ts). */
export const AUTH_EVENT_KINDS = [
  'login_success',
  'login_failure',
  'login_lock',
  'logout',
  'registration',
  'password_change',
  'password_reset',
  'email_change',
  'session_revoked',
  'force_withdrawal',
  'withdrawal',
  'unlock',
  'recovery_request',
  'two_step_on',
  'two_step_off',
  'recovery_codes_renewed',
  'remembered_devices_forgotten',
  'passkey_added',
  'passkey_removed',
  'sign_in_disowned',
] as const;
export type AuthEventKind = (typeof AUTH_EVENT_KINDS)[number];

export interface AuthEventsTable {
  id: Generated<number>;
  at: Generated<Date>;
  member_id: number | null;
  kind: AuthEventKind;
  /** Internal reason code (auth-event-reasons.ts); never shown to the member, labelled in the console. */
  reason: string | null;
  ip: string | null;
  user_agent: string | null;
  /** How a successful sign-in was made (login_success only). */
  method: SignInMethod | null;
}

export interface LoginDecoysTable {
  slot: number;
  writes: Generated<number>;
}

/** The newest password-reset link of a member (one row per member: a new link replaces the old one). */
export interface PasswordResetsTable {
  member_id: number;
  /** SHA-256 (hex) of the link token; the token itself is only in the mail. */
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/**
 * User IDs freed by a withdrawal, held back until `reusable_after` (cooling-off period). Only the SHA-256 of
 * the ID is kept, since a user ID may be an email address.
 */
export interface ReleasedUserIdsTable {
  user_id_hash: string;
  released_at: Timestamp;
  reusable_after: Timestamp;
  /** SHA-256 of the withdrawn member ID's email (migration 0015; null on older holds). */
  email_hash: string | null;
  /** The user ID, encrypted under the data keys, for the mails to that address (null on older holds). */
  user_id_enc: string | null;
}

export interface MemberTables extends SignInTables {
  login_decoys: LoginDecoysTable;
  members: MembersTable;
  member_sessions: MemberSessionsTable;
  pending_registrations: PendingRegistrationsTable;
  auth_events: AuthEventsTable;
  password_resets: PasswordResetsTable;
  released_user_ids: ReleasedUserIdsTable;
}
