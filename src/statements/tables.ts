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

export interface StatementTables {
  card_point_events: CardPointEventsTable;
  card_statement_payments: CardStatementPaymentsTable;
}
