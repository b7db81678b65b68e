import { monthOf } from '../cards/billing.ts';
import type { LineKind, PaymentMethod, SpendingCategory } from './categories.ts';

/**
 * The money of a statement, in integer yen. Rounding rules (stated here, in docs/STATEMENTS.md and in the
 * help center; every one is covered by a hand-computed table in breakdown.test.ts):
 *
 * - Instalments (分割払い, equal-payment method 元利均等): the fee per ¥100 for N payments at the annual rate
 *   is 100 × (N·r / (1 − (1 + r)^−N) − 1) with r = rate / 12, rounded half up to 0.01 yen — the figure
 *   issuers publish in their fee tables (15.00%: 3 → 2.51, 6 → 4.42, 12 → 8.31). The fee for a line is
 *   principal × that figure / 100, rounded down to the yen. Principal and fee are each split into N equal
 *   parts rounded down; the remainders are added to the first instalment.
 * - Revolving (リボ払い, fixed amount): each statement bills min(balance, the monthly principal) of the
 *   revolving balance. The fee is the balance carried in from the previous statement × rate / 12, rounded
 *   down to the yen; new revolving usage carries no fee in the month it is made.
 * - One-time lines and the annual fee are billed as they are; refunds are negative one-time lines.
 */

export interface StatementLineInput {
  id: number;
  /** 'YYYY-MM-DD' */
  usedOn: string;
  merchant: string;
  amount: number;
  kind: LineKind;
  category: SpendingCategory;
  paymentMethod: PaymentMethod;
  instalments: number | null;
  points: number;
}

/** The fee per ¥100 for `count` equal payments, in hundredths of a yen (2.51 yen → 251). */
export function instalmentFeePer100(count: number, rateBasisPoints: number): number {
  if (rateBasisPoints === 0) return 0;
  const r = rateBasisPoints / 10_000 / 12;
  const factor = (count * r) / (1 - (1 + r) ** -count);
  // Rounded to 2 decimals of a yen as published; the tiny epsilon keeps x.xx5 from falling below by binary error.
  return Math.round((factor - 1) * 10_000 + 1e-9);
}

export interface InstalmentPlan {
  count: number;
  /** Total fee for the line. */
  fee: number;
  /** Principal of each instalment, first one first. */
  principals: number[];
  /** Fee of each instalment, first one first. */
  fees: number[];
}

/** Splits `total` into `count` parts rounded down, the remainder on the first part. */
function splitFirstTakesRemainder(total: number, count: number): number[] {
  const part = Math.floor(total / count);
  const parts = Array.from({ length: count }, () => part);
  parts[0] = total - part * (count - 1);
  return parts;
}

/** The instalment schedule of a line: fee and per-instalment principal and fee. */
export function instalmentPlan(principal: number, count: number, rateBasisPoints: number): InstalmentPlan {
  const fee = Math.floor((principal * instalmentFeePer100(count, rateBasisPoints)) / 10_000);
  return {
    count,
    fee,
    principals: splitFirstTakesRemainder(principal, count),
    fees: splitFirstTakesRemainder(fee, count),
  };
}

/** Months between two usage months 'YYYY-MM' (b − a). */
export function monthsBetween(a: string, b: string): number {
  const [ay, am] = a.split('-').map(Number) as [number, number];
  const [by, bm] = b.split('-').map(Number) as [number, number];
  return (by - ay) * 12 + (bm - am);
}

/** The revolving fee of one statement: the balance carried in × rate / 12, rounded down to the yen. */
export function revolvingFee(carried: number, rateBasisPoints: number): number {
  return Math.floor((Math.max(0, carried) * rateBasisPoints) / 120_000);
}

/** One statement of a schedule: which payment (1-based), principal, fee and what is left after it. */
export interface ScheduleRow {
  number: number;
  principal: number;
  fee: number;
  balanceAfter: number;
}

/** The statements an instalment plan bills, first one on the statement of the month of use. */
export function instalmentSchedule(plan: InstalmentPlan): ScheduleRow[] {
  let balance = plan.principals.reduce((a, b) => a + b, 0);
  return plan.principals.map((principal, i) => {
    balance -= principal;
    return { number: i + 1, principal, fee: plan.fees[i] ?? 0, balanceAfter: balance };
  });
}

/**
 * The statements that pay off `amount` on revolving if it were the only revolving balance and every statement
 * were paid as billed: the same rules as revolvingForMonth (min(balance, monthly principal) each statement,
 * the fee on the balance carried in, none in the month of use). What the member sees before changing a line.
 */
export function revolvingSchedule(
  amount: number,
  monthlyPrincipal: number,
  rateBasisPoints: number,
): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  let carried = 0;
  let balance = amount;
  for (let number = 1; balance > 0; number++) {
    const principal = Math.min(balance, monthlyPrincipal);
    const fee = revolvingFee(carried, rateBasisPoints);
    balance -= principal;
    rows.push({ number, principal, fee, balanceAfter: balance });
    carried = balance;
  }
  return rows;
}

export interface RevolvingMonth {
  /** Balance carried in from the previous statement (after its principal). */
  carried: number;
  /** Revolving usage made in this month. */
  added: number;
  principal: number;
  fee: number;
  /** Balance carried out to the next statement. */
  balanceAfter: number;
}

/**
 * The revolving part of usage month `month`'s statement, from every revolving line up to that month
 * (older months are simulated in order; the balance is assumed paid as billed).
 */
export function revolvingForMonth(
  lines: readonly Pick<StatementLineInput, 'usedOn' | 'amount'>[],
  month: string,
  monthlyPrincipal: number,
  rateBasisPoints: number,
): RevolvingMonth {
  const addedByMonth = new Map<string, number>();
  for (const line of lines) {
    const m = line.usedOn.slice(0, 7);
    if (m <= month) addedByMonth.set(m, (addedByMonth.get(m) ?? 0) + line.amount);
  }
  const first = [...addedByMonth.keys()].sort()[0];
  let carried = 0;
  const empty = { carried: 0, added: 0, principal: 0, fee: 0, balanceAfter: 0 };
  if (first === undefined) return empty;
  for (let m = first; ; m = monthOf(`${m}-01`, 1)) {
    const added = addedByMonth.get(m) ?? 0;
    const balance = carried + added;
    const principal = Math.max(0, Math.min(balance, monthlyPrincipal));
    const fee = revolvingFee(carried, rateBasisPoints);
    const result = { carried, added, principal, fee, balanceAfter: balance - principal };
    if (m === month) return result;
    carried = result.balanceAfter;
  }
}

export interface BilledLine extends StatementLineInput {
  /** For an instalment line: which payment this statement bills (1-based) and of how many. */
  instalment: { number: number; of: number } | null;
  /** Principal billed on this statement for this line (null for revolving: it is billed through the balance). */
  billed: number | null;
  /** Fee billed on this statement for this line (instalments). */
  fee: number;
  /** Whether the line was used in this month (its points count here) or is a later instalment. */
  usedThisMonth: boolean;
}

export interface BillingBreakdown {
  oneTime: number;
  revolvingPrincipal: number;
  revolvingFee: number;
  instalmentPrincipal: number;
  instalmentFee: number;
  annualFee: number;
  total: number;
  /** Revolving balance carried to the next statement. */
  revolvingBalanceAfter: number;
  /** Instalment principal still to be billed on later statements. */
  instalmentBalanceAfter: number;
}

export interface StatementMoney {
  lines: BilledLine[];
  breakdown: BillingBreakdown;
  /** Points earned by lines used this month. */
  pointsEarned: number;
}

/**
 * Bills usage month `month`: `monthLines` are the lines used in the month, `creditLines` every revolving and
 * instalment line used before it (only those still running count). Lines are returned in date order.
 */
export function billStatement(
  month: string,
  monthLines: readonly StatementLineInput[],
  creditLines: readonly StatementLineInput[],
  rules: { rateBasisPoints: number; revolvingMonthlyPrincipal: number },
): StatementMoney {
  const breakdown: BillingBreakdown = {
    oneTime: 0,
    revolvingPrincipal: 0,
    revolvingFee: 0,
    instalmentPrincipal: 0,
    instalmentFee: 0,
    annualFee: 0,
    total: 0,
    revolvingBalanceAfter: 0,
    instalmentBalanceAfter: 0,
  };
  const lines: BilledLine[] = [];
  let pointsEarned = 0;
  // The two lists may overlap (a month's own credit lines): each line counts once.
  const all = [...new Map([...creditLines, ...monthLines].map((l) => [l.id, l])).values()];
  for (const line of all) {
    const usedThisMonth = line.usedOn.slice(0, 7) === month;
    if (usedThisMonth) pointsEarned += line.points;
    if (line.paymentMethod === 'instalment' && line.instalments) {
      const index = monthsBetween(line.usedOn.slice(0, 7), month);
      if (index < 0 || index >= line.instalments) continue;
      const plan = instalmentPlan(line.amount, line.instalments, rules.rateBasisPoints);
      const billed = plan.principals[index] ?? 0;
      const fee = plan.fees[index] ?? 0;
      breakdown.instalmentPrincipal += billed;
      breakdown.instalmentFee += fee;
      breakdown.instalmentBalanceAfter += plan.principals.slice(index + 1).reduce((a, b) => a + b, 0);
      lines.push({
        ...line,
        instalment: { number: index + 1, of: line.instalments },
        billed,
        fee,
        usedThisMonth,
      });
    } else if (usedThisMonth && line.paymentMethod === 'revolving') {
      lines.push({ ...line, instalment: null, billed: null, fee: 0, usedThisMonth });
    } else if (usedThisMonth) {
      if (line.kind === 'annual_fee') breakdown.annualFee += line.amount;
      else breakdown.oneTime += line.amount;
      lines.push({ ...line, instalment: null, billed: line.amount, fee: 0, usedThisMonth });
    }
  }
  const revolving = revolvingForMonth(
    all.filter((l) => l.paymentMethod === 'revolving'),
    month,
    rules.revolvingMonthlyPrincipal,
    rules.rateBasisPoints,
  );
  breakdown.revolvingPrincipal = revolving.principal;
  breakdown.revolvingFee = revolving.fee;
  breakdown.revolvingBalanceAfter = revolving.balanceAfter;
  breakdown.total =
    breakdown.oneTime +
    breakdown.revolvingPrincipal +
    breakdown.revolvingFee +
    breakdown.instalmentPrincipal +
    breakdown.instalmentFee +
    breakdown.annualFee;
  lines.sort((a, b) => (a.usedOn === b.usedOn ? a.id - b.id : a.usedOn < b.usedOn ? -1 : 1));
  return { lines, breakdown, pointsEarned };
}
