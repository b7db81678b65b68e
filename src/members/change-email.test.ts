import { describe, expect, it } from 'vitest';
import { maskEmail } from './change-email.ts';

describe('maskEmail', () => {
  it('keeps the first letter and the domain only', () => {
    expect(maskEmail('hanako.new@example.jp')).toBe('h***@example.jp');
    expect(maskEmail('not-an-email')).toBe('***');
  });
});
