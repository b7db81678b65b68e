import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { encrypt } from '../security/data-keys.ts';
import { hashSecret } from '../security/password.ts';
import { analyzeScaleTables, countScaleMembers, insertScaleBatch } from './repository.ts';

/** The password of every scale member (benchmarks log in with it; never a production database). */
export const SCALE_MEMBER_PASSWORD = 'scale-member-password-2026';
/** The number every scale card's number_enc decrypts to: encrypting 1M distinct numbers would dominate the load. */
export const SCALE_PLACEHOLDER_NUMBER = '0000000000000000';
const BATCH = 10_000;

export interface ScaleReport {
  existing: number;
  membersAdded: number;
  transactionsAdded: number;
  seconds: number;
}

/**
 * Seeds members 1..`members` (user IDs `scale-member-<n>`), one enrolled card each and
 * `transactions / members` transactions per card. Idempotent and resumable: it continues after the scale
 * members already present (a batch is one statement, so it is all there or not at all), and a larger
 * second run only adds the difference — the growth benchmark seeds 10k, 100k, 1M into one database.
 */
export async function seedScale(
  db: Db,
  config: Config,
  target: { members: number; transactions: number },
  progress: (done: number, total: number) => void = () => {},
): Promise<ScaleReport> {
  const started = performance.now();
  const existing = await countScaleMembers(db);
  const perMember = target.members > 0 ? Math.floor(target.transactions / target.members) : 0;
  if (existing >= target.members) return { existing, membersAdded: 0, transactionsAdded: 0, seconds: 0 };
  // One argon2 hash for every member and one for every start PIN: hashing per row would take hours.
  const [passwordHash, startPinHash] = await Promise.all([
    hashSecret(SCALE_MEMBER_PASSWORD),
    hashSecret('9052'),
  ]);
  const numberEnc = encrypt(config.dataKeys, SCALE_PLACEHOLDER_NUMBER);
  const toAdd = target.members - existing;
  progress(0, toAdd);
  for (let from = existing + 1; from <= target.members; from += BATCH) {
    const to = Math.min(target.members, from + BATCH - 1);
    await insertScaleBatch(db, {
      from,
      to,
      transactionsPerMember: perMember,
      passwordHash,
      startPinHash,
      numberEnc,
      yenPerPoint: config.points.yenPerPoint,
    });
    progress(to - existing, toAdd);
  }
  await analyzeScaleTables(db);
  return {
    existing,
    membersAdded: toAdd,
    transactionsAdded: toAdd * perMember,
    seconds: (performance.now() - started) / 1000,
  };
}
