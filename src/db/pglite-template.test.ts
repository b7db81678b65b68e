import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../paths.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest, migrationFiles } from './migrate.ts';
import { ensurePgliteTemplate, templatePath } from './pglite-template.ts';

describe('prepared PGlite cluster', () => {
  it('is keyed by the PGlite version and the migrations', () => {
    expect(templatePath()).toMatch(/pglite-\d+\.\d+\.\d+-[0-9a-f]{16}\.tar$/);
  });

  it('opens with every migration applied and no rows', async () => {
    await ensurePgliteTemplate();
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      expect(await migrateToLatest(db)).toEqual([]);
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
        db,
      );
      const files = migrationFiles(readdirSync(appPaths().migrations)).map((f) =>
        f.replace(/\.(ts|js)$/, ''),
      );
      expect(applied.rows.map((r) => r.name)).toEqual(files);
      const members = await db
        .selectFrom('members')
        .select(db.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(members.n)).toBe(0);
    } finally {
      await db.destroy();
    }
  });
});
