import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The newest password-reset link of a member (one row per member: a new link replaces the old one). */
export interface PasswordResetsTable {
  member_id: number;
  /** SHA-256 (hex) of the link token; the token itself is only in the mail. */
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** A requested email change waiting for the new address to be proven (one row per member). */
export interface EmailChangesTable {
  member_id: number;
  token_hash: string;
  /** Normalised new address. */
  new_email: string;
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
}

export interface AccountTables {
  password_resets: PasswordResetsTable;
  email_changes: EmailChangesTable;
  released_user_ids: ReleasedUserIdsTable;
}
