import type { Config } from '../config.ts';
import type { Executor } from '../db/schema.ts';
import type { Lang } from '../i18n/index.ts';
import { decrypt, encrypt } from '../security/data-keys.ts';
import type { OutboxChannel } from './tables.ts';
import { type MailTemplate, type RenderedMail, renderMail } from './templates.ts';

export interface MailRequest {
  to: string;
  lang: Lang;
  template: MailTemplate;
  params: Record<string, string>;
}

/**
 * Queues a mail in the same transaction as the event that causes it, so it is sent if and only if the
 * event is committed. Parameters are encrypted at rest because they can hold one-time links.
 */
export async function enqueueMail(db: Executor, config: Config, mail: MailRequest): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({ ...outboxMailValues(config, mail), sent_at: null, last_error: null })
    .execute();
}

/** The outbox row of a mail (parameters encrypted), for a statement that inserts it with other rows. */
export function outboxMailValues(config: Config, mail: MailRequest) {
  return {
    to_address: mail.to,
    lang: mail.lang,
    template: mail.template,
    payload_enc: encrypt(config.dataKeys, JSON.stringify(mail.params)),
  };
}

/** A letter: posted by the print service to the registered postal address of a card (docs/RECOVERY.md). */
export interface LetterRequest {
  /** The card whose registered postal address the letter goes to. */
  cardId: number;
  /** The addressee's name as printed on the envelope. */
  addressee: string;
  lang: Lang;
  template: MailTemplate;
  params: Record<string, string>;
}

/**
 * Queues a letter in the event's transaction: the `letter` channel of the outbox. The SMTP worker never
 * claims it; the print step (`cardnavi letters hand-over`) does. Parameters are encrypted like a mail's
 * (a letter can carry a start PIN) and dropped once the letter is handed over.
 */
export async function enqueueLetter(db: Executor, config: Config, letter: LetterRequest): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({
      to_address: letter.addressee,
      channel: 'letter',
      card_id: letter.cardId,
      lang: letter.lang,
      template: letter.template,
      payload_enc: encrypt(config.dataKeys, JSON.stringify(letter.params)),
      sent_at: null,
      last_error: null,
    })
    .execute();
}

export interface OutboxMessage extends RenderedMail {
  id: number;
  /** Email: the address. Letter: the addressee's name (it goes to the card's registered postal address). */
  to: string;
  channel: OutboxChannel;
  /** Letter: the last 4 digits of the card whose registered address it goes to (development mailbox). */
  cardLast4?: string | undefined;
  template: MailTemplate;
  status: string;
  createdAt: Date;
  /** The address is marked unreachable: the mail bounces (or bounced) instead of arriving. */
  bounces: boolean;
}

/** Decrypts and renders one outbox row as the member would receive it. */
export function renderOutboxRow(
  config: Config,
  row: {
    id: number;
    to_address: string;
    lang: string;
    template: string;
    payload_enc: string | null;
    status: string;
    created_at: Date;
    channel?: string;
    bounces?: boolean;
  },
): OutboxMessage | undefined {
  if (!row.payload_enc) return undefined;
  const params = JSON.parse(decrypt(config.dataKeys, row.payload_enc)) as Record<string, string>;
  const rendered = renderMail(config, row.template as MailTemplate, row.lang === 'en' ? 'en' : 'ja', params);
  return {
    id: row.id,
    to: row.to_address,
    template: row.template as MailTemplate,
    channel: row.channel === 'letter' ? 'letter' : 'email',
    status: row.status,
    createdAt: row.created_at,
    // A letter is posted: an unreachable mailbox has nothing to do with it.
    bounces: row.channel !== 'letter' && (row.bounces ?? false),
    ...rendered,
  };
}

/** The newest messages, newest first (development mailbox, tests). */
export async function listRecentMail(
  db: Executor,
  config: Config,
  limit = 50,
  to?: string,
): Promise<OutboxMessage[]> {
  let q = db
    .selectFrom('mail_outbox')
    .selectAll('mail_outbox')
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('unreachable_mailboxes as u')
            .select('u.address')
            .whereRef('u.address', '=', 'mail_outbox.to_address'),
        )
        .as('bounces'),
    )
    .select((eb) =>
      eb
        .selectFrom('cards as c')
        .select('c.last4')
        .whereRef('c.id', '=', 'mail_outbox.card_id')
        .as('card_last4'),
    )
    .orderBy('id', 'desc')
    .limit(limit);
  if (to) q = q.where('to_address', '=', to);
  const rows = await q.execute();
  return rows
    .map((r) => {
      const message = renderOutboxRow(config, { ...r, id: Number(r.id), bounces: Boolean(r.bounces) });
      return message && r.card_last4 ? { ...message, cardLast4: r.card_last4 } : message;
    })
    .filter((m): m is OutboxMessage => m !== undefined);
}
