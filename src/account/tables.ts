import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A requested email change waiting for the new address to be proven (one row per member). */
export interface EmailChangesTable {
  member_id: number;
  token_hash: string;
  /** Normalised new address. */
  new_email: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AccountTables {
  email_changes: EmailChangesTable;
}
