import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { appPaths } from '../paths.ts';
import { migrateToLatest, migrationFiles } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

/**
 * A prepared PGlite cluster: the tarball (`dumpDataDir`) of an empty cluster with every migration applied.
 * Creating a cluster runs initdb in WebAssembly, most of an embedded cold start and of each in-memory test
 * database; loading the tarball skips it. It holds schema only (no rows), and it is valid only for the PGlite
 * version and the migration files it was made from: both are in its file name, so any change means no
 * template (the database is then created as before). `migrateToLatest` still runs after a load.
 *
 * Made at install (`npm install` runs `prepare`) and by `npm run build`; tests make it when it is missing.
 */

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('@electric-sql/pglite'));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    } catch {}
    const up = dirname(dir);
    if (up === dir) throw new Error('cardnavi: the version of @electric-sql/pglite was not found');
    dir = up;
  }
}

/** The template's key: the PGlite version and every migration file's name and content. */
function templateKey(): string {
  const hash = createHash('sha256').update(pgliteVersion());
  const dir = appPaths().migrations;
  for (const file of migrationFiles(readdirSync(dir))) {
    hash.update(`\0${file}\0`).update(readFileSync(join(dir, file)));
  }
  return `${pgliteVersion()}-${hash.digest('hex').slice(0, 16)}`;
}

/** Where the template for this code and this PGlite lives (npm's cache directory convention). */
export function templatePath(): string {
  return join(appPaths().root, 'node_modules', '.cache', 'cardnavi', `pglite-${templateKey()}.tar`);
}

let loaded: Promise<Blob | undefined> | undefined;

/** The template for this process (read once), or undefined when none fits. */
export function pgliteTemplate(): Promise<Blob | undefined> {
  loaded ??= Promise.resolve().then(() => {
    try {
      return new Blob([readFileSync(templatePath())]);
    } catch {
      return undefined;
    }
  });
  return loaded;
}

/** Makes the template (a new in-memory cluster, migrated, dumped) and writes it; returns its path. */
export async function writePgliteTemplate(): Promise<string> {
  const path = templatePath();
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  let tarball: Blob;
  try {
    await migrateToLatest(db);
    // Uncompressed: loading it is faster than a gzipped one (measured: see bench/README.md).
    tarball = await pglite.dumpDataDir('none');
  } finally {
    await db.destroy();
  }
  mkdirSync(dirname(path), { recursive: true });
  // Written aside and renamed: a reader (another test process) sees the whole file or none.
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, new Uint8Array(await tarball.arrayBuffer()));
  renameSync(aside, path);
  loaded = Promise.resolve(tarball);
  return path;
}

let ensured: Promise<void> | undefined;

/** For tests: the template exists after this (made once per process when missing). */
export function ensurePgliteTemplate(): Promise<void> {
  ensured ??= pgliteTemplate().then(async (found) => {
    if (!found) await writePgliteTemplate();
  });
  return ensured;
}
