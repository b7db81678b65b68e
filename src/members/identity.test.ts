import { describe, expect, it } from 'vitest';
import { isUserIdShape, looksSwapped, normaliseIdentifier } from './identity.ts';

describe('normaliseIdentifier', () => {
  it('folds full-width input from a Japanese keyboard and letter case to the stored form', () => {
    expect(normaliseIdentifier('ＨＡＮＡＫＯ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('hanako@example.jp');
    expect(normaliseIdentifier('  Taro0123 ')).toBe('taro0123');
  });
});

describe('isUserIdShape', () => {
  it('accepts 6–64 half-width letters, digits, dot, underscore, hyphen, or an email', () => {
    expect(isUserIdShape('taro0123')).toBe(true);
    expect(isUserIdShape('a.b_c-d')).toBe(true);
    expect(isUserIdShape('hanako@example.jp')).toBe(true);
  });
  it('refuses short IDs, spaces and other characters', () => {
    expect(isUserIdShape('abc12')).toBe(false);
    expect(isUserIdShape('taro 0123')).toBe(false);
    expect(isUserIdShape('たろう0123')).toBe(false);
    expect(isUserIdShape('a'.repeat(65))).toBe(false);
  });
});

describe('looksSwapped (DOMAIN.md cause 1)', () => {
  it('hints when the ID field holds a password-like string and the password field an ID', () => {
    expect(looksSwapped('fuji san 3776!', 'taro0123')).toBe(true);
    expect(looksSwapped('my pass phrase', 'hanako@example.jp')).toBe(true);
  });
  it('does not hint for ordinary input or an empty ID field', () => {
    expect(looksSwapped('taro0123', 'fuji-san-3776m')).toBe(false);
    expect(looksSwapped('', 'taro0123')).toBe(false);
    expect(looksSwapped('my pass phrase', 'short')).toBe(false);
  });
});
