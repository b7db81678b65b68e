import type { Executor } from '../db/schema.ts';
import { detachMemberCards } from './repository.ts';

/**
 * Withdrawal, card side, inside the withdrawal's transaction: the member's enrollments are removed; the cards
 * stay (they keep working) but no longer point at the member, and their points are forfeited with the
 * membership. Returns how many cards were detached.
 */
export function detachCardsOfWithdrawingMember(trx: Executor, memberId: number): Promise<number> {
  return detachMemberCards(trx, memberId);
}
