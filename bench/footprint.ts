/**
 * Cold start of the embedded default (PGlite in DATA_DIR, demo data on): time from spawning
 * `cardnavi serve` to the first 200 from /readyz, with an empty DATA_DIR (creates, migrates, seeds) and
 * again with the existing one. (Resident memory under load is measured by bench/dashboard.ts.)
 *
 *   npm run bench:footprint          (BENCH_RUNS=3)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, startServerProcess, stopServerProcess, writeResult } from './lib.ts';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const port = Number(process.env.BENCH_PORT ?? 3903);

async function coldStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: '', DEMO_DATA: 'true' }, port);
  const ms = performance.now() - started;
  await stopServerProcess(child);
  return Math.round(ms);
}

async function main() {
  const empty: number[] = [];
  const existing: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'cardnavi-cold-'));
    try {
      empty.push(await coldStart(dir));
      existing.push(await coldStart(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;
  const result = {
    scenario: 'footprint',
    command: 'npm run bench:footprint',
    machine: machine(),
    runs,
    coldStartMs: {
      emptyDataDir: { median: median(empty), all: empty },
      existingDataDir: { median: median(existing), all: existing },
    },
  };
  console.log(writeResult('footprint', result));
  console.table({ 'empty DATA_DIR': median(empty), 'existing DATA_DIR': median(existing) });
}

await main();
