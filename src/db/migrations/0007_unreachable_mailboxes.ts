import { type Kysely, sql } from 'kysely';

/**
 * Mailboxes known to be unreachable (a carrier address lost with the phone, a closed company mailbox): mail
 * to them bounces. Delivery gives up on them at once instead of retrying for hours, and the development
 * mailbox shows such mail as bounced. Keyed by the normalised address, like members.email.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table unreachable_mailboxes (
      address text primary key,
      marked_at timestamptz not null,
      reason text not null
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table unreachable_mailboxes`.execute(db);
}
