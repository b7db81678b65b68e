import type { Executor } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { forfeitPointsOfCards } from '../statements/statement.ts';
import { todayIn } from './billing.ts';
import { detachMemberCards } from './repository.ts';

/**
 * Withdrawal, card side, inside the withdrawal's transaction: the member's enrollments are removed; the cards
 * stay (they keep working) but no longer point at the member, and their points are forfeited with the
 * membership (DOMAIN.md: withdrawing loses the points). Returns how many cards were detached.
 */
export async function detachCardsOfWithdrawingMember(
  trx: Executor,
  memberId: number,
  deps: Pick<AppDeps, 'config' | 'now'>,
): Promise<number> {
  const cardIds = await detachMemberCards(trx, memberId);
  const now = deps.now();
  await forfeitPointsOfCards(trx, cardIds, {
    today: todayIn(now, deps.config.contact.timeZone),
    expiryMonths: deps.config.points.expiryMonths,
    at: now,
  });
  return cardIds.length;
}
