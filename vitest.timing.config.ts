import { defineConfig } from 'vitest/config';

/**
 * Timing-sensitive reliability tests (response-time comparisons) run alone, one file at a time, after the
 * main suite: parallel workers on a 2-core machine would drown a 5% difference in noise.
 */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.timing.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
  },
});
