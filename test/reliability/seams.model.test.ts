/**
 * Where the causes meet (issue 11, "The test that finds the next seam"): random sequences of three members'
 * actions — register, confirm, log in right and wrong, reset (request, use, reuse), change email (request,
 * confirm, cancel), change password, withdraw, re-register, enroll with right and wrong start PINs, and the
 * console's unlock, reissue and forced withdrawal — driven through the pages against a small model
 * (test/helpers/seams.ts). After every step: a token issued before a credential change never works; a
 * completed reset leads to a working login; counters never exceed their limits; every mail is the one the
 * account's state called for; the audit chain verifies.
 *
 * Runs: SEAMS_RUNS per engine (default 100, so 200 sequences over PGlite and PostgreSQL in CI; 5,000 under SOAK=1), seeded by SEAMS_SEED (printed on failure, with the
 * failing command sequence); SEAMS_PATH and SEAMS_REPLAY_PATH (the `path` and `replayPath` of fast-check's
 * report) replay one failing case; SEAMS_MAX_COMMANDS (default 25) bounds a sequence; SEAMS_TRACE=1 prints each
 * step; SEAMS_EXPECT_FIXED=name,… (or all) checks pending fixes' stricter expectations (see PENDING_FIXES).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import {
  finishRun,
  KNOWN_FINDINGS,
  type PendingFix,
  SEAMS_CONFIG,
  seamCommands,
  setUpRun,
  timing,
} from '../helpers/seams.ts';
import { createTestStaff, type TestStaff } from '../helpers/support-factories.ts';

/**
 * Known findings whose fix has not landed yet: for each, the model expects today's behaviour at that one
 * point. A fix removes its entry in the same commit (with the entry still here the model expects the old
 * behaviour and fails); before that, `SEAMS_EXPECT_FIXED=<name>` runs the stricter check on the fix's branch.
 * Descriptions: KNOWN_FINDINGS in test/helpers/seams.ts.
 */
const PENDING_FIXES: PendingFix[] = [];

// Cheaper argon2 for this file only: the model test is about how flows meet, not about the hash, and a run
// of 100 sequences per engine verifies thousands of passwords. Same algorithm and code paths, smaller memory and time.
vi.mock('../../src/security/password.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/security/password.ts')>();
  const { hash } = await import('@node-rs/argon2');
  const cheap = { ...real.ARGON2_PARAMS, memoryCost: 256, timeCost: 1 };
  const hashSecret = (secret: string) => hash(secret, cheap);
  let dummy: Promise<string> | undefined;
  return {
    ...real,
    hashSecret,
    needsRehash: () => false,
    getDummyHash: () => {
      dummy ??= hashSecret(`dummy-${Math.random()}`);
      return dummy;
    },
  };
});

const soak = Boolean(process.env.SOAK);
const RUNS = Number(process.env.SEAMS_RUNS ?? (soak ? 5_000 : 100));
const SEED = process.env.SEAMS_SEED ? Number(process.env.SEAMS_SEED) : Math.floor(Math.random() * 2 ** 31);
const MAX_COMMANDS = Number(process.env.SEAMS_MAX_COMMANDS ?? 25);
// SEAMS_EXPECT_FIXED=name,name (or "all") checks the stricter expectation of pending entries: run it on a
// branch with the fix to see the check pass before removing the entry.
const expectFixed = (process.env.SEAMS_EXPECT_FIXED ?? '').split(',').filter(Boolean);
const pending = new Set(
  PENDING_FIXES.filter((f) => !expectFixed.includes(f) && !expectFixed.includes('all')),
);
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

describe.each(databaseKinds())('member flows in random order keep their promises on %s', (kind) => {
  let t: TestApp;
  let staff: TestStaff;
  beforeAll(async () => {
    t = await createTestApp(kind, { ...SEAMS_CONFIG });
    staff = await createTestStaff(t.deps, 'supervisor');
  }, 300_000);
  afterAll(() => t?.close());

  it(`holds every invariant over ${RUNS} random sequences (seed ${SEED})`, {
    timeout: soak ? 6 * 3_600_000 : 600_000,
  }, async () => {
    for (const fix of PENDING_FIXES) if (!(fix in KNOWN_FINDINGS)) throw new Error(`unknown finding ${fix}`);
    let run = 0;
    const cpu = process.cpuUsage();
    Object.assign(timing, { act: 0, check: 0, steps: 0 });
    await fc.assert(
      fc.asyncProperty(seamCommands(MAX_COMMANDS, process.env.SEAMS_REPLAY_PATH), async (commands) => {
        run += 1;
        await fc.asyncModelRun(() => setUpRun(t, staff, run, pending), commands);
        await finishRun();
      }),
      {
        numRuns: RUNS,
        seed: SEED,
        ...(process.env.SEAMS_PATH ? { path: process.env.SEAMS_PATH } : {}),
        // fast-check's report names the seed and path to replay, and the shrunk command sequence.
        verbose: 1,
        // SEAMS_NO_SHRINK=1 reports the first failing sequence as it was (faster than shrinking it).
        ...(process.env.SEAMS_NO_SHRINK ? { endOnFailure: true } : {}),
      },
    );
    console.log(
      `${kind}: ${RUNS} sequences, ${timing.steps} steps; flows ${Math.round(timing.act)} ms, invariant checks ${Math.round(timing.check)} ms (wall); CPU ${Math.round(cpuMs(process.cpuUsage(cpu)))} ms`,
    );
  });
});
