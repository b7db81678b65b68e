import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';

/** SQL of mail delivery: claiming due rows, recording the outcome, forgetting old sent mail. */

/**
 * Claims up to `limit` pending rows that are due, in one statement. The claim is a lease: attempts goes up
 * and next_attempt_at moves `leaseMs` ahead, so another worker (or this one after a crash) leaves the rows
 * alone while they are being sent, and picks them up again only if the outcome was never recorded.
 * SKIP LOCKED lets two instances claim at the same time without waiting for or taking each other's rows.
 * Only the email channel: letters are posted by the print step (claimDueLetters), never emailed.
 */
export async function claimDueMail(db: Db, now: Date, limit: number, leaseMs: number) {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const result = await sql<{
    id: number;
    to_address: string;
    lang: string;
    template: string;
    payload_enc: string | null;
    status: string;
    attempts: number;
    created_at: Date;
    bounces: boolean;
  }>`
    update mail_outbox set attempts = attempts + 1, next_attempt_at = ${leaseUntil}
    where id in (
      select id from mail_outbox
      where status = 'pending' and channel = 'email' and next_attempt_at <= ${now}
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    and status = 'pending' and channel = 'email'
    returning id, to_address, lang, template, payload_enc, status, attempts, created_at,
      exists (select 1 from unreachable_mailboxes u where u.address = mail_outbox.to_address) as bounces`.execute(
    db,
  );
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * Claims every pending letter (up to `limit`) for the print step, locked for the rest of the transaction so
 * two hand-overs never print one letter twice. The caller marks each one sent in the same transaction.
 */
export async function claimPendingLetters(db: Executor, limit: number) {
  const rows = await db
    .selectFrom('mail_outbox')
    .select([
      'id',
      'to_address',
      'card_id',
      'lang',
      'template',
      'payload_enc',
      'status',
      'created_at',
      'channel',
    ])
    .where('status', '=', 'pending')
    .where('channel', '=', 'letter')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Sent: the parameters (which can hold one-time links) are dropped. */
export async function markMailSent(db: Executor, id: number, now: Date) {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: now, payload_enc: null, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: retried at `retryAt`, or given up (status failed) when `giveUp`. */
export async function markMailAttemptFailed(
  db: Db,
  id: number,
  values: { error: string; retryAt: Date; giveUp: boolean },
) {
  await db
    .updateTable('mail_outbox')
    .set({
      status: values.giveUp ? 'failed' : 'pending',
      next_attempt_at: values.retryAt,
      last_error: values.error.slice(0, 500),
    })
    .where('id', '=', id)
    .execute();
}

/** Retention: sent and failed mail is kept `days` for support questions ("did the mail go out?"), then deleted. */
export async function deleteOldMail(db: Db, before: Date) {
  await db
    .deleteFrom('mail_outbox')
    .where('status', 'in', ['sent', 'failed'])
    .where('created_at', '<', before)
    .execute();
}

/**
 * Marks a mailbox unreachable: mail to it bounces from now on (delivery gives up at once). Idempotent; the
 * address is expected normalised like members.email.
 */
export async function markMailboxUnreachable(db: Db, address: string, reason: string, now: Date) {
  await db
    .insertInto('unreachable_mailboxes')
    .values({ address, reason, marked_at: now })
    .onConflict((oc) => oc.column('address').doUpdateSet({ reason, marked_at: now }))
    .execute();
}

/** Whether mail to this address bounces. */
export async function isMailboxUnreachable(db: Db, address: string) {
  const row = await db
    .selectFrom('unreachable_mailboxes')
    .select('address')
    .where('address', '=', address)
    .executeTakeFirst();
  return Boolean(row);
}

/** Email waiting to be sent (letters wait for the print step): how many rows, and when the oldest was queued (for /metrics). */
export async function outboxBacklog(db: Db): Promise<{ pending: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('mail_outbox')
    .select((eb) => [eb.fn.countAll<number>().as('pending'), eb.fn.min('created_at').as('oldest')])
    .where('status', '=', 'pending')
    .where('channel', '=', 'email')
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), oldest: row.oldest ? new Date(row.oldest) : null };
}
