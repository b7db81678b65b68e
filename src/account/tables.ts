import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A requested email change waiting for the new address to be proven (one row per member). */
export interface EmailChangesTable {
  member_id: number;
  token_hash: string;
  /** SHA-256 of the cancel link's token, mailed to the current address (null on rows from before it). */
  cancel_token_hash: string | null;
  /** Normalised new address. */
  new_email: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AccountTables {
  email_changes: EmailChangesTable;
}
