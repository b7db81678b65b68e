import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { renderOutboxRow } from './outbox.ts';
import { claimPendingLetters, markMailSent } from './outbox-repository.ts';

/**
 * The print step of the `letter` channel: every pending letter becomes one file in the print service's drop
 * folder (`letter-<outbox id>.txt`, readable by the owner only), naming the card whose registered postal
 * address it goes to; the print service resolves that address from the card. Each row is then marked sent,
 * which erases its parameters (the start PIN) from the outbox. The files and the marks happen under the
 * rows' locks in one transaction, so two hand-overs never take one letter twice; a crash between writing a
 * file and the commit leaves the row pending, and the next hand-over writes the same file name again.
 * Nothing here logs a letter's text.
 */
export async function handOverLetters(
  db: Db,
  config: Config,
  dir: string,
  now: Date,
  batch = 500,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await claimPendingLetters(trx, batch);
    for (const row of rows) {
      const letter = renderOutboxRow(config, row);
      if (letter) {
        const header = [`card-id: ${row.card_id ?? 'unknown'}`, `addressee: ${row.to_address}`, ''];
        await writeFile(join(dir, `letter-${row.id}.txt`), `${header.join('\n')}\n${letter.text}\n`, {
          mode: 0o600,
        });
      }
      await markMailSent(trx, row.id, now);
    }
    return rows.length;
  });
}
