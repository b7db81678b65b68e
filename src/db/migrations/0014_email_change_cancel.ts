import { type Kysely, sql } from 'kysely';

/**
 * An email-change request notifies the current address with a one-click cancel link: the SHA-256 of that
 * link's token is kept beside the confirmation token's (issue 11). Rows written before have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table email_changes add column cancel_token_hash text unique`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table email_changes drop column cancel_token_hash`.execute(db);
}
