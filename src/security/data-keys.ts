import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import {
  countValuesUnderOtherKeys,
  type EncryptedColumnRef,
  ensureWrappedLookupKey,
  reencryptColumnBatch,
} from './data-keys-repository.ts';

/**
 * Every data key of the application (`DATA_KEYS`): AES-256-GCM under a key id, the keyed lookup hash key,
 * and the list of every column they encrypt, so a key rotation reaches all of them (`cardnavi rekey`).
 */

export interface DataKey {
  kid: string;
  key: Buffer;
}

/**
 * AES-256-GCM under a key id, so keys can rotate: the first key encrypts, every key decrypts.
 * Output: `kid.iv.tag.ciphertext`, each part base64url.
 */
export function encrypt(keys: DataKey[], plaintext: string): string {
  const active = keys[0];
  if (!active) throw new Error('no data key configured');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', active.key, iv);
  cipher.setAAD(Buffer.from(active.kid));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    active.kid,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

/** Decrypts what encrypt() produced with whichever configured key it names. */
export function decrypt(keys: DataKey[], sealed: string): string {
  const [kid, iv, tag, body] = sealed.split('.');
  const entry = keys.find((k) => k.kid === kid);
  if (!entry || !iv || !tag || body === undefined)
    throw new Error('cannot decrypt: unknown key id or malformed value');
  const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(entry.kid));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** What encrypt() output looks like (kid, 12-byte IV, 16-byte tag), to find encrypted values anywhere. */
export const SEALED_VALUE_PATTERN = '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{22}\\.';

/**
 * Every column holding encrypt() output. A column missing here keeps its old key id after `cardnavi rekey`
 * and stops decrypting when that key is removed (issue 10: staff locked out), so a test fails when a
 * column holds sealed values without being listed.
 */
export const encryptedColumns: readonly EncryptedColumnRef[] = [
  // The lookup key behind card number_hash: rewrapped, never replaced, so the hashes survive rotation.
  { table: 'card_lookup_keys', id: 'id', column: 'key_enc' },
  { table: 'cards', id: 'id', column: 'number_enc' },
  { table: 'member_profiles', id: 'member_id', column: 'bank_account_number_enc' },
  { table: 'staff', id: 'id', column: 'totp_secret_enc' },
  { table: 'mail_outbox', id: 'id', column: 'payload_enc' },
  // Members' two-step login TOTP secrets.
  { table: 'member_totp', id: 'member_id', column: 'secret_enc' },
  // OpenID Connect signing keys (private JWKs); keyed by their text kid.
  { table: 'oidc_signing_keys', id: 'kid', column: 'private_jwk_enc' },
  // Withdrawn user IDs during their cooling-off period, for the mails to the old address.
  { table: 'released_user_ids', id: 'user_id_hash', column: 'user_id_enc' },
];

export interface RekeyReport {
  table: string;
  column: string;
  /** Values re-encrypted under the first key (values already under it are left alone). */
  reencrypted: number;
  /**
   * Values still under another key when the column was done: written meanwhile by an instance that does
   * not have the new key first yet. Not zero means the old key must stay; run the rekey again.
   */
  remaining: number;
}

/**
 * Re-encrypts every registered column under the first (newest) key, in batches of short transactions that
 * lock only their own rows, so it can run while the service is up and be run again after an interruption.
 * After it reports, keys other than the first can be removed.
 */
export async function rekeyAll(
  db: Kysely<Database>,
  keys: DataKey[],
  batchSize = 500,
): Promise<RekeyReport[]> {
  const active = keys[0];
  if (!active) throw new Error('no data key configured');
  const reports: RekeyReport[] = [];
  for (const ref of encryptedColumns) {
    const report: RekeyReport = { table: ref.table, column: ref.column, reencrypted: 0, remaining: 0 };
    let after: number | string | undefined;
    for (;;) {
      const batch = await reencryptColumnBatch(db, ref, active.kid, after, batchSize, (sealed) =>
        encrypt(keys, decrypt(keys, sealed)),
      );
      report.reencrypted += batch.reencrypted;
      if (batch.lastId === undefined) break;
      after = batch.lastId;
    }
    report.remaining = await countValuesUnderOtherKeys(db, ref, active.kid);
    reports.push(report);
  }
  return reports;
}

// Per database handle, then per key list: a process restarted with rotated keys unwraps the key again.
const lookupKeys = new WeakMap<object, WeakMap<DataKey[], Promise<Buffer>>>();

/**
 * The key behind keyed lookup hashes (card number_hash). Created once per database (a random 256-bit key
 * stored encrypted under the data keys), then cached. Rotating the data keys only rewraps it (it is in
 * encryptedColumns); the key itself, and so every hash, stays.
 */
export function lookupKey(db: Kysely<Database>, keys: DataKey[]): Promise<Buffer> {
  let byKeys = lookupKeys.get(db);
  if (!byKeys) {
    byKeys = new WeakMap();
    lookupKeys.set(db, byKeys);
  }
  let key = byKeys.get(keys);
  if (!key) {
    key = ensureWrappedLookupKey(db, encrypt(keys, randomBytes(32).toString('base64'))).then((wrapped) =>
      Buffer.from(decrypt(keys, wrapped), 'base64'),
    );
    key.catch(() => byKeys.delete(keys));
    byKeys.set(keys, key);
  }
  return key;
}
