/**
 * Login: POST /login with the right password at 4 and 8 connections, next to the raw argon2id verification
 * rate with the same parameters and concurrency measured in the same round. Two cases:
 *   - many: 2,000 different members round robin, each request from its own client address (X-Forwarded-For
 *     from the loopback proxy hop the server trusts with TRUST_PROXY=true);
 *   - one: one member from one address (every request queues on one member row and one per-IP bucket).
 * Also SQL statements and commits per login (pg_stat_statements), per wrong password, and the server's CPU ms
 * per login. Target: logins/s ≥ 0.85 × raw rate (many members).
 */
import { verify } from '@node-rs/argon2';
import type autocannon from 'autocannon';
import pg from 'pg';
import { hashSecret } from '../src/security/password.ts';
import {
  alternate,
  csrfOf,
  type LoadFigures,
  measureLoad,
  median,
  type Row,
  type ScenarioContext,
  statementsPer,
} from './ab-lib.ts';
import { ensureDatabase } from './pg.ts';
import { startServer, stopServer, type Tree } from './trees.ts';

export const password = 'bench-login-password-2026';
const members = 2000;
const ports = { base: 3911, head: 3912 };
const userId = (i: number) => `bench-login-${String(i).padStart(4, '0')}`;
/** Client addresses from the benchmarking range 198.18.0.0/15 (only ever a header value here). */
const address = (i: number) => `198.18.${(i >> 8) & 255}.${i & 255}`;

export async function seedMembers(url: string, hash: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `insert into members (user_id, user_id_is_email, email, password_hash, lang, email_verified_at)
     select 'bench-login-' || lpad(g::text, 4, '0'), false, 'bench-login-' || g || '@example.jp', $1, 'ja', now()
       from generate_series(0, $2::int) g
     on conflict (user_id) do update set password_hash = excluded.password_hash, failed_logins = 0, locked_until = null`,
    [hash, members],
  );
  // Earlier runs' sessions and events would only make the tables bigger for the side that ran more.
  await client.query(
    `delete from member_sessions where member_id in (select id from members where user_id like 'bench-login-%')`,
  );
  await client.query(
    `delete from auth_events where member_id in (select id from members where user_id like 'bench-login-%')`,
  );
  await client.query(`delete from rate_limits`);
  await client.end();
}

async function rawArgon2Rate(hash: string, concurrency: number, seconds: number): Promise<number> {
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

export type Case = 'many' | 'one';

export function loginLoad(
  origin: string,
  csrf: { cookie: string; token: string },
  c: Case,
  connections: number,
  seconds: number,
) {
  let n = 0;
  return {
    url: origin,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST' as const,
        path: '/login',
        setupRequest(req: autocannon.Request) {
          const i = c === 'many' ? 1 + (n++ % members) : 0;
          return {
            ...req,
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              cookie: csrf.cookie,
              origin,
              'x-forwarded-for': address(i),
            },
            body: new URLSearchParams({ _csrf: csrf.token, identifier: userId(i), password }).toString(),
          };
        },
      },
    ],
  };
}

/**
 * Statements and transactions per attempt over `count` sequential logins of distinct members (right or wrong
 * password), less the server's background statements (job polling) at the rate measured while idle.
 */
async function statementsPerLogin(origin: string, url: string, count: number, first: number, pw: string) {
  const csrf = await csrfOf(origin);
  return statementsPer(url, count, async () => {
    for (let i = first; i < first + count; i++) {
      const res = await fetch(`${origin}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: csrf.cookie,
          origin,
          'x-forwarded-for': address(i),
        },
        body: new URLSearchParams({ _csrf: csrf.token, identifier: userId(i), password: pw }),
      });
      await res.arrayBuffer();
    }
  });
}

export async function loginScenario(ctx: ScenarioContext): Promise<Row[]> {
  const hash = await hashSecret(password);
  const trees: Record<'base' | 'head', Tree> = { base: ctx.base, head: ctx.head };
  const urls = {
    base: await ensureDatabase(ctx.adminUrl, ctx.base.database),
    head: await ensureDatabase(ctx.adminUrl, ctx.head.database),
  };
  const env = (side: 'base' | 'head') => ({
    DATABASE_URL: urls[side],
    DEMO_DATA: 'false',
    LOGIN_DELAY_MS: '0',
    // The one-member case sends every request from one address.
    IP_LOGIN_POINTS: '100000000',
    TRUST_PROXY: 'true',
    DATA_DIR: `/tmp/cardnavi-bench-data-${side}`,
  });
  const servers = {
    base: (await startServer(trees.base, env('base'), ports.base)).child,
    head: (await startServer(trees.head, env('head'), ports.head)).child,
  };
  const rows: Row[] = [];
  try {
    for (const side of ['base', 'head'] as const) await seedMembers(urls[side], hash);
    const origin = (side: 'base' | 'head') => `http://127.0.0.1:${ports[side]}`;
    const csrf = { base: await csrfOf(origin('base')), head: await csrfOf(origin('head')) };
    // Warm-up: JIT, pools, the members' pages in the buffer cache.
    for (const side of ['base', 'head'] as const)
      await measureLoad(servers[side], urls[side], loginLoad(origin(side), csrf[side], 'many', 4, 3), '3xx');

    for (const connections of [4, 8]) {
      const raw: number[] = [];
      const results = {} as Record<Case, { base: LoadFigures[]; head: LoadFigures[] }>;
      for (const c of ['many', 'one'] as Case[]) results[c] = { base: [], head: [] };
      // Each round: raw argon2, then both cases on both sides, alternating which side goes first.
      await alternate(ctx.rounds, async (side, r) => {
        if (side === (r % 2 === 0 ? 'base' : 'head'))
          raw.push(await rawArgon2Rate(hash, connections, ctx.seconds));
        const out: Record<string, number> = {};
        for (const c of ['many', 'one'] as Case[]) {
          const f = await measureLoad(
            servers[side],
            urls[side],
            loginLoad(origin(side), csrf[side], c, connections, ctx.seconds),
            '3xx',
          );
          results[c][side].push(f);
          for (const [k, v] of Object.entries(f)) out[`${c}.${k}`] = v;
        }
        return out;
      });

      const rawMedian = median(raw);
      const fig = (c: Case, side: 'base' | 'head', k: keyof LoadFigures) =>
        median(results[c][side].map((f) => f[k] as number));
      const s = `login ${connections} conn`;
      rows.push({
        scenario: s,
        metric: 'raw argon2 verifies/s (same concurrency)',
        base: rawMedian,
        head: rawMedian,
        note: raw.map((x) => x.toFixed(0)).join('/'),
      });
      for (const c of ['many', 'one'] as Case[]) {
        const label = c === 'many' ? `${members} members` : '1 member';
        rows.push(
          {
            scenario: s,
            metric: `${label}: logins/s`,
            base: fig(c, 'base', 'requestsPerSecond'),
            head: fig(c, 'head', 'requestsPerSecond'),
          },
          {
            scenario: s,
            metric: `${label}: logins/s ÷ raw argon2 (target ≥ 0.85)`,
            base: median(results[c].base.map((f, i) => f.requestsPerSecond / (raw[i] ?? rawMedian))),
            head: median(results[c].head.map((f, i) => f.requestsPerSecond / (raw[i] ?? rawMedian))),
          },
          {
            scenario: s,
            metric: `${label}: p99 ms`,
            base: fig(c, 'base', 'p99'),
            head: fig(c, 'head', 'p99'),
          },
          {
            scenario: s,
            metric: `${label}: server CPU ms/login`,
            base: fig(c, 'base', 'serverCpuMsPerRequest'),
            head: fig(c, 'head', 'serverCpuMsPerRequest'),
          },
          {
            scenario: s,
            metric: `${label}: PostgreSQL CPU ms/login`,
            base: fig(c, 'base', 'dbCpuMsPerRequest'),
            head: fig(c, 'head', 'dbCpuMsPerRequest'),
          },
          {
            scenario: s,
            metric: `${label}: failed responses`,
            base: fig(c, 'base', 'bad'),
            head: fig(c, 'head', 'bad'),
          },
        );
      }
    }
    const count = 40;
    const right = {
      base: await statementsPerLogin(origin('base'), urls.base, count, 1, password),
      head: await statementsPerLogin(origin('head'), urls.head, count, 1, password),
    };
    const wrong = {
      base: await statementsPerLogin(origin('base'), urls.base, count, 1001, 'wrong-password-2026'),
      head: await statementsPerLogin(origin('head'), urls.head, count, 1001, 'wrong-password-2026'),
    };
    for (const [label, r] of [
      ['right password', right],
      ['wrong password', wrong],
    ] as const)
      rows.push(
        {
          scenario: `login, ${label}, ${count} in sequence`,
          metric: 'SQL statements/attempt',
          base: r.base.statements,
          head: r.head.statements,
        },
        {
          scenario: `login, ${label}, ${count} in sequence`,
          metric: 'explicit transactions (COMMIT)/attempt',
          base: r.base.commits,
          head: r.head.commits,
        },
      );
  } finally {
    await Promise.all([stopServer(servers.base), stopServer(servers.head)]);
  }
  return rows;
}
