import {
  monthOf,
  paymentDateOfMonth,
  type StatementStatus,
  statementFinalDate,
  statementStatus,
  todayIn,
} from '../cards/billing.ts';
import type { CardBrand, CardStatus } from '../cards/tables.ts';
import type { Executor } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import {
  type BilledLine,
  type BillingBreakdown,
  billStatement,
  type StatementLineInput,
} from './breakdown.ts';
import type { SpendingCategory } from './categories.ts';
import { type PointsLedger, pointsLedger } from './points.ts';
import {
  findStatementCards,
  findStatementPayment,
  listCreditLinesBefore,
  listLinesBetween,
  listPointEvents,
  listStatementPayments,
  recordPointEvent,
  sumPointsByMonth,
  sumPurchasesByCategory,
  sumPurchasesByMonth,
} from './repository.ts';

/** Closed statements kept for members (DOMAIN.md: 15 months), plus the open month. */
export const STATEMENT_MONTHS = 15;
/** Months in the spending chart. */
export const SPENDING_MONTHS = 12;

export interface StatementCard {
  id: number;
  last4: string;
  brand: CardBrand;
  status: CardStatus;
  holderName: string;
}

export interface StatementPayment {
  /** Paid (with the day and amount), not yet due, or due and unpaid. */
  state: 'paid' | 'not_due' | 'unpaid';
  paidOn: string | null;
  amount: number | null;
}

export interface Statement {
  card: StatementCard;
  /** 'YYYY-MM', the usage month. */
  month: string;
  status: StatementStatus;
  finalDate: string;
  paymentDate: string;
  payment: StatementPayment;
  lines: BilledLine[];
  breakdown: BillingBreakdown;
  pointsEarned: number;
}

/** Why a statement cannot be shown: the member has no enrolled card, or the month/card is not theirs or out of range. */
export type StatementFailure = Failure<'no_card' | 'statement_not_found'>;

/** 'YYYY-MM' of a real month. */
export function isStatementMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** The months a member can open on `today`: the open month first, then the last 15 closed months. */
export function statementMonths(today: string): string[] {
  return Array.from({ length: STATEMENT_MONTHS + 1 }, (_, i) => monthOf(today, -i));
}

/** The member's card to show: the one asked for if it is theirs (enrolled), else their first enrolled card. */
async function chooseCard(deps: AppDeps, memberId: number, cardId: number | undefined) {
  const cards = (await findStatementCards(deps.db, memberId)).map(
    (c): StatementCard => ({
      id: c.id,
      last4: c.last4,
      brand: c.brand,
      status: c.status,
      holderName: c.holder_name,
    }),
  );
  if (cardId !== undefined) return { card: cards.find((c) => c.id === cardId), cards };
  return { card: cards.find((c) => c.status === 'active') ?? cards[0], cards };
}

function paymentState(
  payment: { paid_on: string; amount: number } | undefined,
  paymentDate: string,
  today: string,
): StatementPayment {
  if (payment) return { state: 'paid', paidOn: payment.paid_on, amount: payment.amount };
  return { state: today <= paymentDate ? 'not_due' : 'unpaid', paidOn: null, amount: null };
}

/**
 * One usage month's statement of one of the member's own cards: every line, status, billing breakdown,
 * payment date and whether it was paid. A card that is not the member's, or a month outside the last
 * 15 months and the open one, is `statement_not_found` (the caller answers 404, never "someone else's").
 */
export async function loadStatement(
  deps: AppDeps,
  memberId: number,
  month: string,
  cardId?: number,
): Promise<{ ok: true; statement: Statement; cards: StatementCard[] } | StatementFailure> {
  const { db, config, now } = deps;
  const { card, cards } = await chooseCard(deps, memberId, cardId);
  if (cards.length === 0) return { ok: false, code: 'no_card' };
  const today = todayIn(now(), config.contact.timeZone);
  if (!card || !isStatementMonth(month) || !statementMonths(today).includes(month))
    return { ok: false, code: 'statement_not_found' };
  const from = `${month}-01`;
  const to = `${monthOf(from, 1)}-01`;
  const [monthLines, creditLines, payment] = await Promise.all([
    listLinesBetween(db, card.id, from, to),
    listCreditLinesBefore(db, card.id, from),
    findStatementPayment(db, card.id, from),
  ]);
  const money = billStatement(month, monthLines, creditLines, {
    rateBasisPoints: config.statements.feeRateBasisPoints,
    revolvingMonthlyPrincipal: config.statements.revolvingMonthlyPrincipal,
  });
  const paymentDate = paymentDateOfMonth(month);
  return {
    ok: true,
    cards,
    statement: {
      card,
      month,
      status: statementStatus(month, today, config.statements.finalDay),
      finalDate: statementFinalDate(month, config.statements.finalDay),
      paymentDate,
      payment: paymentState(payment, paymentDate, today),
      ...money,
    },
  };
}

export interface StatementMonthSummary {
  month: string;
  status: StatementStatus;
  finalDate: string;
  paymentDate: string;
  /** Purchases in the month (the chart's figure; the billed amount is on the month's page). */
  purchases: number;
  count: number;
  payment: StatementPayment;
}

export interface SpendingOverview {
  /** The last 12 months up to the selected one, oldest first (months without usage are 0). */
  byMonth: { month: string; total: number }[];
  /** The selected month by category, largest first. */
  byCategory: { category: SpendingCategory; total: number }[];
}

/** The month picker: the open month and the last 15 closed months, newest first. */
export async function listStatementMonths(
  deps: AppDeps,
  memberId: number,
  cardId?: number,
): Promise<
  | { ok: true; card: StatementCard; cards: StatementCard[]; months: StatementMonthSummary[] }
  | StatementFailure
> {
  const { db, config, now } = deps;
  const { card, cards } = await chooseCard(deps, memberId, cardId);
  if (cards.length === 0) return { ok: false, code: 'no_card' };
  if (!card) return { ok: false, code: 'statement_not_found' };
  const today = todayIn(now(), config.contact.timeZone);
  const months = statementMonths(today);
  const oldest = `${months.at(-1)}-01`;
  const [usage, payments] = await Promise.all([
    sumPurchasesByMonth(db, card.id, oldest, `${monthOf(today, 1)}-01`),
    listStatementPayments(db, card.id, oldest),
  ]);
  const usageOf = new Map(usage.map((u) => [u.month, u]));
  const paymentOf = new Map(payments.map((p) => [p.month.slice(0, 7), p]));
  return {
    ok: true,
    card,
    cards,
    months: months.map((month) => {
      const paymentDate = paymentDateOfMonth(month);
      return {
        month,
        status: statementStatus(month, today, config.statements.finalDay),
        finalDate: statementFinalDate(month, config.statements.finalDay),
        paymentDate,
        purchases: usageOf.get(month)?.total ?? 0,
        count: usageOf.get(month)?.count ?? 0,
        payment: paymentState(paymentOf.get(month), paymentDate, today),
      };
    }),
  };
}

/** The first day of the spending chart's oldest month and the day after `month` ('YYYY-MM'). */
function spendingRange(month: string) {
  return {
    first: `${monthOf(`${month}-01`, -(SPENDING_MONTHS - 1))}-01`,
    end: `${monthOf(`${month}-01`, 1)}-01`,
  };
}

/** The chart's 12 months (months without usage are 0) from the month totals the repository gives. */
function spendingOf(
  first: string,
  byMonthRows: { month: string; total: number }[],
  byCategory: SpendingOverview['byCategory'],
): SpendingOverview {
  const totals = new Map(byMonthRows.map((r) => [r.month, r.total]));
  const byMonth = Array.from({ length: SPENDING_MONTHS }, (_, i) => {
    const m = monthOf(first, i);
    return { month: m, total: totals.get(m) ?? 0 };
  });
  return { byMonth, byCategory };
}

/** Spending per month for the 12 months ending with `month`, and by category for `month` (one card). */
export async function loadSpending(deps: AppDeps, cardId: number, month: string): Promise<SpendingOverview> {
  const { db } = deps;
  const { first, end } = spendingRange(month);
  const [byMonthRows, byCategory] = await Promise.all([
    sumPurchasesByMonth(db, cardId, first, end),
    sumPurchasesByCategory(db, cardId, `${month}-01`, end),
  ]);
  return spendingOf(first, byMonthRows, byCategory);
}

type PointEventRow = { occurred_on: string; kind: 'used' | 'adjusted'; points: number; description: string };

function ledgerFrom(
  earned: { month: string; points: number }[],
  events: PointEventRow[],
  today: string,
  expiryMonths: number,
) {
  return pointsLedger(
    earned,
    events.map((e) => ({ on: e.occurred_on, kind: e.kind, points: e.points, description: e.description })),
    today,
    expiryMonths,
  );
}

/** The points ledger of one card as of `today`. */
async function ledgerOf(db: Executor, cardId: number, today: string, expiryMonths: number) {
  // One after the other: inside a transaction the connection serves one query at a time.
  const earned = await sumPointsByMonth(db, cardId);
  const events = await listPointEvents(db, cardId);
  return ledgerFrom(earned, events, today, expiryMonths);
}

function pointsOfCard(deps: AppDeps, cardId: number, today: string): Promise<PointsLedger> {
  return ledgerOf(deps.db, cardId, today, deps.config.points.expiryMonths);
}

/** Description of the points event that forfeits a balance at withdrawal (shown in both languages). */
export const FORFEIT_DESCRIPTION = '会員ID退会による失効 / Forfeited when the member ID was withdrawn';

/**
 * Withdrawal: the points on these cards are lost with the membership. Each card's balance is written off by
 * an 'adjusted' points event, in the caller's transaction, so a later member ID enrolling the card starts at 0.
 */
export async function forfeitPointsOfCards(
  db: Executor,
  cardIds: readonly number[],
  when: { today: string; expiryMonths: number; at: Date },
): Promise<void> {
  for (const cardId of cardIds) {
    const { balance } = await ledgerOf(db, cardId, when.today, when.expiryMonths);
    if (balance <= 0) continue;
    await recordPointEvent(db, {
      cardId,
      on: when.today,
      kind: 'adjusted',
      points: -balance,
      description: FORFEIT_DESCRIPTION,
      externalId: `forfeit-${cardId}-${when.at.getTime()}`,
    });
  }
}

export interface CardOverview {
  /** The newest closed month's statement: this month's bill. */
  bill: {
    month: string;
    total: number;
    paymentDate: string;
    payment: StatementPayment;
    /** Revolving and instalment principal billed on later statements. */
    laterPrincipal: number;
  };
  points: { balance: number; nextExpiry: PointsLedger['nextExpiry'] };
  spending: SpendingOverview;
}

/** The days the dashboard's overview reads on `today`: the bill's month [from, to) and the chart's first day. */
export function cardOverviewRange(today: string) {
  const month = monthOf(today, -1);
  return {
    month,
    from: `${month}-01`,
    to: `${monthOf(today, 0)}-01`,
    spendingFrom: spendingRange(month).first,
  };
}

/** What the overview is computed from: one card's rows over cardOverviewRange (portal/repository.ts reads them). */
export interface CardOverviewRows {
  monthLines: StatementLineInput[];
  creditLines: StatementLineInput[];
  payment: { paid_on: string; amount: number } | undefined;
  pointsEarned: { month: string; points: number }[];
  pointEvents: PointEventRow[];
  spendingByMonth: { month: string; total: number }[];
  spendingByCategory: SpendingOverview['byCategory'];
}

/** What the dashboard shows of statements: this month's bill, the points balance and the spending charts. */
export function cardOverviewOf(deps: AppDeps, today: string, rows: CardOverviewRows): CardOverview {
  const { config } = deps;
  const { month, spendingFrom } = cardOverviewRange(today);
  const { breakdown } = billStatement(month, rows.monthLines, rows.creditLines, {
    rateBasisPoints: config.statements.feeRateBasisPoints,
    revolvingMonthlyPrincipal: config.statements.revolvingMonthlyPrincipal,
  });
  const ledger = ledgerFrom(rows.pointsEarned, rows.pointEvents, today, config.points.expiryMonths);
  const paymentDate = paymentDateOfMonth(month);
  return {
    bill: {
      month,
      total: breakdown.total,
      paymentDate,
      payment: paymentState(rows.payment, paymentDate, today),
      laterPrincipal: breakdown.revolvingBalanceAfter + breakdown.instalmentBalanceAfter,
    },
    points: { balance: ledger.balance, nextExpiry: ledger.nextExpiry },
    spending: spendingOf(spendingFrom, rows.spendingByMonth, rows.spendingByCategory),
  };
}

/** The member's points on one of their cards: balance, history (newest first), next expiry. */
export async function loadPoints(
  deps: AppDeps,
  memberId: number,
  cardId?: number,
): Promise<
  { ok: true; card: StatementCard; cards: StatementCard[]; ledger: PointsLedger } | StatementFailure
> {
  const { config, now } = deps;
  const { card, cards } = await chooseCard(deps, memberId, cardId);
  if (cards.length === 0) return { ok: false, code: 'no_card' };
  if (!card) return { ok: false, code: 'statement_not_found' };
  const ledger = await pointsOfCard(deps, card.id, todayIn(now(), config.contact.timeZone));
  return { ok: true, card, cards, ledger };
}
