import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { type Command, UsageError } from '../cli-types.ts';
import { withDatabase } from '../db/database.ts';
import { seedScale } from './seed-scale.ts';

/** A whole number ≥ 0 from an option, the fallback when absent; UsageError otherwise. */
function count(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError();
  return Number(value);
}

/** CLI commands for filling a database at scale (benchmarks). */
export const scaleCommands: Command[] = [
  {
    name: 'seed-scale',
    usage: '[--members N] [--transactions M]',
    summary: 'fill PostgreSQL with N scale members, cards, enrollments and M transactions (idempotent)',
    async run(args, config) {
      const { values } = parseArgs({
        args,
        options: { members: { type: 'string' }, transactions: { type: 'string' } },
      });
      const members = count(values.members, 1_000_000);
      const transactions = count(values.transactions, members * 10);
      if (!config.databaseUrl) {
        console.error('cardnavi: seed-scale needs DATABASE_URL (PostgreSQL)');
        return 2;
      }
      return withDatabase(config, async (db) => {
        const bar =
          process.stdout.isTTY && members > 0
            ? new SingleBar({ format: 'seed-scale [{bar}] {value}/{total} members', hideCursor: true })
            : undefined;
        try {
          const report = await seedScale(db, config, { members, transactions }, (done, total) => {
            if (!bar) return;
            if (done === 0) bar.start(total, 0);
            else bar.update(done);
          });
          bar?.stop();
          const rows = report.membersAdded * 3 + report.transactionsAdded;
          console.log(
            report.membersAdded === 0
              ? `nothing to add: ${report.existing} scale members already there`
              : `added ${report.membersAdded} members (+ cards, enrollments) and ${report.transactionsAdded} transactions ` +
                  `in ${report.seconds.toFixed(1)} s: ${Math.round(rows / report.seconds)} rows/s`,
          );
          return 0;
        } finally {
          bar?.stop();
        }
      });
    },
  },
];
