import { type Kysely, sql } from 'kysely';

/**
 * After-the-fact revolving and instalments, registration details, and the card application's name in kanji
 * and kana with the address the card is posted to (issue 12).
 *
 * - card_payment_changes: one row per change of a one-time line to revolving or instalments (あとからリボ・
 *   あとから分割). The line itself (card_transactions.payment_method/instalments) is switched in the same
 *   transaction by a guarded UPDATE; the partial unique index allows one live change per line, so two submits
 *   of the same change make one. An undo stamps undone_at (the row stays as history).
 * - member_profiles: the member's registration details (postal address, phone, payment bank account, mail
 *   preferences). The account number is AES-256-GCM under DATA_KEYS (security/data-keys.ts lists it for
 *   rekey); only its last 3 digits are kept in clear to show.
 * - member_profile_changes: which item changed when (never the values), for the console.
 * - cards: kanji and kana name and the postal address from the application (null for imported cards).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table card_payment_changes (
      id bigint generated always as identity primary key,
      transaction_id bigint not null references card_transactions (id) on delete cascade,
      card_id integer not null references cards (id) on delete cascade,
      member_id integer references members (id) on delete set null,
      changed_to text not null check (changed_to in ('revolving', 'instalment')),
      instalments smallint check (instalments between 2 and 36),
      fee integer not null check (fee >= 0),
      created_at timestamptz not null default now(),
      undone_at timestamptz,
      constraint card_payment_changes_instalments_chk
        check ((changed_to = 'instalment') = (instalments is not null))
    );
    create unique index card_payment_changes_live_idx on card_payment_changes (transaction_id)
      where undone_at is null;
    create index card_payment_changes_card_idx on card_payment_changes (card_id, created_at);

    create table member_profiles (
      member_id integer primary key references members (id) on delete cascade,
      postal_code text check (postal_code ~ '^[0-9]{3}-[0-9]{4}$'),
      prefecture text,
      address_line1 text,
      address_line2 text,
      phone text,
      bank_name text,
      bank_branch text,
      bank_account_type text check (bank_account_type in ('ordinary', 'current')),
      bank_account_number_enc text,
      bank_account_last3 text check (bank_account_last3 ~ '^[0-9]{3}$'),
      bank_account_holder text,
      marketing_mail boolean not null default false,
      updated_at timestamptz not null default now()
    );

    create table member_profile_changes (
      id bigint generated always as identity primary key,
      member_id integer not null references members (id) on delete cascade,
      item text not null check (item in ('address', 'phone', 'bank_account', 'notifications')),
      changed_at timestamptz not null default now()
    );
    create index member_profile_changes_member_idx on member_profile_changes (member_id, changed_at desc);

    alter table cards
      add column holder_name_kanji text,
      add column holder_name_kana text,
      add column mailing_postal_code text,
      add column mailing_prefecture text,
      add column mailing_address_line1 text,
      add column mailing_address_line2 text;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table cards
      drop column mailing_address_line2,
      drop column mailing_address_line1,
      drop column mailing_prefecture,
      drop column mailing_postal_code,
      drop column holder_name_kana,
      drop column holder_name_kanji;
    drop table member_profile_changes, member_profiles, card_payment_changes;
  `.execute(db);
}
