import { describe, expect, it } from 'vitest';
import { auditRowHash, canonicalJson, GENESIS_HASH } from './audit.ts';

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, at every level (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('writes dates as ISO strings and drops undefined values, as a round trip through jsonb does', () => {
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.678Z'), gone: undefined })).toBe(
      '{"at":"2026-01-02T03:04:05.678Z"}',
    );
  });
});

describe('auditRowHash', () => {
  const row = {
    id: 1,
    at: new Date('2026-11-28T00:00:00Z'),
    staff_id: 3,
    action: 'card.unlock_start_pin',
    member_id: 7,
    card_id: 9,
    before: { failures: 5 },
    after: { failures: 0 },
    reason: null,
    prev_hash: GENESIS_HASH,
  };

  it('changes when any field or the previous hash changes', () => {
    const base = auditRowHash(row);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    for (const changed of [
      { ...row, id: 2 },
      { ...row, at: new Date('2026-11-28T00:00:01Z') },
      { ...row, staff_id: 4 },
      { ...row, action: 'member.unlock_login' },
      { ...row, member_id: 8 },
      { ...row, card_id: null },
      { ...row, before: { failures: 4 } },
      { ...row, after: { failures: 1 } },
      { ...row, reason: 'x' },
      { ...row, prev_hash: 'f'.repeat(64) },
    ])
      expect(auditRowHash(changed)).not.toBe(base);
  });
});
