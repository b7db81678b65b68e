/**
 * Growth: the session lookup plus the dashboard's queries, and the statement page's queries at 10k, 100k and 1M scale members (10 transactions
 * each), seeded incrementally into one PostgreSQL database. Per size: median and p99 of loadPortalHome and
 * the statements pages (listStatementMonths, loadStatement and loadSpending for the newest closed month: what
 * /portal/statements and /portal/statements/YYYY-MM call) and of each SQL statement they run, over
 * random members; EXPLAIN (ANALYZE, BUFFERS) of every statement at the largest size. Target: ≤ 1.3× from the
 * smallest to the largest size.
 *
 *   npm run bench:growth        (BENCH_SIZES=10000,100000 to stop earlier; BENCH_SAMPLES=1000)
 * Drops and re-seeds the benchmark database (about 4 minutes to 1M on 2 cores); bench:dashboard then uses it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';
import type { AppDeps } from '../src/deps.ts';
import { findLiveSession, insertSession } from '../src/members/repository.ts';
import { loadPortalHome } from '../src/portal/dashboard.ts';
import { seedScale } from '../src/scale/seed-scale.ts';
import { listStatementMonths, loadSpending, loadStatement } from '../src/statements/statement.ts';
import { ensureBenchDatabase, machine, writeResult } from './lib.ts';

const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const samples = Number(process.env.BENCH_SAMPLES ?? 1000);

function stats(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN) * 1000) / 1000;
  return { p50: at(0.5), p99: at(0.99), n: s.length };
}

/** What GET /portal/statements and GET /portal/statements/YYYY-MM (newest closed month) load. */
async function statementPage(deps: AppDeps, memberId: number) {
  const months = await listStatementMonths(deps, memberId);
  if (!months.ok) throw new Error(`member ${memberId}: ${months.code}`);
  const month = months.months[1]?.month;
  if (!month) throw new Error('no closed month');
  const statement = await loadStatement(deps, memberId, month);
  if (!statement.ok) throw new Error(`member ${memberId}: ${statement.code}`);
  await loadSpending(deps, statement.statement.card.id, month);
}

async function main() {
  // Each size must be measured on a database of that size: start from an empty one (BENCH_REUSE=1 keeps it).
  const url = await ensureBenchDatabase(process.env.BENCH_REUSE !== '1');
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url,
    DATA_DIR: process.env.DATA_DIR ?? './data',
  });
  // Captures every statement the portal functions send, to EXPLAIN them afterwards.
  const seen = new Map<string, readonly unknown[]>();
  let capturing = false;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 4 }) }),
    log(event) {
      if (capturing && event.level === 'query') seen.set(event.query.sql, event.query.parameters);
    },
  });
  const deps = { db, config, now: () => new Date() } as unknown as AppDeps;
  const results: Record<string, unknown>[] = [];
  try {
    await migrateToLatest(db);
    for (const size of sizes) {
      const seeded = await seedScale(
        db,
        config,
        { members: size, transactions: size * 10 },
        (done, total) => {
          if (done % 100_000 === 0) console.log(`seeding ${size}: ${done}/${total}`);
        },
      );
      if (seeded.membersAdded)
        console.log(
          `seeded +${seeded.membersAdded} members in ${seeded.seconds.toFixed(0)} s (${Math.round((seeded.membersAdded * 3 + seeded.transactionsAdded) / seeded.seconds)} rows/s)`,
        );
      const ids = (
        await sql<{ id: number }>`
          select member_id as id from card_enrollments order by random() limit ${samples}`.execute(db)
      ).rows.map((r) => r.id);
      // Each sampled member gets a session, so the timing includes the per-request session lookup as /portal does.
      await sql`delete from member_sessions where token_hash like 'bench-growth-%'`.execute(db);
      for (const id of ids)
        await insertSession(db, {
          tokenHash: `bench-growth-${id}`,
          memberId: id,
          now: new Date(),
          ip: null,
          userAgent: null,
        });
      const since = new Date(Date.now() - 3_600_000);
      // Warm-up: the first calls pay connection setup and plan caching.
      for (const id of ids.slice(0, 200)) {
        await loadPortalHome(deps, id);
        await statementPage(deps, id);
      }
      const dashboard: number[] = [];
      const statements: number[] = [];
      capturing = true;
      for (const id of ids) {
        let t = performance.now();
        if (!(await findLiveSession(db, `bench-growth-${id}`, since, since))) throw new Error('no session');
        const home = await loadPortalHome(deps, id);
        dashboard.push(performance.now() - t);
        if (home.kind !== 'dashboard') throw new Error(`member ${id}: ${home.kind}`);
        t = performance.now();
        await statementPage(deps, id);
        statements.push(performance.now() - t);
      }
      capturing = false;
      const row = {
        members: size,
        transactions: size * 10,
        dashboardMs: stats(dashboard),
        statementsMs: stats(statements),
      };
      console.log(JSON.stringify(row));
      results.push(row);
    }
    await sql`delete from member_sessions where token_hash like 'bench-growth-%'`.execute(db);
    const first = results[0] as { dashboardMs: { p50: number }; statementsMs: { p50: number } };
    const last = results.at(-1) as typeof first;
    const explains: Record<string, string> = {};
    for (const [text, params] of seen) {
      const plan = await db.executeQuery<{ 'QUERY PLAN': string }>({
        sql: `explain (analyze, buffers) ${text}`,
        parameters: params,
        query: { kind: 'RawNode' } as never,
        queryId: { queryId: 'explain' } as never,
      });
      explains[text] = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    }
    const planText = Object.entries(explains)
      .map(([q, p]) => `-- ${q}\n${p}\n`)
      .join('\n');
    writeFileSync(join(import.meta.dirname, 'results', 'growth-explain-latest.txt'), planText);
    const seqScans = Object.entries(explains)
      .filter(([, p]) =>
        /Seq Scan on (members|cards|card_enrollments|card_transactions|card_point_events|card_statement_payments)\b/.test(
          p,
        ),
      )
      .map(([q]) => q);
    const result = {
      scenario: 'growth',
      command: 'npm run bench:growth',
      machine: machine(),
      postgres: (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0]?.v,
      samplesPerSize: samples,
      sizes: results,
      ratioDashboardP50: Math.round((last.dashboardMs.p50 / first.dashboardMs.p50) * 100) / 100,
      ratioStatementsP50: Math.round((last.statementsMs.p50 / first.statementsMs.p50) * 100) / 100,
      target: 1.3,
      statementsExplained: Object.keys(explains).length,
      statementsWithSeqScanOnBigTables: seqScans,
      explainFile: 'bench/results/growth-explain-latest.txt',
    };
    console.log(writeResult('growth', result));
    console.table(
      results.map((r) => ({
        ...r,
        dashboardMs: JSON.stringify(r.dashboardMs),
        statementsMs: JSON.stringify(r.statementsMs),
      })),
    );
    console.log(
      `ratios p50 dashboard ${result.ratioDashboardP50}, statements ${result.ratioStatementsP50}; seq scans: ${seqScans.length}`,
    );
  } finally {
    await db.destroy();
  }
}

await main();
