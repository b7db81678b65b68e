import { describe, expect, it } from 'vitest';
import { formatMoment, formatYen, plural } from './format.ts';
import { translate } from './index.ts';

const forms = {
  one: 'cards.enroll.wrongPin.remaining.one',
  other: 'cards.enroll.wrongPin.remaining.other',
} as const;

describe('plural', () => {
  it('says "1 more wrong try" and "2 more wrong tries" in English', () => {
    expect(translate('en', plural('en', 1, forms), { remaining: 1 })).toContain('1 more wrong try will');
    expect(translate('en', plural('en', 2, forms), { remaining: 2 })).toContain('2 more wrong tries will');
  });

  it('has no plural in Japanese', () => {
    expect(plural('ja', 1, forms)).toBe(forms.other);
    expect(plural('ja', 2, forms)).toBe(forms.other);
  });
});

describe('formatMoment', () => {
  it('shows a moment in the time zone it is given, not the server’s', () => {
    const at = new Date('2026-11-30T15:30:00Z');
    expect(formatMoment('en', at, 'Asia/Tokyo', 'minute')).toBe('1 Dec 2026, 00:30');
    expect(formatMoment('en', at, 'Europe/London', 'minute')).toBe('30 Nov 2026, 15:30');
    expect(formatMoment('ja', null, 'Asia/Tokyo')).toBe('—');
  });
});

describe('formatYen', () => {
  it('writes yen without decimals in both languages', () => {
    expect(formatYen('en', 12345)).toBe('¥12,345');
    expect(formatYen('ja', 12345)).toBe('￥12,345');
  });
});
