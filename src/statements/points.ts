import { isoDate, monthOf } from '../cards/billing.ts';
import type { LineKind } from './categories.ts';

/**
 * Points (DOMAIN.md): 1 point per ¥100 of eligible usage by default (POINTS_YEN_PER_POINT), counted per
 * transaction and rounded toward zero (¥1,280 → 12 points; a ¥1,050 refund takes back 10). The annual fee
 * earns nothing. The whole balance expires when no point has been earned for POINTS_EXPIRY_MONTHS months:
 * points last earned in November 2026 expire at the end of 30 November 2027 unless more are earned first.
 */

/** Points a line earns, computed once at import with the rate in force. */
export function pointsForLine(amount: number, kind: LineKind, yenPerPoint: number): number {
  if (kind !== 'purchase') return 0;
  return Math.trunc(amount / yenPerPoint) || 0;
}

/** The last day of the month 'YYYY-MM'. */
function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return isoDate(y, m + 1, 0);
}

/** The day the balance expires when `lastEarnedMonth` was the last month with points earned. */
export function pointsExpiryDate(lastEarnedMonth: string, expiryMonths: number): string {
  return lastDayOf(monthOf(`${lastEarnedMonth}-01`, expiryMonths));
}

export interface PointsEventInput {
  /** 'YYYY-MM-DD' */
  on: string;
  kind: 'used' | 'adjusted';
  /** Signed. */
  points: number;
  description: string;
}

export type PointsHistoryEntry =
  /** Points earned by a month's usage, dated at its last day (or today for the open month). */
  | { kind: 'earned'; on: string; month: string; points: number }
  | { kind: 'used' | 'adjusted'; on: string; points: number; description: string }
  /** The balance expired after a stretch without earning (derived, never stored). */
  | { kind: 'expired'; on: string; points: number };

export interface PointsLedger {
  balance: number;
  /** Newest first. */
  history: PointsHistoryEntry[];
  /** When the current balance expires if nothing more is earned, and how much. */
  nextExpiry: { on: string; points: number } | null;
}

/**
 * Walks earnings per usage month and point events in date order, applying the expiry rule between them.
 * `today` is 'YYYY-MM-DD'; nothing after it is counted.
 */
export function pointsLedger(
  earnedByMonth: readonly { month: string; points: number }[],
  events: readonly PointsEventInput[],
  today: string,
  expiryMonths: number,
): PointsLedger {
  type Step = PointsHistoryEntry & { order: number };
  const steps: Step[] = [];
  for (const e of earnedByMonth) {
    if (e.points === 0 || `${e.month}-01` > today) continue;
    const end = lastDayOf(e.month);
    steps.push({ kind: 'earned', on: end < today ? end : today, month: e.month, points: e.points, order: 0 });
  }
  for (const e of events) {
    if (e.on > today) continue;
    steps.push({ ...e, order: 1 });
  }
  steps.sort((a, b) => (a.on === b.on ? a.order - b.order : a.on < b.on ? -1 : 1));

  const history: PointsHistoryEntry[] = [];
  let balance = 0;
  let lastEarned: string | null = null;
  const expireBefore = (day: string) => {
    if (lastEarned === null || balance <= 0) return;
    const expiry = pointsExpiryDate(lastEarned, expiryMonths);
    if (expiry < day) {
      history.push({ kind: 'expired', on: expiry, points: -balance });
      balance = 0;
    }
  };
  for (const { order: _order, ...step } of steps) {
    expireBefore(step.on);
    balance += step.points;
    if (step.kind === 'earned' && step.points > 0) lastEarned = step.month;
    history.push(step);
  }
  expireBefore(today);
  const nextExpiry =
    lastEarned !== null && balance > 0
      ? { on: pointsExpiryDate(lastEarned, expiryMonths), points: balance }
      : null;
  return { balance, history: history.reverse(), nextExpiry };
}
