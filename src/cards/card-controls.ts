import type { AppDeps } from '../deps.ts';
import { findControlledCard } from './controls-repository.ts';
import { findEnrolledCards } from './repository.ts';

export type ControlledCard = NonNullable<Awaited<ReturnType<typeof findControlledCard>>>;

export type CardControls =
  /** No enrolled card: the start procedure first. */
  | { kind: 'no_card' }
  /** The card asked for is not one this member enrolled (404, whether it exists or not). */
  | { kind: 'not_found' }
  | { kind: 'card'; card: ControlledCard; others: { id: number; last4: string }[] };

/**
 * What /portal/card shows: the controls of the card asked for, or of the member's first active enrolled
 * card (else the first enrolled one), with the other enrolled cards to switch to.
 */
export async function loadCardControls(
  deps: AppDeps,
  memberId: number,
  cardId?: number,
): Promise<CardControls> {
  const enrolled = await findEnrolledCards(deps.db, memberId);
  const chosen =
    cardId !== undefined
      ? enrolled.find((c) => c.id === cardId)
      : (enrolled.find((c) => c.status === 'active') ?? enrolled[0]);
  if (!chosen)
    return enrolled.length === 0 && cardId === undefined ? { kind: 'no_card' } : { kind: 'not_found' };
  const card = await findControlledCard(deps.db, memberId, chosen.id);
  if (!card) return { kind: 'not_found' };
  const others = enrolled.filter((c) => c.id !== card.id).map(({ id, last4 }) => ({ id, last4 }));
  return { kind: 'card', card, others };
}
