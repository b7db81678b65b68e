/**
 * A/B benchmark: every scenario on a base commit and on this checkout, alternating, in one run, so the
 * shared machine's noise falls on both alike. Prints and writes a table base, head, head/base.
 *
 *   npm run bench -- --base REF [--scenario login,pages,open-loop,cold-start] [--rounds 3] [--seconds 10]
 *
 * See bench/README.md for what each scenario measures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable, type Row, type ScenarioContext } from './ab-lib.ts';
import { machine, writeResult } from './lib.ts';
import { benchCluster } from './pg.ts';
import { coldStartScenario } from './scenario-cold-start.ts';
import { loginScenario } from './scenario-login.ts';
import { openLoopScenario } from './scenario-open-loop.ts';
import { pagesScenario } from './scenario-pages.ts';
import { baseTree, headTree } from './trees.ts';

const scenarios = {
  login: loginScenario,
  pages: pagesScenario,
  'open-loop': openLoopScenario,
  'cold-start': coldStartScenario,
} satisfies Record<string, (ctx: ScenarioContext) => Promise<Row[]>>;

const usage =
  'usage: npm run bench -- --base REF [--scenario login,pages,open-loop,cold-start] [--rounds N] [--seconds N]';

async function main() {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      scenario: { type: 'string', default: Object.keys(scenarios).join(',') },
      rounds: { type: 'string', default: '3' },
      seconds: { type: 'string', default: '10' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.base) {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  const names = values.scenario.split(',').map((s) => s.trim());
  for (const n of names) {
    if (!(n in scenarios)) {
      console.error(`unknown scenario ${n}\n${usage}`);
      process.exit(2);
    }
  }
  const head = headTree();
  const base = baseTree(values.base, head);
  const adminUrl = await benchCluster();
  const ctx: ScenarioContext = {
    base,
    head,
    adminUrl,
    rounds: Number(values.rounds),
    seconds: Number(values.seconds),
  };
  const started = new Date();
  const rows: Row[] = [];
  for (const name of names) {
    console.error(`bench: scenario ${name}`);
    const got = await scenarios[name as keyof typeof scenarios](ctx);
    rows.push(...got);
    console.log(formatTable(got));
  }
  const header = [
    `A/B run ${started.toISOString()} — base ${values.base} (${base.commit}), head ${head.commit}`,
    `${ctx.rounds} alternating rounds, ${ctx.seconds} s per load run; ${machine().cpus} CPUs, ${machine().node}`,
  ].join('\n');
  const table = formatTable(rows);
  console.log(`\n${header}\n\n${table}`);
  writeResult('ab', { started, command: process.argv.slice(2), base, head, machine: machine(), rows });
  writeFileSync(join(import.meta.dirname, 'results', 'ab-latest.md'), `${header}\n\n${table}\n`);
  process.exit(0);
}

await main();
