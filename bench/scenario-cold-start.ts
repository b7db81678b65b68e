/**
 * Embedded cold start: from spawning `cardnavi serve` with an empty DATA_DIR (embedded PGlite, demo data on:
 * creates the cluster, migrates, seeds the demo cast) to the first 200 on /login; then a second start on the
 * same directory. Target ≤ 3 s for the empty directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alternate, type Row, rowsOf, type ScenarioContext } from './ab-lib.ts';
import { startServer, stopServer } from './trees.ts';

export async function coldStartScenario(ctx: ScenarioContext): Promise<Row[]> {
  const trees = { base: ctx.base, head: ctx.head };
  const start = async (side: 'base' | 'head', dir: string) => {
    const { child, readyMs } = await startServer(
      trees[side],
      { DATA_DIR: dir, DATABASE_URL: '', DEMO_DATA: 'true', REDIS_URL: '' },
      3941,
      { readyPath: '/login', timeoutMs: 600_000 },
    );
    await stopServer(child);
    return readyMs;
  };
  const results = await alternate(ctx.rounds, async (side) => {
    const dir = mkdtempSync(join(tmpdir(), 'cardnavi-cold-'));
    try {
      const empty = await start(side, dir);
      const existing = await start(side, dir);
      return { empty, existing };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return rowsOf('cold start (embedded)', results, {
    'empty DATA_DIR → first 200 on /login, ms (target ≤ 3000)': 'empty',
    'existing DATA_DIR → first 200 on /login, ms': 'existing',
  });
}
