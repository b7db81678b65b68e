import { isoDate, monthOf, paymentDateOfMonth, todayIn } from '../cards/billing.ts';
import { upsertImportedTransaction } from '../cards/repository.ts';
import type { Executor } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { billStatement } from './breakdown.ts';
import type { PaymentMethod, SpendingCategory } from './categories.ts';
import { pointsForLine } from './points.ts';
import {
  listCreditLinesBefore,
  listLinesBetween,
  recordPointEvent,
  recordStatementPayment,
} from './repository.ts';
import { STATEMENT_MONTHS } from './statement.ts';

interface DemoLine {
  day: number;
  merchant: string;
  category: SpendingCategory;
  amount: number;
  method?: PaymentMethod;
  instalments?: number;
  kind?: 'annual_fee';
}

/** A small deterministic wobble so months differ without randomness (same data on every seed). */
function wobble(month: number, n: number, span: number): number {
  return ((month * 7919 + n * 104_729) % span) - Math.floor(span / 2);
}

/**
 * One month of a cardholder's life: bills, groceries, commuting, a few treats. `index` counts months from
 * the oldest (0) to the open month (STATEMENT_MONTHS); some months carry a special purchase.
 */
function demoMonth(index: number, calendarMonth: number): DemoLine[] {
  const winter = calendarMonth === 12 || calendarMonth <= 2;
  const summer = calendarMonth >= 7 && calendarMonth <= 8;
  const lines: DemoLine[] = [
    {
      day: 4,
      merchant: 'ひかり電力',
      category: 'utilities',
      amount: (winter || summer ? 10_980 : 7_640) + wobble(index, 1, 900),
    },
    { day: 10, merchant: 'あおぞら通信', category: 'telecom', amount: 5_478 },
    { day: 2, merchant: 'さくらマート', category: 'groceries', amount: 3_280 + wobble(index, 2, 1_600) },
    { day: 9, merchant: 'さくらマート', category: 'groceries', amount: 4_120 + wobble(index, 3, 2_000) },
    { day: 16, merchant: 'さくらマート', category: 'groceries', amount: 2_860 + wobble(index, 4, 1_400) },
    { day: 23, merchant: 'さくらマート', category: 'groceries', amount: 5_040 + wobble(index, 5, 2_400) },
    { day: 6, merchant: 'みなと交通 ICチャージ', category: 'transport', amount: 3_000 },
    { day: 20, merchant: 'みなと交通 ICチャージ', category: 'transport', amount: 3_000 },
    { day: 12, merchant: 'cafe fuji', category: 'dining', amount: 680 + wobble(index, 6, 300) },
    {
      day: 14,
      merchant: 'ドラッグストア こもれび',
      category: 'health',
      amount: 2_156 + wobble(index, 7, 800),
    },
  ];
  if (index % 2 === 0) lines.push({ day: 18, merchant: 'Navi Books', category: 'education', amount: 2_420 });
  if (index % 3 === 1)
    lines.push({
      day: 21,
      merchant: 'レストラン 花月',
      category: 'dining',
      amount: 6_200 + wobble(index, 8, 1_000),
    });
  if (index % 4 === 2)
    lines.push({ day: 25, merchant: 'シネマみなと', category: 'entertainment', amount: 3_800 });
  if (index % 3 === 0)
    lines.push({
      day: 15,
      merchant: 'オンラインストア nami',
      category: 'shopping',
      amount: 12_800 + wobble(index, 9, 4_000),
    });
  // The specials: a refund, a revolving hotel stay, the annual fee, an appliance in 6 instalments.
  if (index === 3)
    lines.push({ day: 19, merchant: 'オンラインストア nami', category: 'shopping', amount: -2_980 });
  if (index === 9)
    lines.push({
      day: 11,
      merchant: 'みなと旅行 ホテル予約',
      category: 'travel',
      amount: 68_000,
      method: 'revolving',
    });
  if (index === 6)
    lines.push({ day: 1, merchant: 'cardnavi 年会費', category: 'other', amount: 1_375, kind: 'annual_fee' });
  if (index === 12)
    lines.push({
      day: 7,
      merchant: 'Navi 家電',
      category: 'shopping',
      amount: 89_800,
      method: 'instalment',
      instalments: 6,
    });
  return lines;
}

/**
 * hanako's 15 closed months and the open one (issue 12): every category, a revolving line, an instalment,
 * an annual fee and a refund, points earned and used, past statements paid and the newest one not yet.
 * Dates are relative to the day of seeding; run once, when the demo card is created.
 */
export async function seedDemoStatementHistory(deps: AppDeps, cardId: number): Promise<void> {
  // One transaction: all of the history or none, and one commit instead of a few hundred.
  await deps.db.transaction().execute((trx) => seedHistory({ ...deps, db: trx }, cardId));
}

async function seedHistory(deps: Pick<AppDeps, 'config' | 'now'> & { db: Executor }, cardId: number) {
  const { db, config, now } = deps;
  const today = todayIn(now(), config.contact.timeZone);
  for (let index = 0; index <= STATEMENT_MONTHS; index++) {
    const month = monthOf(today, index - STATEMENT_MONTHS);
    const [y, m] = month.split('-').map(Number) as [number, number];
    for (const [n, line] of demoMonth(index, m).entries()) {
      const usedOn = isoDate(y, m, line.day);
      if (usedOn > today) continue;
      const kind = line.kind ?? 'purchase';
      await upsertImportedTransaction(db, {
        cardId,
        usedOn,
        merchant: line.merchant,
        amount: line.amount,
        externalId: `demo-${cardId}-${month}-${n}`,
        kind,
        category: line.category,
        paymentMethod: line.method ?? 'one_time',
        instalments: line.instalments ?? null,
        points: pointsForLine(line.amount, kind, config.points.yenPerPoint),
      });
    }
  }
  const uses = [
    { offset: -9, day: 15, points: -1_000, description: 'Navi Books ギフトコード' },
    { offset: -2, day: 8, points: -500, description: 'お支払いへの充当 / Applied to a payment' },
  ];
  for (const use of uses) {
    const [y, m] = monthOf(today, use.offset).split('-').map(Number) as [number, number];
    await recordPointEvent(db, {
      cardId,
      on: isoDate(y, m, use.day),
      kind: 'used',
      points: use.points,
      description: use.description,
      externalId: `demo-${cardId}-points-${use.offset}`,
    });
  }
  // Statements whose payment date has passed were paid in full on it; the rest are still to be paid.
  for (let offset = -STATEMENT_MONTHS; offset < 0; offset++) {
    const month = monthOf(today, offset);
    const paymentDate = paymentDateOfMonth(month);
    if (paymentDate >= today) continue;
    const from = `${month}-01`;
    const to = `${monthOf(from, 1)}-01`;
    const { breakdown } = billStatement(
      month,
      await listLinesBetween(db, cardId, from, to),
      await listCreditLinesBefore(db, cardId, from),
      {
        rateBasisPoints: config.statements.feeRateBasisPoints,
        revolvingMonthlyPrincipal: config.statements.revolvingMonthlyPrincipal,
      },
    );
    await recordStatementPayment(db, {
      cardId,
      month: from,
      amount: Math.max(0, breakdown.total),
      paidOn: paymentDate,
    });
  }
}
