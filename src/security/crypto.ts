import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

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
