import type { ColumnType, Generated } from 'kysely';

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

/** A member's registration details (settings); one row per member, created at the first change. */
export interface MemberProfilesTable {
  member_id: number;
  /** '123-4567' */
  postal_code: string | null;
  /** JIS X 0401 code '01'…'47' (account/address.ts). */
  prefecture: string | null;
  address_line1: string | null;
  address_line2: string | null;
  /** Digits only, 10 or 11, starting with 0. */
  phone: string | null;
  bank_name: string | null;
  bank_branch: string | null;
  bank_account_type: 'ordinary' | 'current' | null;
  /** AES-256-GCM of the 7-digit account number (security/data-keys.ts); never shown. */
  bank_account_number_enc: string | null;
  /** The only digits of the account number that are ever shown. */
  bank_account_last3: string | null;
  /** Katakana, as the bank holds it. */
  bank_account_holder: string | null;
  marketing_mail: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type RegistrationItem = 'address' | 'phone' | 'bank_account' | 'notifications';

/** Which registration item changed when (never the values): the console shows them. */
export interface MemberProfileChangesTable {
  id: Generated<number>;
  member_id: number;
  item: RegistrationItem;
  changed_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface AccountTables {
  email_changes: EmailChangesTable;
  member_profiles: MemberProfilesTable;
  member_profile_changes: MemberProfileChangesTable;
}
