import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { JWK } from 'oidc-provider';
import type { Db } from '../db/database.ts';
import { type DataKey, decrypt, encrypt } from '../security/data-keys.ts';
import { deleteSigningKeys, insertSigningKey, listSigningKeys } from './repository.ts';

/** How many keys stay published: the one that signs and the one before it, which still verifies. */
const KEYS_KEPT = 2;

function newSigningJwk(): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  return { ...jwk, kid: randomBytes(12).toString('base64url'), alg: 'RS256', use: 'sig' };
}

/**
 * The private signing keys (JWKs), newest first: oidc-provider signs with the first and verifies with all.
 * Creates the first key when there is none. Keys are stored AES-256-GCM under the data keys.
 */
export async function loadSigningKeys(db: Db, dataKeys: DataKey[], now: Date): Promise<JWK[]> {
  let rows = await listSigningKeys(db);
  if (rows.length === 0) {
    await addSigningKey(db, dataKeys, now);
    rows = await listSigningKeys(db);
  }
  return rows.map((r) => JSON.parse(decrypt(dataKeys, r.privateJwkEnc)) as JWK);
}

async function addSigningKey(db: Db, dataKeys: DataKey[], now: Date): Promise<string> {
  const jwk = newSigningJwk();
  const kid = jwk.kid as string;
  await insertSigningKey(db, { kid, privateJwkEnc: encrypt(dataKeys, JSON.stringify(jwk)), createdAt: now });
  return kid;
}

export interface KeyRotation {
  /** The key that signs from now on. */
  active: string;
  /** Keys still published so tokens they signed keep verifying. */
  verifying: string[];
  /** Keys removed: tokens they signed no longer verify. */
  retired: string[];
}

/**
 * `cardnavi oidc rotate-keys`: a new key signs from now on; the previous one stays published (ID tokens it
 * signed still verify) and any older key is retired. A running server picks the change up within a minute.
 */
export async function rotateSigningKeys(db: Db, dataKeys: DataKey[], now: Date): Promise<KeyRotation> {
  const active = await addSigningKey(db, dataKeys, now);
  const rows = await listSigningKeys(db);
  const kept = rows.slice(0, KEYS_KEPT).map((r) => r.kid);
  const retired = rows.slice(KEYS_KEPT).map((r) => r.kid);
  await deleteSigningKeys(db, retired);
  return { active, verifying: kept.filter((k) => k !== active), retired };
}
