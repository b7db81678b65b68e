// `cardnavi serve --workers N` (docs/DEPLOY.md): several HTTP workers on PostgreSQL, exactly one process
// running the outbox and scheduled jobs (advisory lock, handed over when that process dies), and a
// SIGTERM that lets in-flight requests finish while /readyz answers 503, then exits 0.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshPostgresDatabase, HttpSession } from '../helpers/reliability-server.ts';

const root = join(import.meta.dirname, '..', '..');
const databaseUrl = process.env.TEST_DATABASE_URL;

function startCli(args: string[], env: Record<string, string>) {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli.ts'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
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

describe('serve --workers on the embedded database', () => {
  it('refuses more than one worker with a one-line configuration error (exit 78)', async () => {
    const run = startCli(['serve', '--workers', '2'], { DATA_DIR: 'memory://', PORT: '1' });
    expect(await run.exited).toBe(78);
    // (A dependency may print its own runtime warning; cardnavi says one line.)
    const lines = run
      .output()
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('cardnavi'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^cardnavi serve: configuration error: .*DATABASE_URL/);
  }, 60_000);
});

describe.runIf(databaseUrl)('serve --workers 2 on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createFreshPostgresDatabase>>;
  let server: ReturnType<typeof startCli>;
  let admin: pg.Client;
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const base = `http://127.0.0.1:${port}`;

  /** Node process ids of the processes holding the background-jobs lock (granted), from pg_locks. */
  async function jobHolders(): Promise<number[]> {
    const { rows } = await admin.query<{ application_name: string }>(
      `select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
       where l.locktype = 'advisory' and l.granted and a.application_name like 'cardnavi background_jobs %'`,
    );
    return rows.map((r) => Number(r.application_name.split(' ').pop()));
  }

  beforeAll(async () => {
    database = await createFreshPostgresDatabase('cn_workers');
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    server = startCli(['serve', '--workers', '2'], {
      DATABASE_URL: database.url,
      PORT: String(port),
      PUBLIC_URL: base,
      SESSION_SECRET: 'workers-session-secret-0123456789-abcdefgh',
      DATA_KEYS: `k1:${Buffer.alloc(32, 5).toString('base64')}`,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      JOBS_LEADER_RETRY_MS: '200',
      SHUTDOWN_DELAY_MS: '1500',
      SHUTDOWN_GRACE_MS: '20000',
      RECOVERY_MIN_RESPONSE_MS: '3000',
    });
    await until(
      'the workers to serve',
      async () => ((await fetch(`${base}/readyz`)).ok ? true : undefined),
      90_000,
    );
  }, 120_000);

  afterAll(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    await admin?.end();
    await database?.drop();
  });

  it('runs the background jobs in exactly one process and hands them over when it dies', async () => {
    const [first] = await until('a process to take the jobs', async () => {
      const holders = await jobHolders();
      return holders.length === 1 ? holders : undefined;
    });
    expect(first).not.toBe(server.child.pid); // a worker, not the primary
    process.kill(first!, 'SIGKILL');
    const [next] = await until('another process to take the jobs over', async () => {
      const holders = await jobHolders();
      return holders.length === 1 && holders[0] !== first ? holders : undefined;
    });
    expect(next).not.toBe(first);
    // Still exactly one, and the site still answers (the primary replaced the dead worker).
    expect(await jobHolders()).toEqual([next]);
    expect((await fetch(`${base}/login`)).status).toBe(200);
  }, 90_000);

  it('on SIGTERM answers /readyz 503, finishes the request in flight and exits 0', async () => {
    const member = new HttpSession(base);
    await member.get('/forgot/id');
    const started = Date.now();
    const inFlight = member.post('/forgot/id', { email: 'drain@example.jp' });
    await new Promise((r) => setTimeout(r, 500));
    server.child.kill('SIGTERM');
    const readyz = await until('/readyz to answer 503', async () => {
      const res = await fetch(`${base}/readyz`);
      return res.status === 503 ? res : undefined;
    });
    expect(await readyz.json()).toEqual({ status: 'draining' });
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    const code = await server.exited;
    expect(code, server.output()).toBe(0);
    await expect(fetch(`${base}/login`)).rejects.toThrow();
  }, 90_000);
});
