/**
 * Login throughput against PostgreSQL next to the raw argon2 verification rate, same parameters and
 * concurrency (2 × cores), measured in the same run. Target: logins/s ≥ 85% of the raw rate.
 *
 *   npm run bench:login            (BENCH_SECONDS=20 to run longer)
 */
import { cpus } from 'node:os';
import { verify } from '@node-rs/argon2';
import autocannon from 'autocannon';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/schema.ts';
import { hashSecret } from '../src/security/password.ts';
import { ensureBenchDatabase, machine, startServerProcess, stopServerProcess, writeResult } from './lib.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = 2 * cpus().length;
const port = Number(process.env.BENCH_PORT ?? 3901);
const password = 'bench-login-password-2026';

async function rawArgon2Rate(hash: string): Promise<number> {
  let done = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        await verify(hash, password);
        done++;
      }
    }),
  );
  return done / seconds;
}

async function main() {
  const databaseUrl = await ensureBenchDatabase();
  const server = await startServerProcess(
    {
      DATABASE_URL: databaseUrl,
      DEMO_DATA: 'false',
      LOGIN_DELAY_MS: '0',
      IP_LOGIN_POINTS: '100000000',
      LOGIN_MAX_FAILURES: '100',
    },
    port,
  );
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl }) }),
  });
  try {
    const hash = await hashSecret(password);
    await db
      .insertInto('members')
      .values({
        user_id: 'bench-login-user',
        user_id_is_email: false,
        email: 'bench@example.jp',
        password_hash: hash,
        lang: 'ja',
        email_verified_at: new Date(),
        force_withdrawn_reason: null,
        force_withdrawn_at: null,
        locked_until: null,
      })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ password_hash: hash, failed_logins: 0, locked_until: null }),
      )
      .execute();

    // One CSRF cookie and its token serve every request, as one browser would.
    const page = await fetch(`http://127.0.0.1:${port}/login`);
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const body = new URLSearchParams({ _csrf: token, identifier: 'bench-login-user', password }).toString();

    const raw = await rawArgon2Rate(hash);
    const load = await autocannon({
      url: `http://127.0.0.1:${port}/login`,
      method: 'POST',
      connections: concurrency,
      duration: seconds,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie,
        origin: `http://127.0.0.1:${port}`,
      },
      body,
    });
    const ok = load['3xx'];
    const loginsPerSecond = ok / seconds;
    const result = {
      scenario: 'login',
      command: 'npm run bench:login',
      machine: machine(),
      database: 'PostgreSQL',
      argon2: 'argon2id m=19456 t=2 p=1',
      concurrency,
      seconds,
      rawArgon2VerifiesPerSecond: Math.round(raw * 10) / 10,
      loginsPerSecond: Math.round(loginsPerSecond * 10) / 10,
      ratio: Math.round((loginsPerSecond / raw) * 1000) / 1000,
      target: 0.85,
      latencyMs: { p50: load.latency.p50, p99: load.latency.p99 },
      non3xx: load.non2xx - ok,
      errors: load.errors,
    };
    const file = writeResult('login', result);
    console.table({
      'raw argon2 verifies/s': result.rawArgon2VerifiesPerSecond,
      'logins/s': result.loginsPerSecond,
      'ratio (target ≥ 0.85)': result.ratio,
      'p50 ms': result.latencyMs.p50,
      'p99 ms': result.latencyMs.p99,
      'failed responses': result.non3xx,
    });
    console.log(`written ${file}`);
    await sql`delete from member_sessions where member_id in (select id from members where user_id = 'bench-login-user')`.execute(
      db,
    );
  } finally {
    await db.destroy();
    await stopServerProcess(server);
  }
}

await main();
