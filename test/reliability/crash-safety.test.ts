// Crash safety: the server process is killed with SIGKILL at a random moment while it handles the step that
// commits registration, enrollment, a password reset or a withdrawal (10 runs; SOAK: 60). After a restart
// on the same PostgreSQL database the change is all there or not at all, retrying completes it, and every
// outbox row is delivered to a real SMTP server (loopback) under its own Message-ID: none lost, none sent
// under two IDs (a crash between "accepted" and "marked sent" may repeat a Message-ID, which receivers
// recognise — docs/RECOVERY.md), and the outbox drains.

import type { ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../bench/lib.ts';
import { generateCardNumber } from '../../src/cards/card-number.ts';
import { cardNumberHash, insertCard } from '../../src/cards/repository.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { type Db, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { listRecentMail } from '../../src/mail/outbox.ts';
import { encrypt } from '../../src/security/data-keys.ts';
import { hashSecret, verifySecret } from '../../src/security/password.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createFreshPostgresDatabase, HttpSession } from '../helpers/reliability-server.ts';
import { MailCatcher } from '../helpers/smtp.ts';

const RUNS = process.env.SOAK ? 60 : 10;
const PASSWORD = 'cherry blossoms in april';
const NEW_PASSWORD = 'maple leaves in autumn';
const FLOWS = ['registration', 'enrollment', 'reset', 'withdrawal'] as const;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const count = async (db: Db, query: ReturnType<typeof sql<{ n: number }>>) =>
  Number((await query.execute(db)).rows[0]?.n ?? 0);

describe.runIf(databaseKinds().includes('postgres'))(
  'crash safety (SIGKILL mid-request) on PostgreSQL',
  () => {
    let database: Awaited<ReturnType<typeof createFreshPostgresDatabase>>;
    let smtp: MailCatcher;
    let db: Db;
    let config: Config;
    let env: Record<string, string>;
    let port: number;
    let child: ChildProcess | undefined;
    let base: string;

    beforeAll(async () => {
      database = await createFreshPostgresDatabase('cn_crash');
      smtp = new MailCatcher();
      await smtp.start();
      port = await freePort();
      base = `http://127.0.0.1:${port}`;
      env = {
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        SMTP_URL: smtp.url,
        DEMO_DATA: 'false',
        DATA_DIR: 'memory://',
        SESSION_SECRET: 'crash-session-secret-0123456789-abcdefghijk',
        DATA_KEYS: `k1:${Buffer.alloc(32, 5).toString('base64')}`,
        LOGIN_DELAY_MS: '0',
        IP_LOGIN_POINTS: '100000',
        IP_FORM_POINTS: '100000',
        LOG_LEVEL: 'silent',
        PUBLIC_URL: base,
      };
      config = loadConfig(env);
      db = await openDatabase({ url: database.url, poolSize: 2 });
      await migrateToLatest(db);
      child = await startServerProcess(env, port);
    });

    afterAll(async () => {
      child?.kill('SIGKILL');
      await db?.destroy();
      await smtp?.stop();
      await database?.drop();
    });

    /** Sends the committing request, kills the server 0–40 ms later (or after it answered), restarts it. */
    async function killDuring(send: () => Promise<Response>) {
      const pending = send().catch(() => undefined);
      await new Promise((r) => setTimeout(r, randomInt(0, 40)));
      child!.kill('SIGKILL');
      await pending;
      const dead = child!;
      if (dead.exitCode === null && dead.signalCode === null) await new Promise((r) => dead.once('exit', r));
      child = await startServerProcess(env, port);
    }

    async function mailTo(to: string, pathPart: string): Promise<string> {
      const until = Date.now() + 10_000;
      while (Date.now() < until) {
        for (const m of await listRecentMail(db, config, 20, to)) {
          const link = new RegExp(`${pathPart}\\?token=([A-Za-z0-9_-]+)`).exec(m.text)?.[1];
          if (link) return link;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no ${pathPart} mail to ${to}`);
    }

    async function newMember(userId: string): Promise<number> {
      const row = await db
        .insertInto('members')
        .values({
          user_id: userId,
          user_id_is_email: false,
          email: `${userId}@example.jp`,
          password_hash: await hashSecret(PASSWORD),
          lang: 'en',
          email_verified_at: new Date(),
          force_withdrawn_reason: null,
          force_withdrawn_at: null,
          locked_until: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }

    const flows = {
      async registration(n: number) {
        const userId = `crash-reg-${n}`;
        const email = `${userId}@example.jp`;
        const s = new HttpSession(base);
        await s.get('/register');
        expect((await s.post('/register', { userId, email, password: PASSWORD })).status).toBeLessThan(500);
        const token = await mailTo(email, '/register/verify');
        await s.get(`/register/verify?token=${token}`);
        await killDuring(() => s.post('/register/verify', { token }));
        const members = await count(db, sql`select count(*) as n from members where user_id = ${userId}`);
        const consumed = await count(
          db,
          sql`select count(*) as n from pending_registrations where user_id = ${userId} and consumed_at is not null`,
        );
        expect(members).toBe(consumed); // the member exists iff its registration was consumed, in one commit
        const again = new HttpSession(base);
        await again.get(`/register/verify?token=${token}`);
        await again.post('/register/verify', { token });
        expect(await count(db, sql`select count(*) as n from members where user_id = ${userId}`)).toBe(1);
      },

      async enrollment(n: number) {
        const userId = `crash-enr-${n}`;
        const memberId = await newMember(userId);
        const digits = generateCardNumber();
        const card = await insertCard(db, {
          memberId,
          numberEnc: encrypt(config.dataKeys, digits),
          numberHash: await cardNumberHash(db, config, digits),
          last4: digits.slice(-4),
          expiryYear: 2031,
          expiryMonth: 4,
          holderName: 'CRASH TEST',
          birthDate: '1990-04-01',
          phone: '090-0000-0000',
          brand: 'visa',
          creditLimit: 300000,
          status: 'active',
          startPinHash: await hashSecret('4721'),
          incomeBand: null,
        });
        const s = new HttpSession(base);
        expect((await s.login(userId, PASSWORD)).status).toBe(303);
        await s.get('/portal/enroll');
        const fields = { cardNumber: digits, birthDate: '1990-04-01', startPin: '4721' };
        await killDuring(() => s.post('/portal/enroll', fields));
        const state = async () =>
          (
            await sql<{ enrolled: number; failures: number }>`
            select (select count(*) from card_enrollments where card_id = ${card!.id})::int as enrolled,
                   start_pin_failures as failures from cards where id = ${card!.id}`.execute(db)
          ).rows[0]!;
        const after = await state();
        expect(after.enrolled).toBeLessThanOrEqual(1);
        if (after.enrolled === 1) expect(after.failures).toBe(0); // enrollment and counter release commit together
        const again = new HttpSession(base);
        expect((await again.login(userId, PASSWORD)).status).toBe(303);
        await again.get('/portal/enroll');
        await again.post('/portal/enroll', fields);
        expect(await state()).toEqual({ enrolled: 1, failures: 0 });
      },

      async reset(n: number) {
        const userId = `crash-rst-${n}`;
        const email = `${userId}@example.jp`;
        const memberId = await newMember(userId);
        const s = new HttpSession(base);
        await s.get('/forgot/password');
        await s.post('/forgot/password', { identifier: userId });
        const token = await mailTo(email, '/reset-password');
        await s.get(`/reset-password?token=${token}`);
        await killDuring(() => s.post('/reset-password', { token, password: NEW_PASSWORD }));
        const hash = (
          await db
            .selectFrom('members')
            .select('password_hash')
            .where('id', '=', memberId)
            .executeTakeFirstOrThrow()
        ).password_hash;
        const changed = await verifySecret(hash, NEW_PASSWORD);
        const linkLeft = await count(
          db,
          sql`select count(*) as n from password_resets where member_id = ${memberId}`,
        );
        const notices = await count(
          db,
          sql`select count(*) as n from mail_outbox where to_address = ${email} and template = 'password_changed'`,
        );
        // New password ⇔ link consumed ⇔ notice queued: one transaction.
        expect({ linkLeft, notices }).toEqual(
          changed ? { linkLeft: 0, notices: 1 } : { linkLeft: 1, notices: 0 },
        );
        if (!changed) {
          const again = new HttpSession(base);
          await again.get(`/reset-password?token=${token}`);
          await again.post('/reset-password', { token, password: NEW_PASSWORD });
        }
        expect((await new HttpSession(base).login(userId, NEW_PASSWORD)).status).toBe(303);
      },

      async withdrawal(n: number) {
        const userId = `crash-wd-${n}`;
        const email = `${userId}@example.jp`;
        const memberId = await newMember(userId);
        const released = () => count(db, sql`select count(*) as n from released_user_ids`);
        const releasedBefore = await released();
        const s = new HttpSession(base);
        expect((await s.login(userId, PASSWORD)).status).toBe(303);
        await s.get('/settings/withdraw');
        const confirm = await (await s.post('/settings/withdraw', { password: PASSWORD })).text();
        const ticket = /name="ticket" value="([^"]+)"/.exec(confirm)?.[1] ?? '';
        const expires = /name="expires" value="([^"]+)"/.exec(confirm)?.[1] ?? '';
        expect(ticket).not.toBe('');
        await killDuring(() => s.post('/settings/withdraw/confirm', { ticket, expires, understand: 'yes' }));
        const gone = (await count(db, sql`select count(*) as n from members where id = ${memberId}`)) === 0;
        const sessions = await count(
          db,
          sql`select count(*) as n from member_sessions where member_id = ${memberId}`,
        );
        const farewell = await count(
          db,
          sql`select count(*) as n from mail_outbox where to_address = ${email} and template = 'withdrawal_done'`,
        );
        // Member deleted ⇔ its ID held back ⇔ farewell mail queued ⇔ no session left.
        expect({
          released: (await released()) - releasedBefore,
          farewell,
          sessionsLeft: gone ? sessions : -1,
        }).toEqual(
          gone
            ? { released: 1, farewell: 1, sessionsLeft: 0 }
            : { released: 0, farewell: 0, sessionsLeft: -1 },
        );
        if (!gone) {
          const again = new HttpSession(base);
          expect((await again.login(userId, PASSWORD)).status).toBe(303);
          await again.get('/settings/withdraw');
          const page = await (await again.post('/settings/withdraw', { password: PASSWORD })).text();
          await again.post('/settings/withdraw/confirm', {
            ticket: /name="ticket" value="([^"]+)"/.exec(page)?.[1] ?? '',
            expires: /name="expires" value="([^"]+)"/.exec(page)?.[1] ?? '',
            understand: 'yes',
          });
        }
        expect(await count(db, sql`select count(*) as n from members where id = ${memberId}`)).toBe(0);
      },
    };

    it(`keeps every change whole or absent across ${RUNS} SIGKILLs, and delivers every mail`, {
      timeout: 180_000,
    }, async () => {
      for (let run = 0; run < RUNS; run++) await flows[FLOWS[run % FLOWS.length]!](run);

      // A row claimed by a killed process keeps its 5-minute send lease; expire the leases instead of waiting.
      await sql`update mail_outbox set next_attempt_at = now() where status = 'pending'`.execute(db);
      const until = Date.now() + 30_000;
      while (
        Date.now() < until &&
        (await count(db, sql`select count(*) as n from mail_outbox where status <> 'sent'`)) > 0
      )
        await new Promise((r) => setTimeout(r, 250));
      expect(await count(db, sql`select count(*) as n from mail_outbox where status <> 'sent'`)).toBe(0);

      const rows = (await sql<{ id: number }>`select id from mail_outbox`.execute(db)).rows.map((r) =>
        Number(r.id),
      );
      const delivered = new Map<string, number>();
      for (const m of smtp.received) delivered.set(m.messageId, (delivered.get(m.messageId) ?? 0) + 1);
      const expected = rows.map((id) => `<outbox-${id}@127.0.0.1>`);
      expect(expected.filter((id) => !delivered.has(id))).toEqual([]); // none lost
      expect([...delivered.keys()].filter((id) => !expected.includes(id))).toEqual([]); // none under another ID
      const repeats = [...delivered.values()].filter((n) => n > 1).length;
      console.log(`crash safety: ${RUNS} kills, ${rows.length} mails, ${repeats} repeated Message-IDs`);
    });
  },
);
