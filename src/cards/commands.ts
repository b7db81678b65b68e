import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { type Command, UsageError } from '../cli-types.ts';
import { withDatabase } from '../db/database.ts';
import { type ImportReport, importCards, importTransactions, isIsoDate } from './import.ts';
import { issuePendingReplacements } from './reissue.ts';
import { renewCardsExpiring } from './renew.ts';

/** A progress bar on a terminal only: piped output (logs, CI) stays clean. */
function progress(label: string) {
  if (!process.stdout.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total}`, hideCursor: true });
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

/** Prints the report; the exit code is 1 when any row was refused. */
export function printImportReport(report: ImportReport, out = console): number {
  out.log(
    `rows: ${report.total}, created: ${report.created}, updated: ${report.updated}, refused: ${report.refused.length}${
      report.notified === undefined ? '' : `, usage mails: ${report.notified}`
    }`,
  );
  for (const row of report.refused) out.error(`line ${row.line}: ${row.reasons.join('; ')}`);
  return report.refused.length > 0 ? 1 : 0;
}

function importCommand(name: string, run: typeof importCards): Command {
  return {
    name: `import ${name}`,
    usage: 'FILE.csv|FILE.jsonl',
    summary: `import ${name} from a CSV or JSON Lines (.jsonl) file (idempotent; exit 1 if any row is refused)`,
    async run(args, config) {
      const [file, ...extra] = parseArgs({ args, allowPositionals: true }).positionals;
      if (!file || extra.length) throw new UsageError();
      const content = await readFile(file, 'utf8');
      return withDatabase(config, async (db) => {
        const bar = progress(name);
        const report = await run({ db, config, now: () => new Date() }, file, content, bar.update);
        bar.stop();
        return printImportReport(report);
      });
    },
  };
}

/** CLI commands of the cards domain. */
export const cardCommands: Command[] = [
  importCommand('cards', importCards),
  importCommand('transactions', importTransactions),
  {
    name: 'renew',
    usage: '--as-of YYYY-MM-DD',
    summary: 'renewal screening of active cards expiring in the month of --as-of YYYY-MM-DD',
    async run(args, config) {
      const asOf = parseArgs({ args, options: { 'as-of': { type: 'string' } } }).values['as-of'];
      if (!asOf || !isIsoDate(asOf)) throw new UsageError();
      return withDatabase(config, async (db) => {
        const report = await renewCardsExpiring({ db, now: () => new Date() }, asOf);
        for (const r of report.renewed) console.log(`renewed  card ****${r.last4} limit ${r.creditLimit}`);
        for (const d of report.declined) console.log(`declined card ****${d.last4} (${d.reason})`);
        console.log(`renewed: ${report.renewed.length}, declined: ${report.declined.length}`);
        return 0;
      });
    },
  },
  {
    name: 'reissue',
    usage: '--as-of YYYY-MM-DD',
    summary: 'issue the replacements of cards reported lost or stolen up to --as-of YYYY-MM-DD (new numbers)',
    async run(args, config) {
      const asOf = parseArgs({ args, options: { 'as-of': { type: 'string' } } }).values['as-of'];
      if (!asOf || !isIsoDate(asOf)) throw new UsageError();
      return withDatabase(config, async (db) => {
        const report = await issuePendingReplacements({ db, config, now: () => new Date() }, asOf);
        for (const r of report.issued) console.log(`reissued card ****${r.lostLast4} as ****${r.last4}`);
        console.log(`reissued: ${report.issued.length}`);
        return 0;
      });
    },
  },
];
