import { type Kysely, sql } from 'kysely';

/**
 * Two operator paths of issue 11.
 *
 * - Letters: the mail outbox gets a second channel. A `letter` row is posted, not emailed: it is addressed to
 *   the registered postal address of `card_id` (the print service resolves the address from the card), the
 *   SMTP worker never claims it, and `cardnavi letters hand-over` gives it to the print service (see
 *   docs/RECOVERY.md). Its parameters (a new start PIN) are encrypted like every outbox row's.
 * - Operator-assisted email changes: an operator asks (after identity verification), a different supervisor
 *   approves or rejects. One open request per member. After approval no password-reset link goes to the new
 *   address until `reset_hold_until`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table mail_outbox
      add column channel text not null default 'email' check (channel in ('email', 'letter')),
      add column card_id integer references cards (id) on delete set null;

    create table support_email_changes (
      id bigint generated always as identity primary key,
      member_id integer not null references members (id) on delete cascade,
      old_email text not null,
      new_email text not null,
      reason text not null,
      status text not null default 'requested' check (status in ('requested', 'approved', 'rejected')),
      requested_by integer not null references staff (id),
      requested_at timestamptz not null,
      decided_by integer references staff (id),
      decided_at timestamptz,
      reset_hold_until timestamptz,
      constraint support_email_changes_four_eyes check (decided_by is null or decided_by <> requested_by)
    );
    create unique index support_email_changes_open_idx on support_email_changes (member_id)
      where status = 'requested';
    create index support_email_changes_hold_idx on support_email_changes (member_id, reset_hold_until)
      where status = 'approved';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table support_email_changes;
    delete from mail_outbox where channel = 'letter';
    alter table mail_outbox drop column card_id, drop column channel;
  `.execute(db);
}
