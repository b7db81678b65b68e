import { sql } from 'kysely';
import type { Executor } from '../db/schema.ts';
import type { StatementLineInput } from './breakdown.ts';
import type { SpendingCategory } from './categories.ts';

/**
 * SQL of statements, spending and points. Every query starts from one card id and is an index scan
 * (migration 0010 names the index of each); a member reaches a card only through their own enrollment.
 */

/** A member's enrolled cards (card_enrollments_member_idx), oldest enrollment first. Never the full number. */
export function findStatementCards(db: Executor, memberId: number) {
  return db
    .selectFrom('card_enrollments as e')
    .innerJoin('cards as c', 'c.id', 'e.card_id')
    .select(['c.id', 'c.last4', 'c.brand', 'c.status', 'c.holder_name'])
    .where('e.member_id', '=', memberId)
    .orderBy('e.enrolled_at')
    .orderBy('c.id')
    .execute();
}

const lineColumns = [
  'id',
  'used_on',
  'merchant',
  'amount',
  'kind',
  'category',
  'payment_method',
  'instalments',
  'points',
] as const;

type LineRow = {
  id: number;
  used_on: string;
  merchant: string;
  amount: number;
  kind: StatementLineInput['kind'];
  category: StatementLineInput['category'];
  payment_method: StatementLineInput['paymentMethod'];
  instalments: number | null;
  points: number;
};

export function toLine(row: LineRow): StatementLineInput {
  return {
    id: Number(row.id),
    usedOn: row.used_on,
    merchant: row.merchant,
    amount: row.amount,
    kind: row.kind,
    category: row.category,
    paymentMethod: row.payment_method,
    instalments: row.instalments,
    points: row.points,
  };
}

/** Lines used in [from, to) (card_transactions_card_day_idx range), in date order. */
export function linesBetween(db: Executor, cardId: number, from: string, to: string) {
  return db
    .selectFrom('card_transactions')
    .select(lineColumns)
    .where('card_id', '=', cardId)
    .where('used_on', '>=', from)
    .where('used_on', '<', to)
    .orderBy('used_on')
    .orderBy('id');
}

export async function listLinesBetween(db: Executor, cardId: number, from: string, to: string) {
  return (await linesBetween(db, cardId, from, to).execute()).map(toLine);
}

/**
 * Revolving and instalment lines used before `to` (card_transactions_card_credit_idx, partial): the
 * revolving balance and running instalments of a statement come from them.
 */
export function creditLinesBefore(db: Executor, cardId: number, to: string) {
  return db
    .selectFrom('card_transactions')
    .select(lineColumns)
    .where('card_id', '=', cardId)
    .where('payment_method', '<>', 'one_time')
    .where('used_on', '<', to)
    .orderBy('used_on')
    .orderBy('id');
}

export async function listCreditLinesBefore(db: Executor, cardId: number, to: string) {
  return (await creditLinesBefore(db, cardId, to).execute()).map(toLine);
}

const usageMonth = sql<string>`to_char(used_on, 'YYYY-MM')`;

/** Purchases per usage month in [from, to) ('YYYY-MM', total yen, count), oldest first. */
export function purchasesByMonth(db: Executor, cardId: number, from: string, to: string) {
  return db
    .selectFrom('card_transactions')
    .select([
      usageMonth.as('month'),
      (eb) => eb.fn.sum<string>('amount').as('total'),
      (eb) => eb.fn.countAll<string>().as('count'),
    ])
    .where('card_id', '=', cardId)
    .where('used_on', '>=', from)
    .where('used_on', '<', to)
    .where('kind', '=', 'purchase')
    .groupBy(usageMonth)
    .orderBy(usageMonth);
}

export function toMonthTotals(rows: { month: string; total: string | number; count: string | number }[]) {
  return rows.map((r) => ({ month: r.month, total: Number(r.total), count: Number(r.count) }));
}

export async function sumPurchasesByMonth(db: Executor, cardId: number, from: string, to: string) {
  return toMonthTotals(await purchasesByMonth(db, cardId, from, to).execute());
}

/** Purchases per category in [from, to). */
export function purchasesByCategory(db: Executor, cardId: number, from: string, to: string) {
  return db
    .selectFrom('card_transactions')
    .select(['category', (eb) => eb.fn.sum<string>('amount').as('total')])
    .where('card_id', '=', cardId)
    .where('used_on', '>=', from)
    .where('used_on', '<', to)
    .where('kind', '=', 'purchase')
    .groupBy('category');
}

/** Category totals, largest first. */
export function toCategoryTotals(rows: { category: SpendingCategory; total: string | number }[]) {
  return rows
    .map((r) => ({ category: r.category, total: Number(r.total) }))
    .sort((a, b) => b.total - a.total || (a.category < b.category ? -1 : 1));
}

export async function sumPurchasesByCategory(db: Executor, cardId: number, from: string, to: string) {
  return toCategoryTotals(await purchasesByCategory(db, cardId, from, to).execute());
}

/** Points earned per usage month over the card's whole history (the expiry rule needs all of it). */
export function pointsByMonth(db: Executor, cardId: number) {
  return db
    .selectFrom('card_transactions')
    .select([usageMonth.as('month'), (eb) => eb.fn.sum<string>('points').as('points')])
    .where('card_id', '=', cardId)
    .where('points', '<>', 0)
    .groupBy(usageMonth)
    .orderBy(usageMonth);
}

export function toMonthPoints(rows: { month: string; points: string | number }[]) {
  return rows.map((r) => ({ month: r.month, points: Number(r.points) }));
}

export async function sumPointsByMonth(db: Executor, cardId: number) {
  return toMonthPoints(await pointsByMonth(db, cardId).execute());
}

/** Points used or adjusted (card_point_events_card_day_idx), oldest first. */
export function pointEvents(db: Executor, cardId: number) {
  return db
    .selectFrom('card_point_events')
    .select(['id', 'occurred_on', 'kind', 'points', 'description'])
    .where('card_id', '=', cardId)
    .orderBy('occurred_on')
    .orderBy('id');
}

export function listPointEvents(db: Executor, cardId: number) {
  return pointEvents(db, cardId).execute();
}

/** Payments of usage months from `fromMonth` ('YYYY-MM-01') on, by the primary key. */
export function listStatementPayments(db: Executor, cardId: number, fromMonth: string) {
  return db
    .selectFrom('card_statement_payments')
    .select(['month', 'amount', 'paid_on'])
    .where('card_id', '=', cardId)
    .where('month', '>=', fromMonth)
    .orderBy('month')
    .execute();
}

/** The payment of one usage month ('YYYY-MM-01'), if any. */
export function statementPayment(db: Executor, cardId: number, month: string) {
  return db
    .selectFrom('card_statement_payments')
    .select(['month', 'amount', 'paid_on'])
    .where('card_id', '=', cardId)
    .where('month', '=', month);
}

export function findStatementPayment(db: Executor, cardId: number, month: string) {
  return statementPayment(db, cardId, month).executeTakeFirst();
}

/** Records a statement's payment (bank debit result); idempotent per card and month. */
export async function recordStatementPayment(
  db: Executor,
  payment: { cardId: number; month: string; amount: number; paidOn: string },
) {
  await db
    .insertInto('card_statement_payments')
    .values({
      card_id: payment.cardId,
      month: payment.month,
      amount: payment.amount,
      paid_on: payment.paidOn,
    })
    .onConflict((oc) => oc.columns(['card_id', 'month']).doNothing())
    .execute();
}

/** Records points used or adjusted; idempotent by external id. */
export async function recordPointEvent(
  db: Executor,
  event: {
    cardId: number;
    on: string;
    kind: 'used' | 'adjusted';
    points: number;
    description: string;
    externalId: string;
  },
) {
  await db
    .insertInto('card_point_events')
    .values({
      card_id: event.cardId,
      occurred_on: event.on,
      kind: event.kind,
      points: event.points,
      description: event.description,
      external_id: event.externalId,
    })
    .onConflict((oc) => oc.column('external_id').doNothing())
    .execute();
}

// ---- after-the-fact revolving and instalments ----------------------------------------------------------

/**
 * One line of one of the member's own enrolled cards, by its id (primary key, then the enrollment's primary
 * key): undefined when the line does not exist or is on someone else's card — the caller answers 404 either way.
 */
export async function findMemberLine(db: Executor, memberId: number, lineId: number) {
  const row = await db
    .selectFrom('card_transactions as t')
    .innerJoin('card_enrollments as e', 'e.card_id', 't.card_id')
    .innerJoin('cards as c', 'c.id', 't.card_id')
    .select([
      't.id',
      't.used_on',
      't.merchant',
      't.amount',
      't.kind',
      't.category',
      't.payment_method',
      't.instalments',
      't.points',
      't.card_id',
      'c.last4',
      'c.status as card_status',
    ])
    .where('t.id', '=', lineId)
    .where('e.member_id', '=', memberId)
    .executeTakeFirst();
  return row && { line: toLine(row), cardId: row.card_id, last4: row.last4, cardStatus: row.card_status };
}

/** The live (not undone) after-the-fact change of a line, if any (card_payment_changes_live_idx). */
export function findLivePaymentChange(db: Executor, lineId: number) {
  return db
    .selectFrom('card_payment_changes')
    .select(['id', 'changed_to', 'instalments', 'fee', 'created_at'])
    .where('transaction_id', '=', lineId)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
}

/** Line ids of a card's live after-the-fact changes among `lineIds` (for the statement page's links). */
export async function listLiveChangedLines(db: Executor, cardId: number, lineIds: readonly number[]) {
  if (lineIds.length === 0) return new Set<number>();
  const rows = await db
    .selectFrom('card_payment_changes')
    .select('transaction_id')
    .where('card_id', '=', cardId)
    .where('transaction_id', 'in', lineIds)
    .where('undone_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => Number(r.transaction_id)));
}

/**
 * Switches a one-time purchase to revolving or instalments: one guarded UPDATE (only while the line is still
 * one-time), so of two concurrent submits exactly one changes the line; the other gets undefined.
 */
export function switchLineFromOneTime(
  db: Executor,
  lineId: number,
  cardId: number,
  to: { method: 'revolving' | 'instalment'; instalments: number | null },
) {
  return db
    .updateTable('card_transactions')
    .set({ payment_method: to.method, instalments: to.instalments })
    .where('id', '=', lineId)
    .where('card_id', '=', cardId)
    .where('payment_method', '=', 'one_time')
    .where('kind', '=', 'purchase')
    .where('amount', '>', 0)
    .returning('id')
    .executeTakeFirst();
}

/** Records the change beside the line (same transaction as switchLineFromOneTime). */
export async function insertPaymentChange(
  db: Executor,
  change: {
    lineId: number;
    cardId: number;
    memberId: number;
    to: 'revolving' | 'instalment';
    instalments: number | null;
    fee: number;
  },
) {
  await db
    .insertInto('card_payment_changes')
    .values({
      transaction_id: change.lineId,
      card_id: change.cardId,
      member_id: change.memberId,
      changed_to: change.to,
      instalments: change.instalments,
      fee: change.fee,
    })
    .execute();
}

/** Marks a line's live change undone (guarded: only one of two concurrent undos finds it). */
export function markPaymentChangeUndone(db: Executor, lineId: number, at: Date) {
  return db
    .updateTable('card_payment_changes')
    .set({ undone_at: at })
    .where('transaction_id', '=', lineId)
    .where('undone_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

/** Puts a line back to one-time payment (after markPaymentChangeUndone, in its transaction). */
export async function switchLineToOneTime(db: Executor, lineId: number) {
  await db
    .updateTable('card_transactions')
    .set({ payment_method: 'one_time', instalments: null })
    .where('id', '=', lineId)
    .execute();
}
