import { describe, expect, it } from 'vitest';
import { availableCredit, billingPeriods, paymentDateFor, todayIn } from './billing.ts';

// DOMAIN.md: closing at month end, payment on the 27th of the next month; weekend → next business day.
describe('paymentDateFor', () => {
  it('pays on the 27th of the next month on a weekday', () => {
    expect(paymentDateFor(2026, 10)).toBe('2026-11-27'); // Friday
    expect(paymentDateFor(2026, 12)).toBe('2027-01-27'); // across the year end, Wednesday
  });

  it('moves a Sunday 27th to Monday the 28th', () => {
    expect(paymentDateFor(2026, 11)).toBe('2026-12-28');
  });

  it('moves a Saturday 27th to Monday the 29th', () => {
    expect(paymentDateFor(2027, 1)).toBe('2027-03-01'); // 27 Feb 2027 is a Saturday; February has 28 days
    expect(paymentDateFor(2026, 5)).toBe('2026-06-29');
  });
});

describe('billingPeriods', () => {
  it('bills last month this month and counts it unpaid until the payment date', () => {
    expect(billingPeriods('2026-11-10')).toEqual({
      billedFrom: '2026-10-01',
      billedTo: '2026-11-01',
      paymentDate: '2026-11-27',
      unbilledFrom: '2026-11-01',
      billedStillUnpaid: true,
    });
    expect(billingPeriods('2026-11-28').billedStillUnpaid).toBe(false);
    expect(billingPeriods('2027-01-05').billedFrom).toBe('2026-12-01');
  });
});

describe('availableCredit', () => {
  it('is the limit minus unpaid billed and unbilled usage, never negative', () => {
    expect(availableCredit(500_000, 37_000, 12_000)).toBe(451_000);
    expect(availableCredit(100_000, 90_000, 20_000)).toBe(0);
    expect(availableCredit(100_000, -5_000, 0)).toBe(100_000);
  });
});

describe('todayIn', () => {
  it('uses the calendar day of the contact center time zone', () => {
    expect(todayIn(new Date('2026-11-30T15:30:00Z'), 'Asia/Tokyo')).toBe('2026-12-01');
  });
});
