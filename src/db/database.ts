import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { migrateToLatest } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { pgliteTemplate } from './pglite-template.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

// Same JavaScript types from both engines: int8 and numeric as numbers (amounts are yen, ids fit),
// dates as 'YYYY-MM-DD' strings (a birth date has no time zone).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

/** The pg pool behind a PostgreSQL database (for the pool-use metrics); none on PGlite. */
const pools = new WeakMap<Db, pg.Pool>();
export function poolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent, an embedded PGlite database in `dataDir` (or in memory when dataDir is 'memory://'). */
  url?: string | undefined;
  dataDir?: string;
  /** Schema to use on PostgreSQL (tests give each file its own). */
  schema?: string;
  poolSize?: number;
}

/** Opens the database: a pg pool for DATABASE_URL, otherwise PGlite behind a serialising dialect. */
export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // A client losing its server (restart, outage) must not crash the process: the pool reports idle
    // clients on 'error', and a checked-out client emits 'error' itself. The failing query still rejects,
    // and the error handler answers 503.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    pools.set(db, pool);
    return db;
  }
  return new Kysely<Database>({ dialect: new PGliteDialect(await openPGlite(options.dataDir ?? './data')) });
}

/**
 * PGlite in `dir` ('memory://' or a directory). A new cluster starts from the prepared template when one fits
 * (see pglite-template.ts), otherwise PGlite creates it (initdb); an existing one is opened as it is.
 */
async function openPGlite(dir: string): Promise<PGlite> {
  const parsers = {
    [INT8]: (v: string) => Number(v),
    [NUMERIC]: (v: string) => Number(v),
    [DATE]: (v: string) => v,
  };
  const dataDir = dir === 'memory://' ? undefined : join(dir, 'pglite');
  if (dataDir) mkdirSync(dir, { recursive: true });
  const fresh = !dataDir || !existsSync(join(dataDir, 'PG_VERSION'));
  const template = fresh ? await pgliteTemplate() : undefined;
  if (template) {
    try {
      return await PGlite.create({ dataDir, parsers, loadDataDir: template });
    } catch {
      // An unreadable template is no reason not to start: remove what it left and create the cluster.
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return PGlite.create({ dataDir, parsers });
}

/** Opens the database named by the config (PGlite in DATA_DIR when DATABASE_URL is unset). */
export function openConfiguredDatabase(config: Config): Promise<Db> {
  return openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
}

/** For a command: opens the configured database, applies pending migrations, runs `fn`, and closes it. */
export async function withDatabase<T>(config: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openConfiguredDatabase(config);
  try {
    await migrateToLatest(db);
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** True when the database answers a trivial query. */
export async function isDatabaseReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
