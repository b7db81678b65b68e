import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A column holding encrypt() output, with the primary key (a number or text) that orders its batches. */
export type EncryptedColumnRef = {
  [T in keyof Database]: { table: T; id: keyof Database[T] & string; column: keyof Database[T] & string };
}[keyof Database];

/** Stores the wrapped lookup key unless one exists, and returns the stored one (first writer wins). */
export async function ensureWrappedLookupKey(db: Kysely<Database>, wrapped: string): Promise<string> {
  await db
    .insertInto('card_lookup_keys')
    .values({ id: 1, key_enc: wrapped })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db
    .selectFrom('card_lookup_keys')
    .select('key_enc')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return row.key_enc;
}

/**
 * One batch of a rekey: locks the next rows (by id, after `after`) whose value is under another key than
 * `activeKid`, rewrites them with `reencrypt`, and commits. lastId is undefined when nothing was left.
 */
export async function reencryptColumnBatch(
  db: Kysely<Database>,
  ref: EncryptedColumnRef,
  activeKid: string,
  after: number | string | undefined,
  limit: number,
  reencrypt: (sealed: string) => string,
): Promise<{ reencrypted: number; lastId: number | string | undefined }> {
  const table = sql.table(ref.table);
  const id = sql.ref(ref.id);
  const column = sql.ref(ref.column);
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number | string; value: string }>`
      select ${id} as id, ${column} as value from ${table}
      where ${column} is not null and split_part(${column}, '.', 1) <> ${activeKid}
        ${after === undefined ? sql`` : sql`and ${id} > ${after}`}
      order by ${id} limit ${limit} for update`.execute(trx);
    for (const row of rows) {
      await sql`update ${table} set ${column} = ${reencrypt(row.value)} where ${id} = ${row.id}`.execute(trx);
    }
    return { reencrypted: rows.length, lastId: rows.at(-1)?.id };
  });
}

/** How many values of the column are under another key than `activeKid` (what a key removal would lose). */
export async function countValuesUnderOtherKeys(
  db: Kysely<Database>,
  ref: EncryptedColumnRef,
  activeKid: string,
): Promise<number> {
  const column = sql.ref(ref.column);
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ${sql.table(ref.table)}
    where ${column} is not null and split_part(${column}, '.', 1) <> ${activeKid}`.execute(db);
  return rows[0]?.n ?? 0;
}
