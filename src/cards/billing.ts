import { dateTimeFormat } from '../i18n/intl.ts';

/**
 * Billing calendar (DOMAIN.md): usage closes at the end of each month and is paid on the 27th of the next
 * month, moved to the next business day when the 27th is a Saturday or Sunday. Japanese public holidays
 * are not applied (the issuer's bank calendar would be the source; see docs/CARDS.md).
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' from calendar parts (month 1–12, overflow allowed). */
export function isoDate(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The calendar day of `now` in a time zone, as 'YYYY-MM-DD'. */
export function todayIn(now: Date, timeZone: string): string {
  return dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The payment day for usage closed at the end of (year, month): the 27th of the next month, weekend → Monday. */
export function paymentDateFor(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 27));
  const weekday = d.getUTCDay();
  if (weekday === 6) d.setUTCDate(d.getUTCDate() + 2);
  if (weekday === 0) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** First day of the month `offset` months from the month of `day`. */
export function monthStart(day: string, offset = 0): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return isoDate(y, m + offset, 1);
}

export interface BillingPeriods {
  /** The closed month billed this month: [from, to) */
  billedFrom: string;
  billedTo: string;
  /** When this month's bill is paid. */
  paymentDate: string;
  /** Usage from here on is not billed yet. */
  unbilledFrom: string;
  /** Whether this month's bill still counts against the limit (paid on the payment date). */
  billedStillUnpaid: boolean;
}

/** The billing periods seen on `today`: last month's usage is this month's bill. */
export function billingPeriods(today: string): BillingPeriods {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const paymentDate = paymentDateFor(y, m - 1);
  return {
    billedFrom: monthStart(today, -1),
    billedTo: monthStart(today, 0),
    paymentDate,
    unbilledFrom: monthStart(today, 0),
    billedStillUnpaid: today <= paymentDate,
  };
}

/** Available credit: the limit minus unpaid billed and unbilled usage, never below zero. */
export function availableCredit(limit: number, unpaidBilled: number, unbilled: number): number {
  return Math.max(0, limit - Math.max(0, unpaidBilled) - Math.max(0, unbilled));
}
