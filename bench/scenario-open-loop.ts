/**
 * Latency under a steady rate: GET /portal for scale members at a fixed arrival rate (autocannon
 * overallRate, open loop: requests are sent on schedule whether or not earlier ones have answered) on the
 * seeded database. Target p99 ≤ 20 ms at 300 requests/s with 1M members / 10M transactions.
 *
 * BENCH_SCALE_MEMBERS (default 1000000) and BENCH_SCALE_TRANSACTIONS (10 × members) are seeded into each
 * side's database with that side's own `cardnavi seed-scale` (idempotent: a second run adds nothing).
 * BENCH_RATE (300) sets the arrival rate.
 */
import { execFileSync } from 'node:child_process';
import type autocannon from 'autocannon';
import pg from 'pg';
import { SCALE_MEMBER_PASSWORD } from '../src/scale/seed-scale.ts';
import {
  alternate,
  type LoadFigures,
  measureLoad,
  type Row,
  rowsOf,
  type ScenarioContext,
} from './ab-lib.ts';
import { logIn } from './http.ts';
import { ensureDatabase } from './pg.ts';
import { startServer, stopServer, type Tree } from './trees.ts';

const rate = Number(process.env.BENCH_RATE ?? 300);
const scaleMembers = Number(process.env.BENCH_SCALE_MEMBERS ?? 1_000_000);
const scaleTransactions = Number(process.env.BENCH_SCALE_TRANSACTIONS ?? scaleMembers * 10);
/** Distinct logged-in members the requests rotate over. */
const sessions = 20;

function seed(tree: Tree, url: string) {
  const started = performance.now();
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli.ts',
      'seed-scale',
      '--members',
      String(scaleMembers),
      '--transactions',
      String(scaleTransactions),
    ],
    {
      cwd: tree.dir,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return performance.now() - started;
}

export async function openLoopScenario(ctx: ScenarioContext): Promise<Row[]> {
  const trees = { base: ctx.base, head: ctx.head };
  const urls = {
    base: await ensureDatabase(ctx.adminUrl, ctx.base.database),
    head: await ensureDatabase(ctx.adminUrl, ctx.head.database),
  };
  const env = (side: 'base' | 'head') => ({
    DATABASE_URL: urls[side],
    DEMO_DATA: 'false',
    LOGIN_DELAY_MS: '0',
    IP_LOGIN_POINTS: '100000000',
    DATA_DIR: `/tmp/cardnavi-bench-data-${side}`,
  });
  const ports = { base: 3931, head: 3932 };
  // The server migrates the database at start; seeding needs the tables.
  for (const side of ['base', 'head'] as const) {
    const { child } = await startServer(trees[side], env(side), ports[side]);
    await stopServer(child);
    const ms = seed(trees[side], urls[side]);
    console.error(`  ${side}: seed-scale ${scaleMembers} members ready in ${(ms / 1000).toFixed(0)} s`);
  }
  const counts = async (url: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query(
      `select (select count(*) from members where user_id like 'scale-member-%')::int as members,
              (select count(*) from card_transactions)::int as transactions`,
    );
    await c.end();
    return rows[0] as { members: number; transactions: number };
  };
  const size = { base: await counts(urls.base), head: await counts(urls.head) };
  const servers = {
    base: (await startServer(trees.base, env('base'), ports.base)).child,
    head: (await startServer(trees.head, env('head'), ports.head)).child,
  };
  try {
    const origin = (side: 'base' | 'head') => `http://127.0.0.1:${ports[side]}`;
    const cookies = { base: [] as string[], head: [] as string[] };
    for (const side of ['base', 'head'] as const)
      for (let i = 0; i < sessions; i++) {
        const n = 1 + Math.floor(((i + 0.5) * size[side].members) / sessions);
        cookies[side].push(await logIn(origin(side), `scale-member-${n}`, SCALE_MEMBER_PASSWORD));
      }
    const load = (side: 'base' | 'head', seconds: number) => {
      let n = 0;
      return {
        url: origin(side),
        connections: 50,
        overallRate: rate,
        duration: seconds,
        requests: [
          {
            method: 'GET' as const,
            path: '/portal',
            setupRequest: (req: autocannon.Request) => ({
              ...req,
              headers: { cookie: cookies[side][n++ % sessions] ?? '' },
            }),
          },
        ],
      };
    };
    for (const side of ['base', 'head'] as const)
      await measureLoad(servers[side], urls[side], load(side, 3), '2xx');
    const results = await alternate(ctx.rounds, (side) =>
      measureLoad(servers[side], urls[side], load(side, ctx.seconds), '2xx'),
    );
    const label = `/portal open loop ${rate}/s`;
    return [
      {
        scenario: label,
        metric: 'scale members',
        base: size.base.members,
        head: size.head.members,
        note: `${size.head.transactions.toLocaleString('en')} transactions`,
      },
      ...rowsOf<LoadFigures>(label, results, {
        'requests/s answered': 'requestsPerSecond',
        'p50 ms': 'p50',
        'p99 ms (target ≤ 20)': 'p99',
        'server CPU ms/request': 'serverCpuMsPerRequest',
        'SQL statements/request': 'statementsPerRequest',
        'failed responses': 'bad',
      }),
    ];
  } finally {
    await Promise.all([stopServer(servers.base), stopServer(servers.head)]);
  }
}
