import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { renderPage } from '../web/layout.tsx';
import { listRecentMail } from './outbox.ts';

/**
 * /dev/mailbox: every queued or sent mail as the member would see it, with working links. Mounted only
 * outside production (see web/app.tsx).
 */
export const devMailboxRoutes = new Hono<AppEnv>();

devMailboxRoutes.get('/dev/mailbox', async (c) => {
  const { db, config } = c.get('deps');
  const to = c.req.query('to') || undefined;
  const messages = await listRecentMail(db, config, 50, to);
  return renderPage(
    c,
    { title: 'Dev mailbox' },
    <>
      <h1>Dev mailbox</h1>
      <p class="muted">
        Development only. {messages.length} message(s){to ? ` to ${to}` : ''}, newest first.
      </p>
      <form method="get" action="/dev/mailbox" class="inline-form">
        <label for="mailbox-to">To</label>
        <input id="mailbox-to" name="to" type="email" value={to ?? ''} />
        <button type="submit" class="button">
          Filter
        </button>
      </form>
      {messages.map((m) => (
        <article class="mail" aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`}>{m.subject}</h2>
          <p class="muted">
            To: <span class="mail-to">{m.to}</span> · {m.createdAt.toISOString()} · {m.status}
          </p>
          <pre class="mail-body">
            {m.text
              .split(/(https?:\/\/\S+)/)
              .map((part) => (/^https?:\/\//.test(part) ? <a href={part}>{part}</a> : part))}
          </pre>
        </article>
      ))}
    </>,
  );
});
