import type { ColumnType, Generated } from 'kysely';

export type OutboxStatus = 'pending' | 'sent' | 'failed';
/** How a row reaches the member: emailed by the SMTP worker, or posted as a letter by the print service. */
export type OutboxChannel = 'email' | 'letter';

export interface MailOutboxTable {
  id: Generated<number>;
  /** Email: the address. Letter: the addressee's name (the postal address is the card's, see card_id). */
  to_address: string;
  channel: ColumnType<OutboxChannel, OutboxChannel | undefined, never>;
  /** Letter: the card whose registered postal address it goes to (resolved by the print service). */
  card_id: ColumnType<number | null, number | null | undefined, number | null>;
  lang: 'ja' | 'en';
  template: string;
  /** Template parameters, AES-256-GCM encrypted: they can hold one-time links. Cleared once sent. */
  payload_enc: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  sent_at: Date | null;
  last_error: string | null;
}

/** A mailbox that bounces (see migration 0007): delivery to it is not attempted. */
export interface UnreachableMailboxesTable {
  /** Normalised (NFKC, lower case), like members.email. */
  address: string;
  marked_at: ColumnType<Date, Date | string, Date | string>;
  /** Why it is known to bounce (e.g. "mailbox does not exist"); shown to staff, never to a member. */
  reason: string;
}

export interface MailTables {
  mail_outbox: MailOutboxTable;
  unreachable_mailboxes: UnreachableMailboxesTable;
}
