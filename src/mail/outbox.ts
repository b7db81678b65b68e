import type { Config } from '../config.ts';
import type { Executor } from '../db/schema.ts';
import type { Lang } from '../i18n/index.ts';
import { decrypt, encrypt } from '../security/data-keys.ts';
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
    .values({
      to_address: mail.to,
      lang: mail.lang,
      template: mail.template,
      payload_enc: encrypt(config.dataKeys, JSON.stringify(mail.params)),
      sent_at: null,
      last_error: null,
    })
    .execute();
}

export interface OutboxMessage extends RenderedMail {
  id: number;
  to: string;
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
    status: row.status,
    createdAt: row.created_at,
    bounces: row.bounces ?? false,
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
    .orderBy('id', 'desc')
    .limit(limit);
  if (to) q = q.where('to_address', '=', to);
  const rows = await q.execute();
  return rows
    .map((r) => renderOutboxRow(config, { ...r, bounces: Boolean(r.bounces) }))
    .filter((m): m is OutboxMessage => m !== undefined);
}
