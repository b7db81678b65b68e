import { type Kysely, sql } from 'kysely';

/**
 * Statements, spending and points (issue 12).
 *
 * card_transactions gains what a statement line shows: its kind (purchase or annual fee), spending category,
 * payment method (one-time, revolving, instalments n/N) and the points it earned (computed at import with the
 * rate in force then, so a later rate change does not rewrite history). New columns have constant defaults:
 * on PostgreSQL ≥ 11 adding them does not rewrite a 10M-row table.
 *
 * Hot queries and their index (each an index scan at 10M rows):
 * - a month's lines, monthly totals, categories: card_transactions_card_day_idx (card_id, used_on) range;
 * - revolving and instalment lines from earlier months that a statement still bills:
 *   card_transactions_card_credit_idx, partial on non-one-time lines (a small fraction of the table);
 * - points used: card_point_events_card_day_idx; payments: the primary key (card_id, month).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table card_transactions
      add column kind text not null default 'purchase' check (kind in ('purchase', 'annual_fee')),
      add column category text not null default 'other' check (category in (
        'groceries', 'dining', 'transport', 'utilities', 'telecom', 'shopping', 'travel', 'entertainment',
        'health', 'education', 'other')),
      add column payment_method text not null default 'one_time'
        check (payment_method in ('one_time', 'revolving', 'instalment')),
      add column instalments smallint check (instalments between 2 and 36),
      add column points integer not null default 0,
      add constraint card_transactions_instalments_chk
        check ((payment_method = 'instalment') = (instalments is not null));
    create index card_transactions_card_credit_idx on card_transactions (card_id, used_on)
      where payment_method <> 'one_time';

    create table card_point_events (
      id bigint generated always as identity primary key,
      card_id integer not null references cards (id) on delete cascade,
      occurred_on date not null,
      kind text not null check (kind in ('used', 'adjusted')),
      points integer not null check (points <> 0 and (kind <> 'used' or points < 0)),
      description text not null,
      external_id text not null unique,
      created_at timestamptz not null default now()
    );
    create index card_point_events_card_day_idx on card_point_events (card_id, occurred_on, id);

    create table card_statement_payments (
      card_id integer not null references cards (id) on delete cascade,
      month date not null check (extract(day from month) = 1),
      amount integer not null check (amount >= 0),
      paid_on date not null,
      created_at timestamptz not null default now(),
      primary key (card_id, month)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table card_statement_payments, card_point_events;
    drop index card_transactions_card_credit_idx;
    alter table card_transactions
      drop constraint card_transactions_instalments_chk,
      drop column points,
      drop column instalments,
      drop column payment_method,
      drop column category,
      drop column kind;
  `.execute(db);
}
