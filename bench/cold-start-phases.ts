/**
 * Where an embedded cold start's time goes: the same steps `cardnavi serve` takes on an empty DATA_DIR, each
 * timed in one process (module loading, PGlite creating its cluster, migrations, demo cast, first /login).
 *
 *   npx tsx bench/cold-start-phases.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const t0 = performance.now();
const phases: [string, number][] = [];
let last = t0;
const mark = (name: string) => {
  const now = performance.now();
  phases.push([name, Math.round(now - last)]);
  last = now;
};

const { loadConfig } = await import('../src/config.ts');
const { openConfiguredDatabase } = await import('../src/db/database.ts');
const { migrateToLatest } = await import('../src/db/migrate.ts');
const { buildDeps } = await import('../src/deps.ts');
const { seedDemo } = await import('../src/demo/seed.ts');
mark('import config, database, migrations, demo seed');
const { createApp } = await import('../src/app.ts');
mark('import the web application (routes, views, OIDC provider)');

const dir = mkdtempSync(join(tmpdir(), 'cardnavi-phases-'));
try {
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dir,
    DATABASE_URL: '',
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
  });
  const db = await openConfiguredDatabase(config);
  mark('PGlite: create the cluster in an empty DATA_DIR');
  await migrateToLatest(db);
  mark('migrations');
  const deps = buildDeps(config, db);
  await seedDemo(deps);
  mark('demo cast');
  const app = createApp(deps);
  const res = await app.request('/login');
  await res.text();
  mark(`createApp + first /login (${res.status})`);
  await deps.limiters.close();
  await db.destroy();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
for (const [name, ms] of phases) console.log(`${String(ms).padStart(6)} ms  ${name}`);
console.log(`${String(Math.round(last - t0)).padStart(6)} ms  total (after Node.js and tsx started)`);
process.exit(0);
