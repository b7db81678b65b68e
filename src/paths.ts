import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The files cardnavi ships with, found from where the running code is (src/ under tsx, dist/ after a build). */
export interface AppPaths {
  /** The package root (holds package.json and content/). */
  root: string;
  /** Static files served under /assets: `<code>/web/assets` (the build copies them into dist/). */
  assets: string;
  /** Help articles: `<root>/content/help/{ja,en}`. */
  helpContent: string;
  /** Migration modules: `<code>/db/migrations` (compiled with the code). */
  migrations: string;
}

/** Resolves the paths from the directory holding cli (src or dist) and checks that each exists. */
export function resolveAppPaths(codeDir: string = dirname(fileURLToPath(import.meta.url))): AppPaths {
  const root = dirname(codeDir);
  const paths: AppPaths = {
    root,
    assets: join(codeDir, 'web', 'assets'),
    helpContent: join(root, 'content', 'help'),
    migrations: join(codeDir, 'db', 'migrations'),
  };
  for (const [name, path] of Object.entries(paths)) {
    if (!existsSync(path))
      throw new Error(`cardnavi: ${name} not found at ${path} (incomplete build or install?)`);
  }
  return paths;
}

let resolved: AppPaths | undefined;

/** The paths for this process, resolved on first use (the server resolves them at start, before listening). */
export function appPaths(): AppPaths {
  resolved ??= resolveAppPaths();
  return resolved;
}
