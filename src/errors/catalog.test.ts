import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/index.ts';
import { errorCatalog, internalErrors } from './catalog.ts';

const srcDir = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [path] : [];
  });
}

// Issue 10: failures were named four ways (catalog codes, SCREAMING codes, snake_case codes, a `reason`
// field). Every failure a flow returns now carries a code declared in errors/catalog.ts.
describe('failure codes', () => {
  it('uses only codes declared in errors/catalog.ts in every { ok: false, code } of src/', () => {
    const declared = new Set([...Object.keys(errorCatalog), ...Object.keys(internalErrors)]);
    const used: string[] = [];
    for (const file of sourceFiles(srcDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/ok: false, code: '([^']+)'/g))
        used.push(`${match[1]} (${file.slice(srcDir.length + 1)})`);
    }
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((entry) => !declared.has(entry.split(' ')[0] ?? ''))).toEqual([]);
  });

  it('never answers a failure with a separate reason field', () => {
    const offenders = sourceFiles(srcDir).filter((file) =>
      /ok: false, reason:/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe('a force-withdrawn member reads what happened', () => {
  it("M01's title says forced withdrawal (強制退会), not a suspension", () => {
    expect(translate('ja', 'error.M01.title')).toContain('強制退会');
    expect(translate('ja', 'error.M01.title')).not.toContain('停止');
    expect(translate('en', 'error.M01.title')).toMatch(/force-withdrawn/);
    expect(translate('en', 'error.M01.title')).not.toMatch(/suspend/i);
  });
});
