import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { type Db, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

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

/** A fresh, migrated database: an in-memory PGlite, or a new schema on the PostgreSQL server. */
export async function createTestDatabase(kind: DatabaseKind, poolSize = 20): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(db);
    return { kind, db, destroy: () => db.destroy() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url, poolSize: 1 });
  await sql.raw(`create schema ${schema}`).execute(admin);
  await admin.destroy();
  const db = await openDatabase({ url, schema, poolSize });
  await migrateToLatest(db);
  return {
    kind,
    db,
    schema,
    async destroy() {
      await db.destroy();
      const cleanup = await openDatabase({ url, poolSize: 1 });
      await sql.raw(`drop schema ${schema} cascade`).execute(cleanup);
      await cleanup.destroy();
    },
  };
}
