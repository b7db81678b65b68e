import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** Points used or adjusted (earning is on card_transactions.points; expiry is derived, see points.ts). */
export interface CardPointEventsTable {
  id: Generated<number>;
  card_id: number;
  /** 'YYYY-MM-DD' */
  occurred_on: string;
  kind: 'used' | 'adjusted';
  /** Signed; 'used' is negative. */
  points: number;
  description: string;
  /** Idempotency key from the core system or the demo seed. */
  external_id: string;
  created_at: CreatedAt;
}

/** A statement's payment as reported by the bank debit (one per card and usage month). */
export interface CardStatementPaymentsTable {
  card_id: number;
  /** First day of the usage month the payment settles, 'YYYY-MM-01'. */
  month: string;
  /** Yen. */
  amount: number;
  /** 'YYYY-MM-DD' */
  paid_on: string;
  created_at: CreatedAt;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A one-time line changed to revolving or instalments after the fact (あとからリボ・あとから分割). */
export interface CardPaymentChangesTable {
  id: Generated<number>;
  transaction_id: number;
  card_id: number;
  /** The member who made the change (null once that member ID has withdrawn). */
  member_id: number | null;
  changed_to: 'revolving' | 'instalment';
  instalments: number | null;
  /** The fee shown on the confirmation page (instalments: the line's fee; revolving: the schedule's total). */
  fee: number;
  created_at: CreatedAt;
  /** Set when the member undid the change (before the cut-off); at most one live change per line. */
  undone_at: Timestamp | null;
}

export interface StatementTables {
  card_point_events: CardPointEventsTable;
  card_statement_payments: CardStatementPaymentsTable;
  card_payment_changes: CardPaymentChangesTable;
}
