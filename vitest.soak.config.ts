import { defineConfig } from 'vitest/config';

/**
 * Heavier reliability variants (`npm run test:soak`, never part of `npm test`): the same test files run with
 * SOAK=1, which raises run counts (crash runs ≥ 50, fuzzer requests, property runs), plus any *.soak.test.ts.
 */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    exclude: ['**/*.timing.test.ts', 'node_modules/**'],
    env: { SOAK: '1' },
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
  },
});
