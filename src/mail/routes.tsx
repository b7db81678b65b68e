import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { renderPage } from '../web/layout.tsx';
import { listRecentMail } from './outbox.ts';

/**
 * /dev/mailbox: every queued or sent mail as the member would see it, with working links. Mounted only
 * outside production (see app.ts).
 */
export const devMailboxRoutes = new Hono<AppEnv>();

devMailboxRoutes.get('/dev/mailbox', async (c) => {
  const { db, config } = c.get('deps');
  const t = c.get('t');
  const typed = c.req.query('to') ?? '';
  // A filter no address can match (control characters, longer than an address) is refused with a 400.
  const badFilter = typed.length > 254 || /\p{Cc}/u.test(typed);
  const to = (badFilter ? '' : typed) || undefined;
  const messages = await listRecentMail(db, config, 50, to);
  // A mailbox marked unreachable plays the receiving side here: the mail is shown bounced, not delivered.
  const statusKey = (s: string, bounces: boolean, letter: boolean) =>
    letter
      ? s === 'sent'
        ? 'mail.dev.letterStatus.sent'
        : 'mail.dev.letterStatus.pending'
      : bounces
        ? 'mail.dev.status.bounced'
        : s === 'sent'
          ? 'mail.dev.status.sent'
          : s === 'failed'
            ? 'mail.dev.status.failed'
            : 'mail.dev.status.pending';
  return renderPage(
    c,
    { title: t('mail.dev.title'), status: badFilter ? 400 : 200 },
    <>
      <h1>{t('mail.dev.title')}</h1>
      <p class="muted">
        {t('mail.dev.lead', { count: messages.length, filter: to ? t('mail.dev.filtered', { to }) : '' })}
      </p>
      {badFilter && (
        <p class="notice notice-error" role="alert">
          {t('mail.dev.badFilter')}
        </p>
      )}
      <form method="get" action="/dev/mailbox" class="inline-form">
        <label for="mailbox-to">{t('mail.dev.to')}</label>
        <input id="mailbox-to" name="to" type="email" value={to ?? ''} />
        <button type="submit" class="button">
          {t('mail.dev.filter')}
        </button>
      </form>
      {messages.map((m) => {
        const letter = m.channel === 'letter';
        return (
          <article
            class={letter ? 'mail mail-letter' : m.bounces ? 'mail mail-bounced' : 'mail'}
            aria-labelledby={`mail-${m.id}`}
          >
            <h2 id={`mail-${m.id}`}>
              {letter ? <span class="mail-channel">{t('mail.dev.letter')}: </span> : null}
              {m.subject}
            </h2>
            <p class="muted">
              {t('mail.dev.to')}:{' '}
              <span class="mail-to">
                {letter ? t('mail.dev.letterTo', { name: m.to, last4: m.cardLast4 ?? '----' }) : m.to}
              </span>{' '}
              · {m.createdAt.toISOString()} ·{' '}
              <strong class="mail-status">{t(statusKey(m.status, m.bounces, letter))}</strong>
            </p>
            <pre class="mail-body">
              {m.text
                .split(/(https?:\/\/\S+)/)
                .map((part) => (/^https?:\/\//.test(part) ? <a href={part}>{part}</a> : part))}
            </pre>
          </article>
        );
      })}
    </>,
  );
});
