import holidayJp from '@holiday-jp/holiday_jp';
import { dateTimeFormat } from '../i18n/format.ts';

/**
 * Billing calendar (DOMAIN.md): usage closes at the end of each month and is paid on the 27th of the next
 * month, moved to the next bank business day. Bank holidays are weekends, Japanese public holidays (from the
 * maintained `@holiday-jp/holiday_jp` dataset, which includes substitute and citizens' holidays) and the
 * banks' year-end closure from 31 December to 3 January.
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

/** The calendar day of the payment for usage closed at the end of a month, before moving to a business day. */
export const PAYMENT_DAY = 27;

/** Whether banks are closed on a day 'YYYY-MM-DD': weekend, Japanese public holiday or 31 Dec–3 Jan. */
export function isBankHoliday(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  if (weekday === 0 || weekday === 6) return true;
  if ((m === 12 && d === 31) || (m === 1 && d <= 3)) return true;
  return day in holidayJp.holidays;
}

/** The day itself when banks are open, otherwise the next day they are. */
export function nextBankBusinessDay(day: string): string {
  let current = day;
  while (isBankHoliday(current)) current = addDays(current, 1);
  return current;
}

/** 'YYYY-MM-DD' plus a number of days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return isoDate(y, m, d + days);
}

/** The payment day for usage closed at the end of (year, month): the 27th of the next month, or the next bank business day. */
export function paymentDateFor(year: number, month: number): string {
  return nextBankBusinessDay(isoDate(year, month + 1, PAYMENT_DAY));
}

/** First day of the month `offset` months from the month of `day`. */
export function monthStart(day: string, offset = 0): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return isoDate(y, m + offset, 1);
}

/** Available credit: the limit minus unpaid billed and unbilled usage, never below zero. */
export function availableCredit(limit: number, unpaidBilled: number, unbilled: number): number {
  return Math.max(0, limit - Math.max(0, unpaidBilled) - Math.max(0, unbilled));
}

/** 'YYYY-MM' of a day 'YYYY-MM-DD', or the month `offset` months away. */
export function monthOf(day: string, offset = 0): string {
  return monthStart(day, offset).slice(0, 7);
}

/**
 * Where a usage month stands on `today` (DOMAIN.md month lifecycle):
 * - `open`: the month has not ended, lines are still being added (未確定);
 * - `closed`: the month has ended but its statement is not final before `finalDay` of the next month (未確定);
 * - `final`: from `finalDay` of the next month on, the statement is final (確定).
 */
export type StatementStatus = 'open' | 'closed' | 'final';

/** The day a usage month's statement becomes final: `finalDay` of the next month. */
export function statementFinalDate(month: string, finalDay: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return isoDate(y, m + 1, finalDay);
}

/** The status of usage month 'YYYY-MM' seen on `today` ('YYYY-MM-DD'). */
export function statementStatus(month: string, today: string, finalDay: number): StatementStatus {
  if (today < monthStart(`${month}-01`, 1)) return 'open';
  return today < statementFinalDate(month, finalDay) ? 'closed' : 'final';
}

/** The payment date of usage month 'YYYY-MM'. */
export function paymentDateOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return paymentDateFor(y, m);
}
