import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { replacementsOfMember } from '../cards/controls-repository.ts';
import { cardUsageSince, recentTransactions } from '../cards/repository.ts';
import type { Executor } from '../db/schema.ts';
import {
  creditLinesBefore,
  linesBetween,
  pointEvents,
  pointsByMonth,
  purchasesByCategory,
  purchasesByMonth,
  statementPayment,
  toCategoryTotals,
  toLine,
  toMonthPoints,
  toMonthTotals,
} from '../statements/repository.ts';
import type { CardOverviewRows } from '../statements/statement.ts';

/**
 * Everything the dashboard reads of one card and its member after the enrolled cards, in one statement (one
 * round trip, one plan): each list is a subquery of the statements and cards repositories, aggregated as JSON
 * (`json_agg` of the ordered subquery keeps its order). The same queries the statement pages run one by one.
 */
export async function findDashboardRows(
  db: Executor,
  memberId: number,
  cardId: number,
  days: { from: string; to: string; spendingFrom: string; unbilledFrom: string; recent: number },
) {
  const row = await db
    .selectNoFrom([
      jsonArrayFrom(linesBetween(db, cardId, days.from, days.to)).as('month_lines'),
      jsonArrayFrom(creditLinesBefore(db, cardId, days.from)).as('credit_lines'),
      jsonObjectFrom(statementPayment(db, cardId, days.from)).as('payment'),
      jsonArrayFrom(pointsByMonth(db, cardId)).as('points_earned'),
      jsonArrayFrom(pointEvents(db, cardId)).as('point_events'),
      jsonArrayFrom(purchasesByMonth(db, cardId, days.spendingFrom, days.to)).as('by_month'),
      jsonArrayFrom(purchasesByCategory(db, cardId, days.from, days.to)).as('by_category'),
      cardUsageSince(db, cardId, days.unbilledFrom).as('unbilled'),
      jsonArrayFrom(recentTransactions(db, cardId, days.recent)).as('recent'),
      jsonArrayFrom(replacementsOfMember(db, memberId)).as('replacements'),
      // The login before this session's (the dashboard's "last login" notice).
      db
        .selectFrom('auth_events')
        .select('at')
        .where('member_id', '=', memberId)
        .where('kind', '=', 'login_success')
        .orderBy('id', 'desc')
        .offset(1)
        .limit(1)
        .as('previous_login'),
    ])
    .executeTakeFirstOrThrow();
  const overview: CardOverviewRows = {
    monthLines: row.month_lines.map(toLine),
    creditLines: row.credit_lines.map(toLine),
    payment: row.payment ?? undefined,
    pointsEarned: toMonthPoints(row.points_earned),
    pointEvents: row.point_events,
    spendingByMonth: toMonthTotals(row.by_month),
    spendingByCategory: toCategoryTotals(row.by_category),
  };
  return {
    overview,
    unbilled: Number(row.unbilled ?? 0),
    recent: row.recent,
    replacements: row.replacements,
    previousLogin: row.previous_login,
  };
}
