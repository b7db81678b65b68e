import { type Kysely, sql } from 'kysely';

/**
 * Cards, second step: the card-number lookup key (random, stored wrapped under the card data key so the
 * number_hash values survive data-key rotation; see docs/CARDS.md) and the income band used by the
 * renewal screening.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table card_lookup_keys (
      id integer primary key check (id = 1),
      key_enc text not null,
      created_at timestamptz not null default now()
    );
    alter table cards add column income_band text
      check (income_band in ('none', 'under_2m', '2m_4m', '4m_7m', '7m_plus'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table cards drop column income_band;
    drop table card_lookup_keys;
  `.execute(db);
}
