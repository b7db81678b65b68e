import { type Kysely, sql } from 'kysely';

/**
 * Card controls (issue 12): the member's temporary lock (利用停止) beside the issuer's status, the status of a
 * card reported lost or stolen (blocked for good, replacement requested), the replacements to issue, and
 * usage notifications (a mail for each transaction at or above the member's amount).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table cards add column locked_by_member_at timestamptz;
    alter table cards drop constraint cards_status_check;
    alter table cards add constraint cards_status_check check (status in (
      'active', 'suspended', 'cancelled_at_renewal', 'force_cancelled', 'closed_by_member', 'reissue_requested'
    ));

    create table card_replacements (
      card_id integer primary key references cards (id) on delete cascade,
      requested_at timestamptz not null,
      replacement_card_id integer unique references cards (id) on delete set null,
      issued_at timestamptz
    );
    create index card_replacements_pending_idx on card_replacements (requested_at) where issued_at is null;
    create index card_replacements_replacement_idx on card_replacements (replacement_card_id);

    create table card_usage_notifications (
      card_id integer primary key references cards (id) on delete cascade,
      member_id integer not null references members (id) on delete cascade,
      min_amount integer not null check (min_amount between 1 and 10000000),
      updated_at timestamptz not null
    );
    create index card_usage_notifications_member_idx on card_usage_notifications (member_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table card_usage_notifications, card_replacements;
    update cards set status = 'closed_by_member' where status = 'reissue_requested';
    alter table cards drop constraint cards_status_check;
    alter table cards add constraint cards_status_check check (status in (
      'active', 'suspended', 'cancelled_at_renewal', 'force_cancelled', 'closed_by_member'
    ));
    alter table cards drop column locked_by_member_at;
  `.execute(db);
}
