import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { type Db, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { ensurePgliteTemplate } from '../../src/db/pglite-template.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * The database engines integration tests run on: always PGlite; PostgreSQL when TEST_DATABASE_URL is set.
 * Under CI=true a missing TEST_DATABASE_URL is an error, not a skip.
 */
export function databaseKinds(): DatabaseKind[] {
  if (process.env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI === 'true') throw new Error('TEST_DATABASE_URL is required when CI=true');
  if (!warned) {
    warned = true;
    console.warn('\n*** TEST_DATABASE_URL is not set: the PostgreSQL tier is SKIPPED (PGlite only) ***\n');
  }
  return ['pglite'];
}
let warned = false;

export interface TestDatabase {
  kind: DatabaseKind;
  db: Db;
  /** For PostgreSQL: the schema this test database lives in. */
  schema?: string;
  destroy(): Promise<void>;
}

/** A fresh, migrated database: an in-memory PGlite (from the prepared template), or a new schema on the PostgreSQL server. */
export async function createTestDatabase(kind: DatabaseKind, poolSize = 20): Promise<TestDatabase> {
  if (kind === 'pglite') {
    // Loaded from the prepared, migrated cluster (made once when missing): no initdb per test.
    await ensurePgliteTemplate();
    const db = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(db);
    return { kind, db, destroy: () => db.destroy() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = await underSchemaLock(url, async (admin) => {
    await sql.raw(`create schema ${schema}`).execute(admin);
    const fresh = await openDatabase({ url, schema, poolSize });
    try {
      await migrateToLatest(fresh);
    } catch (error) {
      await fresh.destroy();
      throw error;
    }
    return fresh;
  });
  return {
    kind,
    db,
    schema,
    async destroy() {
      await db.destroy();
      await underSchemaLock(url, (admin) =>
        sql.raw(`drop schema if exists ${schema} cascade`).execute(admin),
      );
    },
  };
}

/**
 * Runs `fn` while holding the test run's schema lock on its own connection. Test files share one PostgreSQL
 * database, one schema each; Kysely's migrator reads the catalog of every schema (has_schema_privilege on
 * each), which fails with "schema … does not exist" when another file drops its schema at that moment. So
 * creating + migrating and dropping a schema take turns (session-level advisory lock, held across the pool
 * that runs the migrations).
 */
async function underSchemaLock<T>(url: string, fn: (admin: Db) => Promise<T>): Promise<T> {
  const admin = await openDatabase({ url, poolSize: 1 });
  try {
    await sql`select pg_advisory_lock(${SCHEMA_LOCK})`.execute(admin);
    try {
      return await fn(admin);
    } finally {
      await sql`select pg_advisory_unlock(${SCHEMA_LOCK})`.execute(admin);
    }
  } finally {
    await admin.destroy();
  }
}
/** An arbitrary advisory-lock key owned by the test helpers (not used by the application). */
const SCHEMA_LOCK = 742_001;
