import { type Kysely, sql } from 'kysely';

/**
 * Recovery and leaving: password resets, email changes, user IDs in their cooling-off period after a
 * withdrawal. One row per member in resets and email changes (member_id is the key), so issuing a new link
 * replaces the old one atomically: only the newest link can ever be valid.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table password_resets (
      member_id integer primary key references members (id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null,
      expires_at timestamptz not null
    );

    create table email_changes (
      member_id integer primary key references members (id) on delete cascade,
      token_hash text not null unique,
      new_email text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null
    );

    create table released_user_ids (
      user_id_hash text primary key,
      released_at timestamptz not null,
      reusable_after timestamptz not null
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table released_user_ids, email_changes, password_resets`.execute(db);
}
