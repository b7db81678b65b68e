/**
 * Mail leaves the building (issue 6): the outbox worker against a real SMTP server (smtp-server) on
 * loopback. Every queued mail arrives exactly once, with text and HTML, through an SMTP outage.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueMail, listRecentMail } from '../../src/mail/outbox.ts';
import {
  createSmtpTransport,
  deliverDueMail,
  RETRY_BASE_MS,
  startMailDelivery,
} from '../../src/mail/worker.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import { MailCatcher } from '../helpers/smtp.ts';

describe.each(databaseKinds())('mail delivery on %s', (kind) => {
  let testApp: TestApp;
  let smtp: MailCatcher;
  beforeEach(async () => {
    smtp = new MailCatcher();
    await smtp.start();
    testApp = await createTestApp(kind, { SMTP_URL: smtp.url });
  });
  afterEach(async () => {
    await smtp.stop();
    await testApp.close();
  });

  const outbox = () => testApp.deps.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
  const queue = (to: string, n: number) =>
    enqueueMail(testApp.deps.db, testApp.deps.config, {
      to,
      lang: 'en',
      template: 'password_reset',
      params: { userId: `user-${n}`, link: `/reset-password?token=t${n}` },
    });

  it('delivers a queued mail with text and HTML, from MAIL_FROM, and forgets its parameters', async () => {
    const m = await createMember(testApp.deps, { lang: 'en' });
    await new TestClient(testApp).post('/forgot/password', { identifier: m.userId });
    const transport = createSmtpTransport(smtp.url);
    expect(await deliverDueMail(testApp.deps, transport)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toBe(m.email);
    expect(mail!.raw).toMatch(/Content-Type: text\/plain/i);
    expect(mail!.raw).toMatch(/Content-Type: text\/html/i);
    expect(mail!.raw).toContain('no-reply@cardnavi.example');
    const decoded = mail!.raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    expect(decoded).toContain('http://localhost:3000/reset-password?token=');
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'sent', payload_enc: null, attempts: 1 });
    expect(await deliverDueMail(testApp.deps, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps mail through an SMTP outage with backoff, then delivers every mail exactly once', async () => {
    const port = smtp.port;
    await smtp.stop();
    // Ahead of the real clock: rows queued now (next_attempt_at defaults to the database's now) are due.
    const start = new Date(Date.now() + 86_400_000);
    testApp.setNow(start);
    // Events happen while SMTP is down.
    const members = await Promise.all([1, 2, 3].map(() => createMember(testApp.deps)));
    for (const m of members) await new TestClient(testApp).post('/forgot/password', { identifier: m.userId });
    await new TestClient(testApp).post('/forgot/id', { email: 'outage@example.jp' });

    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`);
    expect(await deliverDueMail(testApp.deps, transport)).toEqual({ sent: 0, retrying: 4, failed: 0 });
    let rows = await outbox();
    expect(rows.every((r) => r.status === 'pending' && r.attempts === 1 && r.payload_enc)).toBe(true);
    expect(rows.every((r) => r.next_attempt_at.getTime() === start.getTime() + RETRY_BASE_MS)).toBe(true);
    // Not due yet: nothing is tried.
    expect(await deliverDueMail(testApp.deps, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });

    // Second failure doubles the wait.
    testApp.setNow(new Date(start.getTime() + RETRY_BASE_MS));
    expect((await deliverDueMail(testApp.deps, transport)).retrying).toBe(4);
    rows = await outbox();
    expect(rows.every((r) => r.attempts === 2)).toBe(true);
    expect(rows[0]!.next_attempt_at.getTime()).toBe(start.getTime() + 3 * RETRY_BASE_MS);

    // SMTP comes back on the same port; a restart of the worker loses nothing (state is in the table).
    await smtp.start(port);
    testApp.setNow(new Date(start.getTime() + 3 * RETRY_BASE_MS));
    const again = createSmtpTransport(`smtp://127.0.0.1:${port}`);
    expect(await deliverDueMail(testApp.deps, again)).toEqual({ sent: 4, retrying: 0, failed: 0 });
    expect(await deliverDueMail(testApp.deps, again)).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const ids = smtp.received.map((r) => r.messageId);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect(smtp.received.map((r) => r.to).sort()).toEqual(
      [...members.map((m) => m.email), 'outage@example.jp'].sort(),
    );
    expect((await outbox()).every((r) => r.status === 'sent')).toBe(true);
  });

  it('never sends a row twice when two workers deliver at the same time', async () => {
    for (let i = 0; i < 12; i += 1) await queue(`bulk${i}@example.jp`, i);
    const worker = () => deliverDueMail(testApp.deps, createSmtpTransport(smtp.url), 3);
    for (let round = 0; round < 6; round += 1) await Promise.all([worker(), worker()]);
    const ids = smtp.received.map((r) => r.messageId);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it('the polling loop sends what is queued and stops cleanly', async () => {
    await queue('loop@example.jp', 1);
    const delivery = startMailDelivery(testApp.deps, { intervalMs: 50 });
    try {
      await expect.poll(() => smtp.received.length, { timeout: 10_000, interval: 50 }).toBe(1);
      await queue('loop2@example.jp', 2);
      await expect.poll(() => smtp.received.length, { timeout: 10_000, interval: 50 }).toBe(2);
    } finally {
      await delivery.stop();
    }
    expect(smtp.received.map((r) => r.to)).toEqual(['loop@example.jp', 'loop2@example.jp']);
  });

  it('without SMTP_URL keeps mail pending and shows it in the development mailbox', async () => {
    const local = await createTestApp(kind);
    try {
      const stopped = startMailDelivery(local.deps);
      await stopped.stop();
      await enqueueMail(local.deps.db, local.deps.config, {
        to: 'dev@example.jp',
        lang: 'ja',
        template: 'forgot_user_id',
        params: { userIds: '・dev-member', loginLink: '/login', forgotLink: '/forgot/password' },
      });
      expect((await listRecentMail(local.deps.db, local.deps.config, 5, 'dev@example.jp'))[0]!.status).toBe(
        'pending',
      );
      const ja = await (await new TestClient(local).get('/dev/mailbox?to=dev@example.jp')).text();
      expect(ja).toContain('開発用メールボックス');
      expect(ja).toContain('dev-member');
      expect(ja).toContain('<a href="http://localhost:3000/login">');
      const en = await (await new TestClient(local).get('/dev/mailbox?lang=en')).text();
      expect(en).toContain('Development mailbox');
    } finally {
      await local.close();
    }
    const production = await createTestApp(kind, {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://unused@127.0.0.1/x',
      PUBLIC_URL: 'https://cardnavi.example',
    });
    try {
      expect((await production.app.request('https://cardnavi.example/dev/mailbox')).status).toBe(404);
    } finally {
      await production.close();
    }
  });
});
