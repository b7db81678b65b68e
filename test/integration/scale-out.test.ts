// Two cardnavi instances (separate processes and ports) on one PostgreSQL database and one Redis, behind a
// round-robin HTTP proxy on loopback (docs/DEPLOY.md "Evidence"): they agree on sessions, CSRF tokens,
// lock counters, per-IP limits and mail, and one dying mid-load loses nothing the other does not serve.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshPostgresDatabase, HttpSession } from '../helpers/reliability-server.ts';
import { MailCatcher } from '../helpers/smtp.ts';
import { TcpProxy } from '../helpers/tcp-proxy.ts';

const root = join(import.meta.dirname, '..', '..');
const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const FORM_POINTS = 20;

async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** A round-robin HTTP proxy: each request goes to the next instance; a dead one answers 502. */
async function startRoundRobin(targets: number[]): Promise<{ server: Server; base: string }> {
  let next = 0;
  const server = createServer((req, res) => {
    const port = targets[next++ % targets.length];
    const upstream = request(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A client address of its own per scenario (TRUST_PROXY), so no other test's Redis counters interfere. */
function clientIp(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

describe.runIf(databaseUrl && redisUrl)('two instances on one PostgreSQL and one Redis', () => {
  let database: Awaited<ReturnType<typeof createFreshPostgresDatabase>>;
  let db: pg.Client;
  const mail = new MailCatcher();
  let redisProxy: TcpProxy;
  const instances: { child: ChildProcess; port: number; base: string; exited: Promise<unknown> }[] = [];
  let proxy: { server: Server; base: string };

  async function startInstance(port: number, publicUrl: string, redisPort: number) {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli.ts'), 'serve'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: publicUrl,
        DATABASE_URL: database.url,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        SMTP_URL: mail.url,
        SESSION_SECRET: 'scale-out-session-secret-0123456789-abcdefgh',
        DATA_KEYS: `k1:${Buffer.alloc(32, 3).toString('base64')}`,
        DEMO_DATA: 'true',
        TRUST_PROXY: '1',
        LOGIN_DELAY_MS: '0',
        IP_LOGIN_POINTS: '100000',
        IP_FORM_POINTS: String(FORM_POINTS),
        ENROLL_ATTEMPTS_PER_HOUR: '100000',
        RECOVERY_MIN_RESPONSE_MS: '0',
        JOBS_LEADER_RETRY_MS: '200',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const base = `http://127.0.0.1:${port}`;
    await until(
      'an instance to serve',
      async () => ((await fetch(`${base}/readyz`)).ok ? true : undefined),
      90_000,
    );
    instances.push({ child, port, base, exited });
  }

  beforeAll(async () => {
    database = await createFreshPostgresDatabase('cn_scale');
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    await mail.start();
    const target = new URL(redisUrl!);
    redisProxy = new TcpProxy(target.hostname, Number(target.port || 6379));
    const redisPort = await redisProxy.start();
    const ports = [await freePort(), await freePort()];
    proxy = await startRoundRobin(ports);
    // One after the other: the first migrates and seeds, the second finds it done.
    for (const port of ports) await startInstance(port, proxy.base, redisPort);
  }, 200_000);

  afterAll(async () => {
    for (const i of instances) if (i.child.exitCode === null) i.child.kill('SIGKILL');
    await Promise.all(instances.map((i) => i.exited));
    proxy?.server.close();
    await redisProxy?.cut();
    await mail.stop();
    await db?.end();
    await database?.drop();
  });

  const [a, b] = [() => instances[0]!, () => instances[1]!];
  // Every request of a client comes "from" its own address (X-Forwarded-For, passed on by the proxy), and
  // its forms from the site's public origin (the proxy's), as a browser's would.
  const session = (base: string, ip = clientIp()) =>
    new HttpSession(base, { 'x-forwarded-for': ip, origin: proxy.base });

  it('accepts a session and a CSRF token made by one instance on the other', async () => {
    const onA = session(a().base);
    expect((await onA.login('taro0123', 'fuji-san-3776m')).status).toBe(303);
    const onB = session(b().base);
    for (const [k, v] of onA.cookies) onB.cookies.set(k, v);
    onB.csrf = onA.csrf;
    expect((await onB.get('/settings')).status).toBe(200);
    // The token from A's page, posted to B: accepted (a rejected one answers 403).
    const fresh = session(a().base);
    await fresh.get('/forgot/id');
    const toB = session(b().base);
    for (const [k, v] of fresh.cookies) toB.cookies.set(k, v);
    toB.csrf = fresh.csrf;
    expect((await toB.post('/forgot/id', { email: 'nobody@example.jp' })).status).toBe(200);
    toB.csrf = `${fresh.csrf.slice(0, -2)}xx`;
    expect((await toB.post('/forgot/id', { email: 'nobody@example.jp' })).status).toBe(403);
  }, 60_000);

  it('200 concurrent wrong passwords over both: the limit evaluated exactly, one lock, one lock mail', async () => {
    const attacker = session(proxy.base);
    await attacker.get('/login');
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        attacker.post('/login', { identifier: 'hanako@example.jp', password: `wrong-${i}` }, false),
      ).map((p) => p.then((r) => r.status)),
    );
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const events = await db.query<{ reason: string; n: number }>(
      `select reason, count(*)::int as n from auth_events e join members m on m.id = e.member_id
       where m.email = 'hanako@example.jp' and e.kind in ('login_failure', 'login_lock') group by reason`,
    );
    const byReason = Object.fromEntries(events.rows.map((r) => [r.reason, r.n]));
    expect(byReason.wrong_password).toBe(10); // LOGIN_MAX_FAILURES: evaluated, the rest refused unread
    expect(byReason.locked).toBe(190);
    expect(byReason.lock_1).toBe(1);
    await until('the lock mail', async () =>
      mail.received.some((m) => m.to === 'hanako@example.jp') ? true : undefined,
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(mail.received.filter((m) => m.to === 'hanako@example.jp')).toHaveLength(1);
  }, 90_000);

  it('200 concurrent wrong start PINs over both evaluate exactly 5', async () => {
    const member = session(proxy.base);
    expect((await member.login('newcard@example.jp', 'first-login-2026')).status).toBe(303);
    await member.get('/portal/enroll');
    const statuses = await Promise.all(
      Array.from({ length: 200 }, () =>
        member
          .post(
            '/portal/enroll',
            { cardNumber: '4980123456789011', birthDate: '1990-04-01', startPin: '0000' },
            false,
          )
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const { rows } = await db.query<{ start_pin_failures: number }>(
      `select c.start_pin_failures from cards c where c.last4 = '9011'`,
    );
    expect(rows.map((r) => r.start_pin_failures)).toEqual([5]);
  }, 90_000);

  it('shares the per-IP form limit through Redis, and falls back to half per process while Redis is cut', async () => {
    const post = async (base: string, ip: string) => {
      const s = session(base, ip);
      await s.get('/forgot/id');
      return (await s.post('/forgot/id', { email: 'nobody@example.jp' })).status;
    };
    const shared = clientIp();
    const upA: number[] = [];
    const upB: number[] = [];
    for (let i = 0; i < 15; i++) {
      upA.push(await post(a().base, shared));
      upB.push(await post(b().base, shared));
    }
    // One budget for both instances: 20 in all, not 20 each.
    expect([...upA, ...upB].filter((s) => s === 200)).toHaveLength(FORM_POINTS);
    expect([...upA, ...upB].filter((s) => s === 429)).toHaveLength(30 - FORM_POINTS);

    await redisProxy.cut();
    try {
      const down = clientIp();
      const downA: number[] = [];
      const downB: number[] = [];
      for (let i = 0; i < 15; i++) {
        downA.push(await post(a().base, down));
        downB.push(await post(b().base, down));
      }
      // Each process alone, at half the points: stricter per process, never unlimited, never 5xx.
      expect(downA.filter((s) => s === 200)).toHaveLength(FORM_POINTS / 2);
      expect(downB.filter((s) => s === 200)).toHaveLength(FORM_POINTS / 2);
      expect([...downA, ...downB].filter((s) => s >= 500)).toEqual([]);
    } finally {
      await redisProxy.restore();
    }
  }, 90_000);

  it('delivers every outbox mail exactly once over SMTP with both instances up (one holds the jobs lock)', async () => {
    const requests = ['taro@example.jp', 'forgot@example.jp', 'oldphone@example.jp', 'newcard@example.jp'];
    for (const email of requests) {
      const s = session(proxy.base);
      await s.get('/forgot/id');
      expect((await s.post('/forgot/id', { email })).status).toBe(200);
    }
    await until('the outbox to empty', async () => {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from mail_outbox where status = 'pending'`,
      );
      return rows[0]!.n === 0 ? true : undefined;
    });
    const { rows: sent } = await db.query<{ id: number }>(`select id from mail_outbox where status = 'sent'`);
    expect(sent.length).toBeGreaterThanOrEqual(requests.length + 1); // and the lock mail
    const ids = mail.received.map((m) => m.messageId);
    for (const { id } of sent) expect(ids.filter((m) => m.startsWith(`<outbox-${id}@`))).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  }, 90_000);

  it('loses no committed change when one instance is killed mid-load, and the other keeps serving', async () => {
    const results = Promise.all(
      Array.from({ length: 30 }, async () => {
        const s = session(proxy.base);
        const res = await s.login('taro0123', 'fuji-san-3776m').catch(() => undefined);
        return { s, status: res?.status };
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    a().child.kill('SIGKILL');
    await a().exited;
    const done = await results;
    const committed = done.filter((r) => r.status === 303);
    expect(committed.length).toBeGreaterThan(0);
    // Every login that was answered is a session the surviving instance honours.
    for (const { s } of committed) {
      const onB = session(b().base);
      for (const [k, v] of s.cookies) onB.cookies.set(k, v);
      expect((await onB.get('/settings')).status).toBe(200);
    }
    expect((await fetch(`${b().base}/login`)).status).toBe(200);
    // The survivor took the background jobs over: a new mail is delivered.
    const before = mail.received.length;
    const s = session(b().base);
    await s.get('/forgot/id');
    expect((await s.post('/forgot/id', { email: 'taro@example.jp' })).status).toBe(200);
    await until('a mail sent by the survivor', async () =>
      mail.received.length > before ? true : undefined,
    );
  }, 90_000);
});
