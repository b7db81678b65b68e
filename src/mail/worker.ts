import nodemailer, { type Transporter } from 'nodemailer';
import type { AppDeps } from '../deps.ts';
import { mailSendFailures } from '../metrics.ts';
import { renderOutboxRow } from './outbox.ts';
import { claimDueMail, deleteOldMail, markMailAttemptFailed, markMailSent } from './outbox-repository.ts';

export interface MailDelivery {
  stop(): Promise<void>;
}

/** First retry after 30 s, doubling each time, never more than an hour apart. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 60 * 60_000;
/** After this many attempts (about 9 hours of retrying) a mail is marked failed and kept for an operator. */
export const MAX_ATTEMPTS = 15;
/** How long a claimed row is left alone while it is being sent (longer than any SMTP timeout below). */
export const SEND_LEASE_MS = 5 * 60_000;
/** Sent and failed mail is deleted after this many days (docs/RECOVERY.md, retention). */
export const MAIL_RETENTION_DAYS = 30;

/** last_error of mail given up because its mailbox is marked unreachable (unreachable_mailboxes). */
export const BOUNCED = 'bounced: mailbox unreachable';

/** Delay before the next attempt after `attempts` failed ones. */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_CAP_MS);
}

/** The part of a nodemailer transport the worker uses (tests pass a real one pointed at a local server). */
export type MailTransport = Pick<Transporter, 'sendMail'>;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends every due outbox row once: claim (lease), send, record the outcome. A row is marked sent only after
 * the SMTP server accepted it; a failure backs off exponentially. The Message-ID is derived from the row id
 * so a receiver can recognise the one duplicate a crash between "accepted" and "marked sent" could cause.
 */
export async function deliverDueMail(
  deps: AppDeps,
  transport: MailTransport,
  batchSize = 20,
): Promise<DeliveryReport> {
  const { db, config, log } = deps;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const rows = await claimDueMail(db, deps.now(), batchSize, SEND_LEASE_MS);
  for (const row of rows) {
    if (row.bounces) {
      // A known-dead mailbox: sending again would only bounce again, so give up now, keeping the row (and its
      // parameters) for the operator who helps the member to a new address.
      await markMailAttemptFailed(db, row.id, { error: BOUNCED, retryAt: deps.now(), giveUp: true });
      report.failed += 1;
      continue;
    }
    const message = renderOutboxRow(config, row);
    if (!message) {
      // No parameters left: nothing can be rendered, so there is nothing to send.
      await markMailAttemptFailed(db, row.id, { error: 'no payload', retryAt: deps.now(), giveUp: true });
      report.failed += 1;
      continue;
    }
    try {
      await transport.sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<outbox-${row.id}@${config.publicUrl.hostname}>`,
      });
      await markMailSent(db, row.id, deps.now());
      report.sent += 1;
    } catch (e) {
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      const error = e instanceof Error ? e.message : String(e);
      mailSendFailures.inc();
      await markMailAttemptFailed(db, row.id, {
        error,
        retryAt: new Date(deps.now().getTime() + retryDelayMs(row.attempts)),
        giveUp,
      });
      // The address and template only: never the parameters, which can hold one-time links.
      log.warn({ mailId: row.id, template: row.template, attempts: row.attempts, error }, 'mail not sent');
      if (giveUp) report.failed += 1;
      else report.retrying += 1;
    }
  }
  return report;
}

/** An SMTP transport for a URL (smtp:// or smtps://), with timeouts well inside the send lease. */
export function createSmtpTransport(url: string): Transporter {
  const u = new URL(url);
  return nodemailer.createTransport({
    host: u.hostname,
    port: Number(u.port) || (u.protocol === 'smtps:' ? 465 : 587),
    secure: u.protocol === 'smtps:',
    ...(u.username
      ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }
      : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
}

/**
 * Starts the outbox delivery worker: with SMTP_URL, polls the outbox every `intervalMs` and sends what is
 * due. Without SMTP_URL mail stays pending in the outbox (see /dev/mailbox). `stop()` waits for the
 * current round to finish so no claimed row is left half-recorded.
 */
export function startMailDelivery(deps: AppDeps, options: { intervalMs?: number } = {}): MailDelivery {
  const { config, log } = deps;
  if (!config.smtpUrl) {
    log.info('SMTP_URL not set: mail stays in the outbox (development mailbox at /dev/mailbox)');
    return { async stop() {} };
  }
  const transport = createSmtpTransport(config.smtpUrl);
  const intervalMs = options.intervalMs ?? 2_000;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  let lastPurge = 0;
  const round = async () => {
    try {
      const now = deps.now();
      if (now.getTime() - lastPurge > 3_600_000) {
        lastPurge = now.getTime();
        await deleteOldMail(deps.db, new Date(now.getTime() - MAIL_RETENTION_DAYS * 86_400_000));
      }
      let report: DeliveryReport;
      do report = await deliverDueMail(deps, transport);
      while (!stopped && report.sent + report.retrying + report.failed > 0 && report.retrying === 0);
    } catch (e) {
      log.warn({ err: { message: (e as Error).message } }, 'mail delivery round failed');
    }
  };
  let busy = false;
  const tick = () => {
    if (busy || stopped) return;
    busy = true;
    current = round().finally(() => {
      busy = false;
    });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
      transport.close();
    },
  };
}
