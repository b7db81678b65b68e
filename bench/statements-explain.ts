/**
 * The plans of every statement the statement page, its CSV and its PDF run (issue 12: "every query an index
 * scan"), taken from the running server itself: PostgreSQL's auto_explain is switched on for the benchmark
 * database only (`ALTER DATABASE … SET session_preload_libraries = 'auto_explain'`, log every statement
 * with EXPLAIN ANALYZE), one scale member opens the newest closed month's page, CSV and PDF, and the plans
 * are read back from the server log. The database settings are reset afterwards.
 *
 *   BENCH_DATABASE=cardnavi_bench_statements_1m npx tsx bench/statements-explain.ts
 *
 * Needs a superuser connection (BENCH_ADMIN_URL) and the server log on this machine (BENCH_PG_LOG, default
 * the Debian cluster's /var/log/postgresql/postgresql-15-main.log). Writes
 * bench/results/statements-explain-<members>.txt and fails when a plan reads a table of 10,000 rows or more sequentially.
 */
import { openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { logIn, newestClosedMonth, seededCounts } from './http.ts';
import { ensureBenchDatabase, startServerProcess, stopServerProcess } from './lib.ts';

const logFile = process.env.BENCH_PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log';
const port = Number(process.env.BENCH_PORT ?? 3904);
const base = `http://127.0.0.1:${port}`;
/** Tables of at least this many rows: a sequential scan of one of them is a finding (small ones may be read whole). */
const largeRows = 10_000;

async function largeTables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ relname: string }>(
      'select relname from pg_stat_user_tables where n_live_tup >= $1',
      [largeRows],
    );
    return rows.map((r) => r.relname);
  } finally {
    await client.end();
  }
}

async function alterDatabase(url: string, name: string, settings: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of settings) await client.query(`alter database ${name} ${s}`);
  } finally {
    await client.end();
  }
}

function readFrom(offset: number): string {
  const size = statSync(logFile).size;
  const fd = openSync(logFile, 'r');
  const buffer = Buffer.alloc(size - offset);
  readSync(fd, buffer, 0, buffer.length, offset);
  return buffer.toString('utf8');
}

async function main() {
  const url = await ensureBenchDatabase();
  const name = new URL(url).pathname.slice(1);
  const counts = await seededCounts(url);
  const server = await startServerProcess(
    { DATABASE_URL: url, DEMO_DATA: 'false', LOGIN_DELAY_MS: '0', DATA_DIR: '/tmp/bench-data-explain' },
    port,
  );
  let log: string;
  let month: string;
  try {
    const cookie = await logIn(base, `scale-member-${Math.ceil(counts.members / 2)}`);
    month = await newestClosedMonth(base, cookie);
    // New sessions of the pool pick the settings up: restart the server's pool by restarting the server.
    await alterDatabase(url, name, [
      `set session_preload_libraries = 'auto_explain'`,
      'set auto_explain.log_min_duration = 0',
      'set auto_explain.log_analyze = on',
      'set auto_explain.log_buffers = on',
    ]);
  } finally {
    await stopServerProcess(server);
  }
  const explaining = await startServerProcess(
    { DATABASE_URL: url, DEMO_DATA: 'false', LOGIN_DELAY_MS: '0', DATA_DIR: '/tmp/bench-data-explain' },
    port,
  );
  const offset = statSync(logFile).size;
  try {
    const cookie = await logIn(base, `scale-member-${Math.ceil(counts.members / 3)}`);
    for (const path of [
      `/portal/statements/${month}`,
      `/portal/statements/${month}.csv`,
      `/portal/statements/${month}.pdf`,
    ]) {
      const res = await fetch(`${base}${path}?lang=en`, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    }
    await new Promise((r) => setTimeout(r, 500));
    log = readFrom(offset);
  } finally {
    await stopServerProcess(explaining);
    await alterDatabase(url, name, [
      'reset session_preload_libraries',
      'reset auto_explain.log_min_duration',
      'reset auto_explain.log_analyze',
      'reset auto_explain.log_buffers',
    ]);
  }
  // One plan per "duration: … plan:" entry; continuation lines are indented with a tab.
  const plans = log
    .split(/\n(?=\S)/)
    .filter((entry) => entry.includes(`@${name} LOG:`) && entry.includes('plan:'))
    .map((entry) => entry.replace(/^.*?LOG: {2}/, ''));
  const large = await largeTables(url);
  const findings = plans.flatMap((plan) =>
    large
      .filter((table) => new RegExp(`Seq Scan on ${table}\\b`).test(plan))
      .map((t) => `${t}: ${plan.split('\n')[1]}`),
  );
  const file = join(import.meta.dirname, 'results', `statements-explain-${counts.members}.txt`);
  writeFileSync(
    file,
    `-- ${counts.members} members, ${counts.transactions} transactions; month ${month}; ${plans.length} plans\n` +
      `-- command: BENCH_DATABASE=${name} npx tsx bench/statements-explain.ts\n\n${plans.join('\n\n')}\n`,
  );
  console.log(`${plans.length} plans written to ${file}`);
  if (findings.length > 0) {
    console.log(`sequential scans of large tables:\n${findings.join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log('no sequential scan of a large table');
  }
}

await main();
