// The command line: help, unknown commands and arguments that do not fit answer with usage and exit codes
// scripts can rely on (0 help, 2 usage), before any database is opened.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function cardnavi(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(root, 'src', 'cli.ts'), ...args],
      { cwd: root, env: { PATH: process.env.PATH, NODE_ENV: 'test', DATA_DIR: 'memory://' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('cardnavi command line', () => {
  it('lists the commands for --help (exit 0) and for an unknown command (exit 2)', async () => {
    const [help, unknown] = await Promise.all([cardnavi('--help'), cardnavi('frobnicate')]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('import cards');
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain('usage: cardnavi <command>');
  });

  it('answers arguments that do not fit with the command usage and exit 2', async () => {
    const [noDate, badDate, noFile, unknownOption, noReissueDate] = await Promise.all([
      cardnavi('renew'),
      cardnavi('renew', '--as-of', '2026-02-30'),
      cardnavi('import', 'cards'),
      cardnavi('audit', 'verify', '--everything'),
      cardnavi('reissue', '--as-of', 'tomorrow'),
    ]);
    for (const run of [noDate, badDate]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('usage: cardnavi renew --as-of YYYY-MM-DD');
    }
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('usage: cardnavi import cards FILE.csv|FILE.jsonl');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("Unknown option '--everything'");
    expect(noReissueDate.code).toBe(2);
    expect(noReissueDate.stderr).toContain('usage: cardnavi reissue --as-of YYYY-MM-DD');
  });
});
