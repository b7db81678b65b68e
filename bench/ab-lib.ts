import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { cookiesOf } from './http.ts';
import { StatementCounter } from './pg.ts';
import { type Tree, treeCpuMs } from './trees.ts';

export interface ScenarioContext {
  base: Tree;
  head: Tree;
  adminUrl: string;
  rounds: number;
  seconds: number;
}

/** One line of the result table: a figure measured on both sides (undefined where a side has none). */
export interface Row {
  scenario: string;
  metric: string;
  base?: number;
  head?: number;
  /** Every round's value, in run order, for the JSON. */
  samples?: { base: number[]; head: number[] };
  note?: string;
}

export const median = (v: number[]) => {
  const s = v.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const round = (n: number | undefined) =>
  n === undefined || !Number.isFinite(n)
    ? '—'
    : Math.abs(n) >= 100
      ? n.toFixed(0)
      : n >= 10
        ? n.toFixed(1)
        : n.toFixed(2);

export function formatTable(rows: Row[]): string {
  const lines = [
    '| scenario | metric | base | head | head/base |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows.map((r) => {
      const ratio = r.base && r.head !== undefined ? r.head / r.base : undefined;
      return `| ${r.scenario} | ${r.metric}${r.note ? ` (${r.note})` : ''} | ${round(r.base)} | ${round(r.head)} | ${ratio === undefined || !Number.isFinite(ratio) ? '—' : `${ratio.toFixed(2)}×`} |`;
    }),
  ];
  return lines.join('\n');
}

/**
 * Runs `measure` for base and head alternately, `rounds` times (base first in odd rounds, head first in even
 * ones), and returns each side's values per figure.
 */
export async function alternate<T extends Record<string, number>>(
  rounds: number,
  measure: (side: 'base' | 'head', roundIndex: number) => Promise<T>,
): Promise<{ base: T[]; head: T[] }> {
  const out = { base: [] as T[], head: [] as T[] };
  for (let r = 0; r < rounds; r++) {
    const order: ('base' | 'head')[] = r % 2 === 0 ? ['base', 'head'] : ['head', 'base'];
    for (const side of order) {
      const v = await measure(side, r);
      out[side].push(v);
      console.error(`  round ${r + 1} ${side}: ${JSON.stringify(v)}`);
    }
  }
  return out;
}

/** Rows (median over rounds) for each named figure. */
export function rowsOf<T extends Record<string, number>>(
  scenario: string,
  results: { base: T[]; head: T[] },
  metrics: Record<string, keyof T & string>,
): Row[] {
  return Object.entries(metrics).map(([metric, key]) => {
    const b = results.base.map((v) => v[key] as number);
    const h = results.head.map((v) => v[key] as number);
    return { scenario, metric, base: median(b), head: median(h), samples: { base: b, head: h } };
  });
}

/** The login page's CSRF cookie and token, as one browser gets them. */
export async function csrfOf(origin: string): Promise<{ cookie: string; token: string }> {
  const page = await fetch(`${origin}/login`);
  const cookie = cookiesOf(page);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  return { cookie, token };
}

/** The postmaster's pid of the bench cluster (its backends are its children). */
export function postmasterPid(): number | undefined {
  try {
    const dir = process.env.BENCH_PG_DIR ?? '/tmp/cardnavi-bench-pg';
    return Number(readFileSync(`${dir}/data/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

export interface LoadFigures extends Record<string, number> {
  requestsPerSecond: number;
  /** Responses that were what the scenario expects (2xx or 3xx, as asked). */
  ok: number;
  bad: number;
  p50: number;
  p99: number;
  serverCpuMsPerRequest: number;
  dbCpuMsPerRequest: number;
  statementsPerRequest: number;
  commitsPerRequest: number;
}

/**
 * One autocannon run against a server, with the server's own CPU time (its process tree), the database
 * cluster's CPU time and the statements the server sent (pg_stat_statements) over the run.
 */
export async function measureLoad(
  server: ChildProcess,
  databaseUrl: string,
  options: autocannon.Options,
  expect: '2xx' | '3xx',
): Promise<LoadFigures> {
  const pid = server.pid as number;
  const pgPid = postmasterPid();
  const counter = await StatementCounter.open(databaseUrl);
  const cpu0 = treeCpuMs(pid);
  const db0 = pgPid ? treeCpuMs(pgPid) : 0;
  const r = await autocannon(options);
  const cpu1 = treeCpuMs(pid);
  const db1 = pgPid ? treeCpuMs(pgPid) : 0;
  const stmts = counter ? await counter.read() : undefined;
  await counter?.close();
  const ok = expect === '2xx' ? r['2xx'] : r['3xx'];
  const total = r.requests.total || 1;
  return {
    requestsPerSecond: ok / r.duration,
    ok,
    bad: total - ok + r.errors + r.timeouts,
    p50: r.latency.p50,
    p99: r.latency.p99,
    serverCpuMsPerRequest: (cpu1 - cpu0) / total,
    dbCpuMsPerRequest: pgPid ? (db1 - db0) / total : Number.NaN,
    statementsPerRequest: stmts ? stmts.statements / total : Number.NaN,
    commitsPerRequest: stmts ? stmts.commits / total : Number.NaN,
  };
}

/**
 * Statements and explicit transactions per operation while `run` performs `count` of them, less the
 * server's background statements (job polling) at the rate counted over the same time while idle.
 */
export async function statementsPer(url: string, count: number, run: () => Promise<void>) {
  const counter = await StatementCounter.open(url);
  if (!counter) return { statements: Number.NaN, commits: Number.NaN };
  try {
    const t0 = performance.now();
    await run();
    const busyMs = performance.now() - t0;
    const busy = await counter.read();
    await counter.reset();
    await new Promise((r) => setTimeout(r, Math.min(busyMs, 10_000)));
    const idle = await counter.read();
    const scale = busyMs / Math.min(busyMs, 10_000);
    return {
      statements: (busy.statements - idle.statements * scale) / count,
      commits: (busy.commits - idle.commits * scale) / count,
    };
  } finally {
    await counter.close();
  }
}
