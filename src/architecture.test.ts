import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = join(import.meta.dirname, '.');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [relative(srcDir, path)] : [];
  });
}

/** HTTP lives in the composition root, route files, views and web/ (docs/ARCHITECTURE.md "Who may import whom"). */
const mayTouchHttp = (file: string) =>
  file === 'app.ts' ||
  file.startsWith('web/') ||
  /(^|\/)routes\.tsx?$/.test(file) ||
  /(^|\/)views\//.test(file);

describe('module boundaries', () => {
  const files = sourceFiles(srcDir);

  it('keeps hono out of flows, repositories and every other non-HTTP file', () => {
    const offenders = files.filter(
      (f) => !mayTouchHttp(f) && /from 'hono(\/[a-z-]+)?'/.test(readFileSync(join(srcDir, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps flows from importing the web folder', () => {
    const offenders = files.filter(
      (f) =>
        !mayTouchHttp(f) &&
        /from '(\.\.\/)+web\/|from '\.\/web\//.test(readFileSync(join(srcDir, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
