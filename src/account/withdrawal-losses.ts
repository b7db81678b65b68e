import type { AppDeps } from '../deps.ts';
import { connectedServiceNames } from '../oidc/connected-services.ts';
import { listStatementMonths, loadPoints } from '../statements/statement.ts';

/** One enrolled card as the withdrawal page shows it: last 4 digits only. */
export interface CardLoss {
  last4: string;
  /** The points balance forfeited with the member ID. */
  points: number;
  /** Months with statement lines the member can open today (of the open month and the last 15 closed). */
  statementMonths: number;
  /** 'YYYY-MM' of the oldest and newest of those months. */
  firstMonth: string | undefined;
  lastMonth: string | undefined;
}

/** What this member loses by withdrawing, from their own data (issue 11). */
export interface WithdrawalLosses {
  /** Names of the group services that sign in with this member ID. */
  services: string[];
  /** Enrolled cards: the card portal, their statements and points go with the member ID. */
  cards: CardLoss[];
  /** The points on those cards together. */
  points: number;
}

/**
 * The withdrawal confirmation's facts: connected services by name, every enrolled card (last 4 digits) with
 * its points balance and months of statements. Read through the statements and single sign-on flows, the
 * same figures the portal shows the member.
 */
export async function loadWithdrawalLosses(deps: AppDeps, memberId: number): Promise<WithdrawalLosses> {
  const [services, overview] = await Promise.all([
    connectedServiceNames(deps, memberId),
    listStatementMonths(deps, memberId),
  ]);
  if (!overview.ok) return { services, cards: [], points: 0 };
  const cards: CardLoss[] = [];
  for (const card of overview.cards) {
    const [months, points] = await Promise.all([
      listStatementMonths(deps, memberId, card.id),
      loadPoints(deps, memberId, card.id),
    ]);
    const used = months.ok ? months.months.filter((m) => m.count > 0).map((m) => m.month) : [];
    cards.push({
      last4: card.last4,
      points: points.ok ? points.ledger.balance : 0,
      statementMonths: used.length,
      // listStatementMonths lists the newest month first.
      firstMonth: used.at(-1),
      lastMonth: used[0],
    });
  }
  return { services, cards, points: cards.reduce((sum, c) => sum + c.points, 0) };
}
