import { describe, expect, it } from 'vitest';
import { maskEmail } from './mask.ts';

describe('maskEmail', () => {
  it('keeps the first letter and the domain only', () => {
    expect(maskEmail('hanako@example.jp')).toBe('h***@example.jp');
    expect(maskEmail('a@b.jp')).toBe('a***@b.jp');
    expect(maskEmail('not-an-email')).toBe('***');
  });
});
