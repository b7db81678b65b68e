import { type Kysely, sql } from 'kysely';

/**
 * A withdrawal's own story for the address that held it (issue 11): while a released user ID is held for its
 * cooling-off period, forgot-ID and forgot-password mails to the old address say which member ID was withdrawn
 * and when. The address is kept as a SHA-256 only (found, never read back), the user ID encrypted under the
 * data keys; both go with the hold when it ends. Holds written before have neither.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table released_user_ids add column email_hash text;
    alter table released_user_ids add column user_id_enc text;
    create index released_user_ids_email_hash_idx on released_user_ids (email_hash);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index released_user_ids_email_hash_idx;
    alter table released_user_ids drop column user_id_enc;
    alter table released_user_ids drop column email_hash;
  `.execute(db);
}
