/**
 * Rotating DATA_KEYS (issue 10): put a new key first, run `cardnavi rekey`, remove the old key. Everything
 * encrypted before the rotation must still work afterwards — staff TOTP secrets (else every staff member
 * is locked out), queued mail (else it can never be sent), card numbers and their lookup hashes, the
 * OpenID Connect signing keys.
 * PCI DSS 3.6.1.4 / 3.7.4: keys are changed at the end of their cryptoperiod.
 */
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyCardNumberForCard } from '../../src/cards/repository.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { enqueueMail } from '../../src/mail/outbox.ts';
import { createSmtpTransport, deliverDueMail } from '../../src/mail/worker.ts';
import { loadSigningKeys } from '../../src/oidc/keys.ts';
import { encryptedColumns, rekeyAll, SEALED_VALUE_PATTERN } from '../../src/security/data-keys.ts';
import { createTestApp, restartTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import { MailCatcher } from '../helpers/smtp.ts';
import { createCard, createTestStaff, staffLogIn } from '../helpers/support-factories.ts';

const k1 = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
const k2 = `k2:${Buffer.alloc(32, 2).toString('base64')}`;

/** Quoted-printable bodies as a reader sees them. */
const decoded = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

describe.each(databaseKinds())('rotating DATA_KEYS on %s', (kind) => {
  let before: TestApp;
  const restarted: TestApp[] = [];
  let smtp: MailCatcher;
  beforeEach(async () => {
    smtp = new MailCatcher();
    await smtp.start();
    before = await createTestApp(kind, { DATA_KEYS: k1, SMTP_URL: smtp.url });
  });
  afterEach(async () => {
    for (const app of restarted.splice(0)) await app.close();
    await before.close();
    await smtp.stop();
  });
  const restart = (dataKeys: string) => {
    const app = restartTestApp(before, { DATA_KEYS: dataKeys, SMTP_URL: smtp.url });
    restarted.push(app);
    return app;
  };

  it('after rekey and removing the old key, staff sign in with TOTP, queued mail is sent, cards are found', async () => {
    const staff = await createTestStaff(before.deps, 'operator');
    const member = await createMember(before.deps, { lang: 'en' });
    expect(
      (await new TestClient(before).post('/forgot/password', { identifier: member.userId })).status,
    ).toBe(200);
    const card = await createCard(before.deps, member.id);
    const [signingKey] = await loadSigningKeys(before.deps.db, before.deps.config.dataKeys, new Date());

    // New key first, old key after it: what was written before still reads.
    const rotated = restart(`${k2},${k1}`);
    const reports = await rekeyAll(rotated.deps.db, rotated.deps.config.dataKeys, 2);
    expect(reports.every((r) => r.remaining === 0)).toBe(true);
    expect(reports.find((r) => r.table === 'staff')?.reencrypted).toBe(1);
    expect(reports.find((r) => r.table === 'mail_outbox')?.reencrypted).toBe(1);
    // A second run finds nothing left to do.
    expect((await rekeyAll(rotated.deps.db, rotated.deps.config.dataKeys)).map((r) => r.reencrypted)).toEqual(
      encryptedColumns.map(() => 0),
    );

    // The old key is gone.
    const after = restart(k2);
    const mailbox = await new TestClient(after).get(`/dev/mailbox?to=${encodeURIComponent(member.email)}`);
    expect(mailbox.status).toBe(200);
    expect(await mailbox.text()).toContain('/reset-password?token=');

    expect((await staffLogIn(new TestClient(after), after.deps, staff)).status).toBe(303);

    expect(await deliverDueMail(after.deps, createSmtpTransport(smtp.url))).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    expect(smtp.received.map((m) => m.to)).toEqual([member.email]);
    expect(decoded(smtp.received[0]!.raw)).toContain('http://localhost:3000/reset-password?token=');

    // The lookup key was rewrapped, not replaced: a number typed to the console still finds its card.
    expect(await verifyCardNumberForCard(after.deps.db, after.deps.config, card.id, card.number)).toBe(true);
    // The OpenID Connect provider keeps signing with the same key (tokens it issued still verify).
    expect(await loadSigningKeys(after.deps.db, after.deps.config.dataKeys, new Date())).toEqual([
      signingKey,
    ]);
  });

  it('a second run picks up values another instance wrote under the old key meanwhile', async () => {
    const rotated = restart(`${k2},${k1}`);
    const member = await createMember(before.deps);
    // An instance still running with the old key first queues a mail after the rekey passed the outbox.
    await rekeyAll(rotated.deps.db, rotated.deps.config.dataKeys);
    await enqueueMail(before.deps.db, before.deps.config, {
      to: member.email,
      lang: 'ja',
      template: 'password_reset',
      params: { userId: member.userId, link: '/reset-password?token=late' },
    });
    const again = await rekeyAll(rotated.deps.db, rotated.deps.config.dataKeys);
    expect(again.find((r) => r.table === 'mail_outbox')).toMatchObject({ reencrypted: 1, remaining: 0 });
  });
});

describe.each(databaseKinds())('the registry of encrypted columns on %s', (kind) => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp(kind);
  });
  afterAll(() => testApp?.close());

  it('lists every column that holds encrypted values, so a rotation cannot forget one', async () => {
    const { deps } = testApp;
    await seedDemo(deps);
    await loadSigningKeys(deps.db, deps.config.dataKeys, new Date());
    const member = await createMember(deps);
    await new TestClient(testApp).post('/forgot/password', { identifier: member.userId });
    const { rows: columns } = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select c.table_name, c.column_name, c.data_type from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        and c.data_type in ('text', 'character varying', 'jsonb', 'json')`.execute(deps.db);
    const holdingSealed: string[] = [];
    for (const c of columns) {
      const value = c.data_type.startsWith('json')
        ? sql`${sql.ref(c.column_name)}::text ~ ${`"${SEALED_VALUE_PATTERN.slice(1)}`}`
        : sql`${sql.ref(c.column_name)} ~ ${SEALED_VALUE_PATTERN}`;
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(c.table_name)} where ${value}`.execute(deps.db);
      if ((rows[0]?.n ?? 0) > 0) holdingSealed.push(`${c.table_name}.${c.column_name}`);
    }
    const registered = encryptedColumns.map((r) => `${r.table}.${r.column}`).sort();
    // The demo cast, a queued mail and the OpenID Connect signing key fill every registered column today.
    expect(holdingSealed.sort()).toEqual(registered);
    const namedEnc = columns
      .filter((c) => c.column_name.endsWith('_enc'))
      .map((c) => `${c.table_name}.${c.column_name}`);
    expect(namedEnc.sort()).toEqual(registered);
  });
});
