import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** SQL of the scale seeder (benchmarks only). Scale rows are recognisable by their user ID prefix. */

export const SCALE_USER_PREFIX = 'scale-member-';

/**
 * How many scale members exist. Every batch inserts members 1..n in order in one transaction with their
 * cards, enrollments and transactions, so this count is also the highest member number fully seeded.
 */
export async function countScaleMembers(db: Db): Promise<number> {
  const row = await sql<{ n: number }>`
    select count(*)::int as n from members where user_id like ${`${SCALE_USER_PREFIX}%`}`.execute(db);
  return row.rows[0]?.n ?? 0;
}

export interface ScaleBatch {
  from: number;
  to: number;
  transactionsPerMember: number;
  passwordHash: string;
  startPinHash: string;
  /** One encrypted placeholder number shared by every scale card (see bench/README.md). */
  numberEnc: string;
  /** Points rate (config POINTS_YEN_PER_POINT). */
  yenPerPoint: number;
}

/**
 * Members from..to with one active card each (enrolled), and transactionsPerMember transactions per card
 * spread over the last 15 months — one statement, generated inside the database (no row crosses the wire).
 * number_hash is 'scale-<n>' (unique, never a real keyed hash), last4 derives from n. Statement data as the
 * portal reads it: a category per merchant, one line in 20 revolving and one in 20 in 3/6/12 instalments,
 * points at `yenPerPoint`, one points use per card, and the two oldest surely-paid months paid. Half the
 * revolving and instalment lines count as after-the-fact changes (card_payment_changes), and every member has
 * registration details (member_profiles).
 */
export async function insertScaleBatch(db: Db, b: ScaleBatch): Promise<void> {
  await sql`
    with m as (
      insert into members (user_id, email, password_hash, lang, email_verified_at)
      select ${SCALE_USER_PREFIX} || g, ${SCALE_USER_PREFIX} || g || '@scale.example.jp', ${b.passwordHash}, 'ja', now()
      from generate_series(${b.from}::int, ${b.to}::int) g
      returning id, user_id
    ), c as (
      insert into cards (member_id, number_enc, number_hash, last4, expiry_year, expiry_month, holder_name,
                         birth_date, phone, brand, credit_limit, start_pin_hash, points_balance)
      select m.id, ${b.numberEnc}, 'scale-' || substr(m.user_id, ${SCALE_USER_PREFIX.length + 1}),
             lpad((m.id % 10000)::text, 4, '0'), 2030, 1 + m.id % 12, 'SCALE MEMBER',
             date '1970-01-01' + (m.id % 12000), '000-0000-0000', 'visa', 500000, ${b.startPinHash}, m.id % 5000
      from m
      returning id, member_id, number_hash
    ), e as (
      insert into card_enrollments (card_id, member_id, enrolled_at)
      select id, member_id, now() from c
    ), p as (
      insert into card_point_events (card_id, occurred_on, kind, points, description, external_id)
      select c.id, current_date - (c.id % 300), 'used', -(100 + c.id % 400), 'Points used', 'scale-use-' || c.id
      from c
    ), pay as (
      insert into card_statement_payments (card_id, month, amount, paid_on)
      select c.id, (date_trunc('month', current_date) - make_interval(months => k))::date, (c.id * 13) % 50000,
             (date_trunc('month', current_date) - make_interval(months => k - 1))::date + 26
      from c cross join generate_series(2, 3) k
    ), pr as (
      insert into member_profiles (member_id, postal_code, prefecture, address_line1, phone)
      select id, lpad((100 + id % 900)::text, 3, '0') || '-' || lpad((id % 10000)::text, 4, '0'),
             lpad((1 + id % 47)::text, 2, '0'), 'Scale-cho ' || id, '090' || lpad((id % 100000000)::text, 8, '0')
      from m
    ), t as (
      select c.id as card_id, c.number_hash, i,
             current_date - ((c.id * 7 + i * 41) % 455) as used_on,
             1 + (c.id + i) % 6 as shop,
             100 + (c.id * 31 + i * 7919) % 30000 as amount,
             (c.id + i * 3) % 20 as method
      from c cross join generate_series(1, ${b.transactionsPerMember}::int) i
    ), tx as (
    insert into card_transactions (card_id, used_on, merchant, amount, external_id, kind, category,
                                   payment_method, instalments, points)
    select card_id, used_on,
           (array['Convenience store', 'Supermarket', 'Railway', 'Online shop', 'Restaurant', 'Pharmacy'])[shop],
           amount, number_hash || '-' || i, 'purchase',
           (array['groceries', 'groceries', 'transport', 'shopping', 'dining', 'health'])[shop],
           case method when 0 then 'revolving' when 1 then 'instalment' else 'one_time' end,
           case method when 1 then (array[3, 6, 12])[1 + i % 3] end,
           amount / ${b.yenPerPoint}::int
    from t
    returning id, card_id, amount, payment_method, instalments
    )
    insert into card_payment_changes (transaction_id, card_id, member_id, changed_to, instalments, fee)
    select tx.id, tx.card_id, c.member_id, tx.payment_method, tx.instalments, tx.amount / 50
    from tx join c on c.id = tx.card_id
    where tx.payment_method <> 'one_time' and tx.id % 2 = 0
  `.execute(db);
}

/** Refreshes planner statistics after a bulk load. */
export async function analyzeScaleTables(db: Db): Promise<void> {
  await sql`analyze members, cards, card_enrollments, card_transactions, member_sessions, card_point_events,
    card_statement_payments, card_payment_changes, member_profiles`.execute(db);
}
