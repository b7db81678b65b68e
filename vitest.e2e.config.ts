import { defineConfig } from 'vitest/config';
import { SlowestFirst } from './test/slowest-first.ts';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.{ts,tsx}'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time: each runs its server in the test process and a Chromium beside it, and one file
    // alone leaves part of a 2-core machine idle (servers are in memory on free ports, so files do not meet).
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirst },
  },
});
