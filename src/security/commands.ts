import { parseArgs } from 'node:util';
import { type Command, UsageError } from '../cli-types.ts';
import { withDatabase } from '../db/database.ts';
import { rekeyAll } from './data-keys.ts';

/** CLI commands about key material. */
export const securityCommands: Command[] = [
  {
    name: 'rekey',
    summary:
      're-encrypt every encrypted column (card numbers, staff TOTP secrets, mail) under the first DATA_KEYS key',
    async run(args, config) {
      // "rekey cards" was the name when only card numbers were covered; it now does the same as "rekey".
      const { positionals } = parseArgs({ args, allowPositionals: true });
      if (positionals.length > 1 || (positionals[0] !== undefined && positionals[0] !== 'cards'))
        throw new UsageError();
      return withDatabase(config, async (db) => {
        const reports = await rekeyAll(db, config.dataKeys);
        for (const r of reports) {
          console.log(
            `${`${r.table}.${r.column}`.padEnd(28)} re-encrypted ${r.reencrypted}, left ${r.remaining}`,
          );
        }
        const kid = config.dataKeys[0]?.kid;
        if (reports.some((r) => r.remaining > 0)) {
          console.error(
            `some values are still under an older key: give every running instance DATA_KEYS with ${kid} first, then run rekey again`,
          );
          return 1;
        }
        console.log(`every encrypted value is under ${kid}: the keys after it in DATA_KEYS can be removed`);
        return 0;
      });
    },
  },
];
