import { describe, expect, it } from 'vitest';
import { usageNotificationsForm } from './schemas.ts';

/** Issue 12: the usage-notification amount a member types, read as whole yen (or refused) — a table. */
describe('usageNotificationsForm', () => {
  const cases: [string, Record<string, string>, number | null | 'refused'][] = [
    ['off by default (no checkbox)', {}, null],
    ['off ignores the amount', { minAmount: 'abc' }, null],
    ['plain digits', { enabled: 'on', minAmount: '10000' }, 10_000],
    ['commas', { enabled: 'on', minAmount: '10,000' }, 10_000],
    ['full-width digits and 円', { enabled: 'on', minAmount: '１０,０００円' }, 10_000],
    ['yen sign and spaces', { enabled: 'on', minAmount: ' ¥ 3000 ' }, 3_000],
    ['the smallest amount', { enabled: 'on', minAmount: '1' }, 1],
    ['the largest amount', { enabled: 'on', minAmount: '10000000' }, 10_000_000],
    ['one yen over the largest', { enabled: 'on', minAmount: '10000001' }, 'refused'],
    ['zero', { enabled: 'on', minAmount: '0' }, 'refused'],
    ['negative', { enabled: 'on', minAmount: '-500' }, 'refused'],
    ['a fraction', { enabled: 'on', minAmount: '999.5' }, 'refused'],
    ['Japanese units', { enabled: 'on', minAmount: '1万' }, 'refused'],
    ['empty while on', { enabled: 'on', minAmount: '' }, 'refused'],
    ['too long to read', { enabled: 'on', minAmount: '1'.repeat(21) }, 'refused'],
  ];
  for (const [name, fields, expected] of cases) {
    it(`${name} → ${expected}`, () => {
      const parsed = usageNotificationsForm.safeParse(fields);
      if (expected === 'refused') {
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues[0]?.path).toEqual(['minAmount']);
      } else expect(parsed.success && parsed.data.minAmount).toBe(expected);
    });
  }
});
