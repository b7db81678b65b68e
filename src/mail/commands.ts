import { parseArgs } from 'node:util';
import { type Command, UsageError } from '../cli-types.ts';
import { withDatabase } from '../db/database.ts';
import { handOverLetters } from './letters.ts';

/** CLI commands of the mail domain: the print step of the letter channel. */
export const mailCommands: Command[] = [
  {
    name: 'letters hand-over',
    usage: '--dir DIR',
    summary:
      'hand every pending letter (e.g. a reissued start PIN) to the print service: one file each in DIR, then marked sent (its PIN erased)',
    async run(args, config) {
      const { values } = parseArgs({ args, options: { dir: { type: 'string' } } });
      if (!values.dir) throw new UsageError();
      const dir = values.dir;
      return withDatabase(config, async (db) => {
        const count = await handOverLetters(db, config, dir, new Date());
        console.log(`${count} letter(s) handed to the print service in ${dir}`);
        return 0;
      });
    },
  },
];
