import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decrypt, encrypt } from './data-keys.ts';

describe('AES-256-GCM under key ids (PCI DSS 3.5.1)', () => {
  const k1 = { kid: 'k1', key: randomBytes(32) };
  const k2 = { kid: 'k2', key: randomBytes(32) };

  it('decrypts with whichever configured key encrypted, so keys can rotate', () => {
    const old = encrypt([k1], '4980123456789011');
    expect(old).not.toContain('4980123456789011');
    expect(decrypt([k2, k1], old)).toBe('4980123456789011');
    expect(encrypt([k2, k1], 'x').startsWith('k2.')).toBe(true);
  });

  it('refuses a tampered ciphertext or an unknown key id', () => {
    const sealed = encrypt([k1], 'secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => decrypt([k1], parts.join('.'))).toThrow();
    expect(() => decrypt([k2], sealed)).toThrow(/unknown key id/);
  });
});
