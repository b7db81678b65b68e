import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { appPaths } from '../paths.ts';
import type { Db } from './database.ts';

/**
 * Migrations are code in src/db/migrations, one file per step, named NNNN_what.ts and applied in name order.
 * Each domain owns its steps; the same SQL runs on PGlite and PostgreSQL.
 */
class DirectoryMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrationsDir = appPaths().migrations;
    const migrations: Record<string, Migration> = {};
    for (const file of migrationFiles(await readdir(migrationsDir))) {
      const mod = (await import(pathToFileURL(join(migrationsDir, file)).href)) as Migration;
      migrations[file.replace(/\.(ts|js)$/, '')] = mod;
    }
    return migrations;
  }
}

/** The migration modules among a directory's files, in the order they apply. */
export function migrationFiles(files: string[]): string[] {
  return files.filter((f) => /^\d{4}_.*\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
}

/** Applies every pending migration; throws on the first failure. Returns the names applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one; name the current one so
  // that several schemas on one server (tests, tenants) each keep their own migration state.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrator = new Migrator({
    db,
    provider: new DirectoryMigrationProvider(),
    migrationTableSchema: rows[0]?.schema ?? 'public',
    // Numbers are reserved per piece of work and land out of order (0015 after 0019): a database that already
    // has a later step still gets an earlier one instead of refusing to start.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
