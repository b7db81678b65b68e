import { SingleBar } from 'cli-progress';
import type { Command } from '../cli-types.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openConfiguredDatabase } from '../server.ts';
import { seedScale } from './seed-scale.ts';

function option(args: string[], name: string, fallback: number): number | undefined {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const value = Number(args[i + 1]);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** CLI commands for filling a database at scale (benchmarks). */
export const scaleCommands: Command[] = [
  {
    name: 'seed-scale',
    summary: 'fill PostgreSQL with N scale members, cards, enrollments and M transactions (idempotent)',
    async run(args, config) {
      const members = option(args, '--members', 1_000_000);
      const transactions = option(args, '--transactions', members === undefined ? 0 : members * 10);
      if (members === undefined || transactions === undefined) {
        console.error('usage: cardnavi seed-scale [--members N] [--transactions M]');
        return 2;
      }
      if (!config.databaseUrl) {
        console.error('cardnavi: seed-scale needs DATABASE_URL (PostgreSQL)');
        return 2;
      }
      const db = await openConfiguredDatabase(config);
      const bar =
        process.stdout.isTTY && members > 0
          ? new SingleBar({ format: 'seed-scale [{bar}] {value}/{total} members', hideCursor: true })
          : undefined;
      try {
        await migrateToLatest(db);
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
        await db.destroy();
      }
    },
  },
];
