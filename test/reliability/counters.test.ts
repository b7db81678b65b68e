// Exact security counters under concurrency, over HTTP on PostgreSQL (a real server, its pg pool, 200
// requests in flight at once). NIST SP 800-63B-4 §3.2.2 / ASVS 5.0 V6.3.1: the number of evaluated guesses
// is bounded by the limit; DOMAIN.md: 5 wrong start PINs lock the card's start procedure.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { startTestServer } from '../e2e/harness.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createFreshPostgresDatabase, HttpSession } from '../helpers/reliability-server.ts';

const onPostgres = databaseKinds().includes('postgres');
const CONCURRENT = 200;

describe.runIf(onPostgres)('security counters under 200 concurrent requests on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createFreshPostgresDatabase>>;
  let server: RunningServer;
  let sql: pg.Client;

  beforeAll(async () => {
    database = await createFreshPostgresDatabase('cn_counters');
    server = await startTestServer({
      DATABASE_URL: database.url,
      LOGIN_MAX_FAILURES: '10',
      START_PIN_MAX_FAILURES: '5',
      ENROLL_ATTEMPTS_PER_HOUR: '100000',
    });
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await server?.close();
    await database?.drop();
  });

  it('POST /login: 200 simultaneous wrong passwords evaluate exactly 10, lock once, and the right password then fails', async () => {
    const session = new HttpSession(server.url);
    await session.get('/login');
    const responses = await Promise.all(
      Array.from({ length: CONCURRENT }, () =>
        session.post('/login', { identifier: 'taro0123', password: `wrong-guess-${Math.random()}` }, false),
      ),
    );
    expect(responses.every((r) => r.status < 500)).toBe(true);
    expect(responses.filter((r) => r.status === 303)).toHaveLength(0);

    const member = (
      await sql.query(
        `select id, email, failed_logins, lock_count, locked_until from members where user_id = 'taro0123'`,
      )
    ).rows[0];
    const events = (
      await sql.query(
        `select reason, count(*)::int as n from auth_events where member_id = $1 and kind = 'login_failure' group by reason`,
        [member.id],
      )
    ).rows as { reason: string; n: number }[];
    const byReason = Object.fromEntries(events.map((e) => [e.reason, e.n]));
    expect(byReason.wrong_password).toBe(10);
    expect(byReason.locked).toBe(CONCURRENT - 10);
    expect(member.lock_count).toBe(1);
    expect(member.locked_until).not.toBeNull();
    // This member's lock mails only: the demo cast also holds a locked member (locked@example.jp).
    const lockMails = await sql.query(
      `select count(*)::int as n from mail_outbox where template = 'login_locked' and to_address = $1`,
      [member.email],
    );
    expect(lockMails.rows[0].n).toBe(1);

    const right = await new HttpSession(server.url).login('taro0123', 'fuji-san-3776m');
    expect(right.status).not.toBe(303);
  }, 300_000); // 200 concurrent argon2 checks: ~130 s at a load average of 30 on 2 cores

  it('POST /portal/enroll: 200 simultaneous wrong start PINs evaluate exactly 5, lock the card, and the right PIN then fails', async () => {
    const member = new HttpSession(server.url);
    expect((await member.login('newcard@example.jp', 'first-login-2026')).status).toBe(303);
    await member.get('/portal/enroll');
    const wrongPins = ['1357', '2468', '8642', '7531', '3141', '2718', '1618', '9265'];
    const responses = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        member.post(
          '/portal/enroll',
          {
            cardNumber: '4980123456789011',
            birthDate: '1990-04-01',
            startPin: wrongPins[i % wrongPins.length]!,
          },
          false,
        ),
      ),
    );
    expect(responses.every((r) => r.status < 500)).toBe(true);
    // Four answers say "wrong, n attempts left"; the fifth evaluation locks; everything else is refused unevaluated.
    expect(responses.filter((r) => r.status === 401)).toHaveLength(4);

    const card = (
      await sql.query(`select id, start_pin_failures, start_pin_locked_at from cards where last4 = '9011'`)
    ).rows[0];
    expect(card.start_pin_failures).toBe(5);
    expect(card.start_pin_locked_at).not.toBeNull();

    const right = await member.post('/portal/enroll', {
      cardNumber: '4980123456789011',
      birthDate: '1990-04-01',
      startPin: '4721',
    });
    expect(right.status).not.toBe(303);
    const enrolled = await sql.query('select count(*)::int as n from card_enrollments where card_id = $1', [
      card.id,
    ]);
    expect(enrolled.rows[0].n).toBe(0);
  }, 300_000);
});
