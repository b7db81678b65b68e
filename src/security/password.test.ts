import { describe, expect, it } from 'vitest';
import { demoMembers } from '../demo/cast.ts';
import { checkPasswordPolicy, hashSecret, needsRehash, verifySecret } from './password.ts';

// NIST SP 800-63B-4 §3.1.1.2 and ASVS 5.0 V6.2: length only, no composition rules, block common passwords.
describe('checkPasswordPolicy', () => {
  it('requires 12 to 128 characters, counted as code points', () => {
    expect(checkPasswordPolicy('short-pass1', {})).toBe('too_short');
    expect(checkPasswordPolicy('桜'.repeat(12), {})).toBeNull();
    expect(checkPasswordPolicy('x'.repeat(129), {})).toBe('too_long');
    expect(checkPasswordPolicy('y'.repeat(128).replace(/^y/, 'q'), {})).toBeNull();
  });
  it('refuses common passwords, also with a trailing number', () => {
    expect(checkPasswordPolicy('passwordpassword', {})).toBe('common');
    expect(checkPasswordPolicy('1234567890123', {})).toBe('common');
    expect(checkPasswordPolicy('qwertyuiop2026!', {})).toBe('common');
  });
  it('refuses passwords that contain the user ID or the email local part', () => {
    expect(checkPasswordPolicy('my-taro0123-secret', { userId: 'taro0123' })).toBe('contains_user_id');
    expect(checkPasswordPolicy('hello-hanako-2026', { userId: 'x', email: 'hanako@example.jp' })).toBe(
      'contains_email',
    );
  });
  it('accepts every demo password (they are a contract)', () => {
    for (const m of demoMembers) expect(checkPasswordPolicy(m.password, {}), m.password).toBeNull();
  });
});

describe('argon2id hashing', () => {
  it('uses at least m=19456 KiB, t=2, p=1 and verifies', async () => {
    const hash = await hashSecret('a long phrase for my card');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifySecret(hash, 'a long phrase for my card')).toBe(true);
    expect(await verifySecret(hash, 'a long phrase for my car')).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });
  it('asks for a rehash of weaker or foreign hashes', () => {
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2g')).toBe(true);
    expect(needsRehash('$2b$10$abcdefghijklmnopqrstuv')).toBe(true);
  });
});
