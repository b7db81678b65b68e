#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { cardCommands } from './cards/commands.ts';
import { type Command, isUsageError } from './cli-types.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openConfiguredDatabase, withDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { demoStaff } from './demo/cast.ts';
import { seedDemo } from './demo/seed.ts';
import { buildDeps } from './deps.ts';
import { mailCommands } from './mail/commands.ts';
import { oidcCommands } from './oidc/commands.ts';
import { scaleCommands } from './scale/commands.ts';
import { securityCommands } from './security/commands.ts';
import { serveCommand } from './serve.ts';
import { supportCommands } from './support/commands.ts';

const coreCommands: Command[] = [
  {
    name: 'serve',
    usage: '[--workers N]',
    summary:
      'migrate, seed demo data (embedded default), and serve HTTP on PORT with N worker processes (WEB_CONCURRENCY, PostgreSQL only)',
    run: serveCommand,
  },
  {
    name: 'migrate',
    summary: 'apply pending database migrations',
    async run(args, config) {
      parseArgs({ args });
      const db = await openConfiguredDatabase(config);
      try {
        const applied = await migrateToLatest(db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
        return 0;
      } finally {
        await db.destroy();
      }
    },
  },
  {
    name: 'seed-demo',
    summary: 'create the demo cast (idempotent)',
    async run(args, config) {
      parseArgs({ args });
      return withDatabase(config, async (db) => {
        const deps = buildDeps(config, db);
        try {
          const ids = await seedDemo(deps);
          console.log(`demo cast ready (${ids.size} members)`);
          for (const s of demoStaff)
            console.log(`  staff ${s.login} (${s.role}) TOTP secret ${s.totpSecret}`);
          return 0;
        } finally {
          await deps.limiters.close();
        }
      });
    },
  },
];

const commands: Command[] = [
  ...coreCommands,
  ...cardCommands,
  ...securityCommands,
  ...supportCommands,
  ...mailCommands,
  ...scaleCommands,
  ...oidcCommands,
];

function usage(): string {
  return [
    'usage: cardnavi <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(20)} ${c.summary}`),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  // Commands may have two words (e.g. "import cards", "audit verify").
  const command =
    commands.find((c) => c.name === `${name} ${rest[0]}`) ?? commands.find((c) => c.name === name);
  const askedForHelp = name === undefined || ['help', '--help', '-h'].includes(name);
  if (!command || askedForHelp) {
    console.log(usage());
    return askedForHelp ? 0 : 2;
  }
  const args = command.name.includes(' ') ? rest.slice(1) : rest;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`cardnavi: configuration error: ${e.message}`);
      return 78;
    }
    throw e;
  }
  // The server logs them as JSON (startServer); other commands say them on stderr.
  if (command.name !== 'serve') for (const w of config.warnings) console.error(`cardnavi: warning: ${w}`);
  try {
    return await command.run(args, config);
  } catch (e) {
    if (!isUsageError(e)) throw e;
    if (e.message) console.error(`cardnavi ${command.name}: ${e.message}`);
    console.error(`usage: cardnavi ${command.name}${command.usage ? ` ${command.usage}` : ''}`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    console.error(`cardnavi: ${e.message}`);
    process.exitCode = 1;
  },
);
