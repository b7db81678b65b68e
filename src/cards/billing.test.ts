import { describe, expect, it } from 'vitest';
import {
  availableCredit,
  isBankHoliday,
  nextBankBusinessDay,
  paymentDateFor,
  paymentDateOfMonth,
  statementFinalDate,
  statementStatus,
  todayIn,
} from './billing.ts';

// DOMAIN.md: closing at month end, payment on the 27th of the next month, moved to the next bank business
// day over weekends, Japanese public holidays and the year-end closure (31 Dec–3 Jan).
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

describe('payment dates 2026–2028 (usage month → payment day)', () => {
  // Hand-checked against a calendar. In these three years no 27th is a public holiday or inside the
  // year-end closure; only weekends move the day. The holiday and closure cases follow below.
  const table: [string, string][] = [
    ['2025-12', '2026-01-27'],
    ['2026-01', '2026-02-27'],
    ['2026-02', '2026-03-27'],
    ['2026-03', '2026-04-27'],
    ['2026-04', '2026-05-27'],
    ['2026-05', '2026-06-29'],
    ['2026-06', '2026-07-27'],
    ['2026-07', '2026-08-27'],
    ['2026-08', '2026-09-28'],
    ['2026-09', '2026-10-27'],
    ['2026-10', '2026-11-27'],
    ['2026-11', '2026-12-28'],
    ['2026-12', '2027-01-27'],
    ['2027-01', '2027-03-01'],
    ['2027-02', '2027-03-29'],
    ['2027-03', '2027-04-27'],
    ['2027-04', '2027-05-27'],
    ['2027-05', '2027-06-28'],
    ['2027-06', '2027-07-27'],
    ['2027-07', '2027-08-27'],
    ['2027-08', '2027-09-27'],
    ['2027-09', '2027-10-27'],
    ['2027-10', '2027-11-29'],
    ['2027-11', '2027-12-27'],
    ['2027-12', '2028-01-27'],
    ['2028-01', '2028-02-28'],
    ['2028-02', '2028-03-27'],
    ['2028-03', '2028-04-27'],
    ['2028-04', '2028-05-29'],
    ['2028-05', '2028-06-27'],
    ['2028-06', '2028-07-27'],
    ['2028-07', '2028-08-28'],
    ['2028-08', '2028-09-27'],
    ['2028-09', '2028-10-27'],
    ['2028-10', '2028-11-27'],
    ['2028-11', '2028-12-27'],
  ];
  it.each(table)('usage of %s is paid on %s', (month, payment) => {
    expect(paymentDateOfMonth(month)).toBe(payment);
  });
});

describe('bank business days', () => {
  it('skips a public holiday that follows a weekend 27th (Showa Day)', () => {
    // 27 Apr 2024 Saturday, 28 Sunday, 29 Showa Day (Monday) → Tuesday 30th.
    expect(paymentDateFor(2024, 3)).toBe('2024-04-30');
    // 27 Apr 2030 Saturday, 28 Sunday, 29 Showa Day → 30th.
    expect(paymentDateFor(2030, 3)).toBe('2030-04-30');
  });

  it('treats public holidays, substitute holidays and citizens’ holidays as closed', () => {
    expect(isBankHoliday('2026-11-03')).toBe(true); // Culture Day, Tuesday
    expect(isBankHoliday('2026-05-06')).toBe(true); // substitute holiday, Wednesday
    expect(isBankHoliday('2026-09-22')).toBe(true); // citizens' holiday between two holidays, Tuesday
    expect(isBankHoliday('2026-11-04')).toBe(false);
  });

  it('keeps banks closed from 31 December to 3 January, weekday or not', () => {
    // 2026-12-31 Thursday … 2027-01-03 Sunday → Monday 4 January 2027.
    expect(nextBankBusinessDay('2026-12-31')).toBe('2027-01-04');
    // 2027-12-31 Friday, 2028-01-01 holiday, 01-02/03 Sunday/Monday closure → Tuesday 4 January 2028.
    expect(nextBankBusinessDay('2027-12-31')).toBe('2028-01-04');
    // 2028-12-30 Saturday → closure to 3 January 2029 (Wednesday) → Thursday 4 January 2029.
    expect(nextBankBusinessDay('2028-12-30')).toBe('2029-01-04');
    expect(isBankHoliday('2027-01-02')).toBe(true);
    expect(isBankHoliday('2026-12-30')).toBe(false); // Wednesday, banks open
  });

  it('leaves an open banking day as it is', () => {
    expect(nextBankBusinessDay('2026-11-27')).toBe('2026-11-27');
  });
});

// DOMAIN.md month lifecycle: closed at month end; final (確定) on a configured day of the next month.
describe('statementStatus', () => {
  it.each([
    ['2026-11', '2026-11-01', 12, 'open'],
    ['2026-11', '2026-11-30', 12, 'open'],
    ['2026-11', '2026-12-01', 12, 'closed'],
    ['2026-11', '2026-12-11', 12, 'closed'],
    ['2026-11', '2026-12-12', 12, 'final'],
    ['2026-12', '2027-01-12', 12, 'final'],
    ['2026-12', '2027-01-09', 10, 'closed'],
    ['2026-12', '2027-01-10', 10, 'final'],
    ['2027-01', '2026-12-20', 12, 'open'],
  ] as const)('usage month %s seen on %s (final on day %i) is %s', (month, today, day, status) => {
    expect(statementStatus(month, today, day)).toBe(status);
  });

  it('is final from the configured day of the next month', () => {
    expect(statementFinalDate('2026-12', 12)).toBe('2027-01-12');
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
