import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table cards (
      id integer generated always as identity primary key,
      member_id integer references members (id) on delete set null,
      number_enc text not null,
      number_hash text not null unique,
      last4 char(4) not null,
      expiry_year integer not null,
      expiry_month integer not null check (expiry_month between 1 and 12),
      holder_name text not null,
      birth_date date not null,
      phone text not null,
      brand text not null check (brand in ('visa', 'mastercard', 'jcb', 'amex')),
      credit_limit integer not null check (credit_limit >= 0),
      status text not null default 'active'
        check (status in ('active', 'suspended', 'cancelled_at_renewal', 'force_cancelled', 'closed_by_member')),
      status_reason text,
      status_changed_at timestamptz,
      points_balance integer not null default 0,
      start_pin_hash text not null,
      start_pin_failures integer not null default 0 check (start_pin_failures >= 0),
      start_pin_locked_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index cards_member_idx on cards (member_id);
    create index cards_last4_birth_idx on cards (last4, birth_date);
    create index cards_expiry_idx on cards (expiry_year, expiry_month);

    create table card_enrollments (
      card_id integer primary key references cards (id) on delete cascade,
      member_id integer not null references members (id) on delete cascade,
      enrolled_at timestamptz not null
    );
    create index card_enrollments_member_idx on card_enrollments (member_id);

    create table card_transactions (
      id bigint generated always as identity primary key,
      card_id integer not null references cards (id) on delete cascade,
      used_on date not null,
      merchant text not null,
      amount integer not null,
      external_id text not null unique,
      created_at timestamptz not null default now()
    );
    create index card_transactions_card_day_idx on card_transactions (card_id, used_on desc, id desc);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table card_transactions, card_enrollments, cards`.execute(db);
}
