import type { ColumnType, Generated } from 'kysely';
import type { LineKind, PaymentMethod, SpendingCategory } from '../statements/categories.ts';
import type { IncomeBand } from './screening.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type CardStatus =
  | 'active'
  | 'suspended'
  | 'cancelled_at_renewal'
  | 'force_cancelled'
  | 'closed_by_member'
  /** Reported lost or stolen by the member: blocked for good, a replacement with a new number follows. */
  | 'reissue_requested';
export type CardBrand = 'visa' | 'mastercard' | 'jcb' | 'amex';

export interface CardsTable {
  id: Generated<number>;
  /** The member ID that applied for the card (its owner). Null once that member ID has withdrawn. */
  member_id: number | null;
  /** AES-256-GCM (security/data-keys.ts) of the full number; never shown, logged or put in a URL. */
  number_enc: string;
  /** HMAC-SHA-256 of the number under the lookup key (security/data-keys.ts): lookup without decrypting. */
  number_hash: string;
  last4: string;
  expiry_year: number;
  expiry_month: number;
  holder_name: string;
  /** 'YYYY-MM-DD' */
  birth_date: string;
  phone: string;
  brand: CardBrand;
  /** Yen. */
  credit_limit: number;
  status: CardStatus;
  status_reason: string | null;
  status_changed_at: Timestamp | null;
  points_balance: Generated<number>;
  /** argon2id of the 4-digit start PIN chosen on the application. */
  start_pin_hash: string;
  /** Wrong start PINs so far; only the support console resets it (ASVS 6.5.4: ~13 bits → cap 5). */
  start_pin_failures: Generated<number>;
  start_pin_locked_at: Timestamp | null;
  /**
   * The member's temporary lock (利用停止), set and lifted by the member on /portal/card. It sits beside the
   * issuer's status: the card stays 'active' (renewal, screening and the core system's status are untouched).
   */
  locked_by_member_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Income band from the application (null for cards imported without one); used by the renewal screening. */
  income_band: ColumnType<IncomeBand | null, IncomeBand | null | undefined, IncomeBand | null>;
  /** From the card application (null for cards imported or applied for before it asked): name in kanji and kana. */
  holder_name_kanji: OptionalText;
  holder_name_kana: OptionalText;
  /** The postal address the application asked the card to be posted to. */
  mailing_postal_code: OptionalText;
  mailing_prefecture: OptionalText;
  mailing_address_line1: OptionalText;
  mailing_address_line2: OptionalText;
  created_at: CreatedAt;
}

type OptionalText = ColumnType<string | null, string | null | undefined, string | null>;

/** One row: the random key behind number_hash, encrypted under the data keys (rewrapped on rotation). */
export interface CardLookupKeysTable {
  id: number;
  key_enc: string;
  created_at: CreatedAt;
}

export interface CardEnrollmentsTable {
  card_id: number;
  member_id: number;
  enrolled_at: Timestamp;
}

export interface CardTransactionsTable {
  id: Generated<number>;
  card_id: number;
  /** 'YYYY-MM-DD', the day the card was used. */
  used_on: string;
  merchant: string;
  /** Yen; negative for refunds. */
  amount: number;
  /** Idempotency key from the core system (import). */
  external_id: string;
  /** Purchase (refund when negative) or the annual fee. */
  kind: ColumnType<LineKind, LineKind | undefined, LineKind>;
  category: ColumnType<SpendingCategory, SpendingCategory | undefined, SpendingCategory>;
  payment_method: ColumnType<PaymentMethod, PaymentMethod | undefined, PaymentMethod>;
  /** Number of instalments when payment_method is 'instalment', otherwise null. */
  instalments: ColumnType<number | null, number | null | undefined, number | null>;
  /** Points earned by this line at the rate in force when it was imported (negative for refunds). */
  points: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
}

/** A card reported lost or stolen and its replacement (issued by `cardnavi reissue`). */
export interface CardReplacementsTable {
  /** The lost card (status reissue_requested). */
  card_id: number;
  requested_at: Timestamp;
  /** The new card, once issued. */
  replacement_card_id: number | null;
  issued_at: Timestamp | null;
}

/** Usage notifications: a mail for each new transaction of the card at or above min_amount (yen). */
export interface CardUsageNotificationsTable {
  card_id: number;
  /** The member who chose it (the card's enrolled member); the mail goes to this member ID's address. */
  member_id: number;
  min_amount: number;
  updated_at: Timestamp;
}

export interface CardTables {
  card_replacements: CardReplacementsTable;
  card_usage_notifications: CardUsageNotificationsTable;
  cards: CardsTable;
  card_enrollments: CardEnrollmentsTable;
  card_transactions: CardTransactionsTable;
  card_lookup_keys: CardLookupKeysTable;
}
