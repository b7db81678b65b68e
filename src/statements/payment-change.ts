import { isoDate, monthOf, paymentDateOfMonth, todayIn } from '../cards/billing.ts';
import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import {
  instalmentPlan,
  instalmentSchedule,
  revolvingSchedule,
  type ScheduleRow,
  type StatementLineInput,
} from './breakdown.ts';
import { instalmentCounts } from './categories.ts';
import {
  findLivePaymentChange,
  findMemberLine,
  findStatementPayment,
  insertPaymentChange,
  listLiveChangedLines,
  markPaymentChangeUndone,
  switchLineFromOneTime,
  switchLineToOneTime,
} from './repository.ts';

/**
 * After-the-fact revolving and instalments (あとからリボ・あとから分割, issue 12): a one-time purchase of the
 * open month or of a closed month whose statement is not paid can be switched to revolving or to
 * 3/6/10/12/15/18/20/24 instalments, and the change undone, until the cut-off: the day before
 * PAYMENT_CHANGE_CUTOFF_DAY (default 12) of the payment month. The money follows the statement rules of
 * breakdown.ts (one rounding rule, docs/STATEMENTS.md); the statement, its breakdown, CSV and PDF read the
 * line's payment method, so they follow the change by themselves.
 */

export type PaymentChoice =
  | { to: 'revolving' }
  | { to: 'instalment'; count: (typeof instalmentCounts)[number] };

export interface PaymentSchedule {
  /** The total fee of the schedule (revolving: if it were the only revolving balance, paid as billed). */
  fee: number;
  rows: (ScheduleRow & { month: string; paymentDate: string })[];
}

export interface ChangeableLine {
  line: StatementLineInput;
  cardId: number;
  last4: string;
  /** 'YYYY-MM', the usage month (its statement bills the first payment). */
  month: string;
  /** The first day on which the line can no longer be changed or the change undone. */
  cutoffDate: string;
  /** Why it cannot be changed now, or null when it can. */
  blocked: 'not_one_time' | 'not_purchase' | 'past_cutoff' | 'paid' | 'card_not_active' | null;
  /** The live after-the-fact change, with its schedule; null when the line was not changed here. */
  change: { choice: PaymentChoice; schedule: PaymentSchedule; at: Date } | null;
  /** Whether the live change can still be undone. */
  undoable: boolean;
}

export type PaymentChangeFailure = Failure<
  'statement_not_found' | 'payment_change_not_allowed' | 'payment_change_already_made'
>;

/** The cut-off date of a usage month: PAYMENT_CHANGE_CUTOFF_DAY of the next (payment) month. */
export function paymentChangeCutoff(month: string, cutoffDay: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return isoDate(y, m + 1, cutoffDay);
}

/** The schedule a choice gives a line: the statements it is billed on, first one on its usage month. */
export function scheduleFor(
  deps: Pick<AppDeps, 'config'>,
  line: Pick<StatementLineInput, 'usedOn' | 'amount'>,
  choice: PaymentChoice,
): PaymentSchedule {
  const { feeRateBasisPoints: rate, revolvingMonthlyPrincipal } = deps.config.statements;
  const first = line.usedOn.slice(0, 7);
  const rows =
    choice.to === 'instalment'
      ? instalmentSchedule(instalmentPlan(line.amount, choice.count, rate))
      : revolvingSchedule(line.amount, revolvingMonthlyPrincipal, rate);
  return {
    fee: rows.reduce((sum, r) => sum + r.fee, 0),
    rows: rows.map((r) => {
      const month = monthOf(`${first}-01`, r.number - 1);
      return { ...r, month, paymentDate: paymentDateOfMonth(month) };
    }),
  };
}

function choiceOf(change: {
  changed_to: 'revolving' | 'instalment';
  instalments: number | null;
}): PaymentChoice {
  const count = instalmentCounts.find((n) => n === change.instalments);
  return change.changed_to === 'instalment' && count ? { to: 'instalment', count } : { to: 'revolving' };
}

/**
 * A line of one of the member's own cards and whether it can be changed now. Another member's line, or one
 * that does not exist, is `statement_not_found` (the route answers 404 for both).
 */
export async function loadChangeableLine(
  deps: AppDeps,
  memberId: number,
  lineId: number,
): Promise<({ ok: true } & ChangeableLine) | Failure<'statement_not_found'>> {
  const { db, config, now } = deps;
  const found = await findMemberLine(db, memberId, lineId);
  if (!found) return { ok: false, code: 'statement_not_found' };
  const { line } = found;
  const month = line.usedOn.slice(0, 7);
  const cutoffDate = paymentChangeCutoff(month, config.statements.changeCutoffDay);
  const today = todayIn(now(), config.contact.timeZone);
  const [payment, live] = await Promise.all([
    findStatementPayment(db, found.cardId, `${month}-01`),
    findLivePaymentChange(db, line.id),
  ]);
  const windowClosed: ChangeableLine['blocked'] =
    today >= cutoffDate
      ? 'past_cutoff'
      : payment
        ? 'paid'
        : found.cardStatus !== 'active'
          ? 'card_not_active'
          : null;
  const blocked: ChangeableLine['blocked'] =
    line.kind !== 'purchase' || line.amount <= 0
      ? 'not_purchase'
      : line.paymentMethod !== 'one_time'
        ? 'not_one_time'
        : windowClosed;
  const change = live
    ? { choice: choiceOf(live), schedule: scheduleFor(deps, line, choiceOf(live)), at: live.created_at }
    : null;
  return {
    ok: true,
    line,
    cardId: found.cardId,
    last4: found.last4,
    month,
    cutoffDate,
    blocked,
    change,
    undoable: change !== null && (windowClosed === null || windowClosed === 'card_not_active'),
  };
}

/** What the confirmation page shows: the line, the choice, the fee and the schedule. Nothing is changed. */
export async function previewPaymentChange(
  deps: AppDeps,
  memberId: number,
  lineId: number,
  choice: PaymentChoice,
): Promise<({ ok: true; schedule: PaymentSchedule } & ChangeableLine) | PaymentChangeFailure> {
  const loaded = await loadChangeableLine(deps, memberId, lineId);
  if (!loaded.ok) return loaded;
  if (loaded.blocked === 'not_one_time' && loaded.change)
    return { ok: false, code: 'payment_change_already_made' };
  if (loaded.blocked) return { ok: false, code: 'payment_change_not_allowed' };
  return { ...loaded, schedule: scheduleFor(deps, loaded.line, choice) };
}

/**
 * Changes a one-time line to revolving or instalments. The line switches in one guarded UPDATE and the change
 * is recorded in the same transaction: two submits of the same change make one change, the second answers
 * `payment_change_already_made`.
 */
export async function changePaymentMethod(
  deps: AppDeps,
  memberId: number,
  lineId: number,
  choice: PaymentChoice,
): Promise<{ ok: true; schedule: PaymentSchedule } | PaymentChangeFailure> {
  const preview = await previewPaymentChange(deps, memberId, lineId, choice);
  if (!preview.ok) return preview;
  const instalments = choice.to === 'instalment' ? choice.count : null;
  const changed = await deps.db.transaction().execute(async (trx) => {
    const switched = await switchLineFromOneTime(trx, lineId, preview.cardId, {
      method: choice.to,
      instalments,
    });
    if (!switched) return false;
    await insertPaymentChange(trx, {
      lineId,
      cardId: preview.cardId,
      memberId,
      to: choice.to,
      instalments,
      fee: preview.schedule.fee,
    });
    return true;
  });
  if (!changed) return { ok: false, code: 'payment_change_already_made' };
  deps.log.info({ memberId, lineId, to: choice.to, instalments }, 'payment method changed after the fact');
  return { ok: true, schedule: preview.schedule };
}

/**
 * Undoes the live change of a line before the cut-off: the change row is stamped undone in one guarded UPDATE
 * (of two concurrent undos one finds it) and the line is one-time again in the same transaction.
 */
export async function undoPaymentChange(
  deps: AppDeps,
  memberId: number,
  lineId: number,
): Promise<{ ok: true } | PaymentChangeFailure> {
  const loaded = await loadChangeableLine(deps, memberId, lineId);
  if (!loaded.ok) return loaded;
  if (!loaded.change || !loaded.undoable) return { ok: false, code: 'payment_change_not_allowed' };
  const undone = await deps.db.transaction().execute(async (trx) => {
    const marked = await markPaymentChangeUndone(trx, lineId, deps.now());
    if (!marked) return false;
    await switchLineToOneTime(trx, lineId);
    return true;
  });
  if (!undone) return { ok: false, code: 'payment_change_not_allowed' };
  deps.log.info({ memberId, lineId }, 'after-the-fact payment change undone');
  return { ok: true };
}

/**
 * Whether a statement's lines can be changed today, and which of them were changed here (the statement page
 * links each line to its change page). Null once the month is past its cut-off, paid, or the card not active.
 */
export async function loadChangeWindow(
  deps: AppDeps,
  statement: { month: string; card: { id: number; status: string }; payment: { state: string } },
  lineIds: readonly number[],
): Promise<{ cutoffDate: string; changedLineIds: Set<number> } | null> {
  const { config, now } = deps;
  const cutoffDate = paymentChangeCutoff(statement.month, config.statements.changeCutoffDay);
  if (todayIn(now(), config.contact.timeZone) >= cutoffDate) return null;
  if (statement.payment.state === 'paid' || statement.card.status !== 'active') return null;
  return { cutoffDate, changedLineIds: await listLiveChangedLines(deps.db, statement.card.id, lineIds) };
}
