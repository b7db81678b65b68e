import { defineConfig } from 'vitest/config';
import { SlowestFirst } from './test/slowest-first.ts';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'test/integration/**/*.test.{ts,tsx}',
      'test/reliability/**/*.test.{ts,tsx}',
    ],
    exclude: ['**/*.soak.test.ts', '**/*.timing.test.ts', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirst },
  },
});
