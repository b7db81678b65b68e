import type { CardStatus } from './tables.ts';

/** Annual income bands asked on the card application (yen). */
export const incomeBands = ['none', 'under_2m', '2m_4m', '4m_7m', '7m_plus'] as const;
export type IncomeBand = (typeof incomeBands)[number];

/**
 * The screening rules, documented in docs/CARDS.md. A deployment changes them here (one object, no code
 * paths to hunt for); tests pass their own.
 */
export interface ScreeningRules {
  /** Minimum age on the day of screening (the age of majority in Japan since 2022). */
  minAge: number;
  /** Credit limit granted per income band; 0 declines the band. */
  limitByIncomeBand: Record<IncomeBand, number>;
  /** A member ID may hold at most this many cards that are active or suspended (applications only). */
  maxCardsPerMember: number;
  /** Any of the member ID's cards in one of these states declines an application or a renewal. */
  badStanding: readonly CardStatus[];
}

export const defaultScreeningRules: ScreeningRules = {
  minAge: 18,
  limitByIncomeBand: { none: 0, under_2m: 100_000, '2m_4m': 300_000, '4m_7m': 500_000, '7m_plus': 1_000_000 },
  maxCardsPerMember: 3,
  badStanding: ['suspended', 'force_cancelled'],
};

export type DeclineReason = 'age' | 'income' | 'too_many_cards' | 'card_history';

export type ScreeningDecision =
  | { decision: 'issued'; creditLimit: number }
  | { decision: 'declined'; reason: DeclineReason };

export interface ScreeningInput {
  birthDate: string;
  /** Null when unknown (cards imported without it): renewal then keeps the current limit. */
  incomeBand: IncomeBand | null;
  /** Statuses of the member ID's other cards. */
  otherCards: readonly CardStatus[];
  /** 'YYYY-MM-DD' of the screening day. */
  today: string;
  purpose: 'application' | 'renewal';
  /** Renewal only: the card's current limit. */
  currentLimit?: number;
}

/** Full years between a birth date and a day, both 'YYYY-MM-DD'. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Screens a card application or renewal. Rules apply in a fixed order so the reason is predictable. */
export function screenCard(rules: ScreeningRules, input: ScreeningInput): ScreeningDecision {
  if (ageOn(input.birthDate, input.today) < rules.minAge) return { decision: 'declined', reason: 'age' };
  if (input.otherCards.some((s) => rules.badStanding.includes(s)))
    return { decision: 'declined', reason: 'card_history' };
  if (input.purpose === 'application') {
    const held = input.otherCards.filter((s) => s === 'active' || s === 'suspended').length;
    if (held >= rules.maxCardsPerMember) return { decision: 'declined', reason: 'too_many_cards' };
  }
  if (input.incomeBand === null) {
    if (input.purpose === 'renewal' && input.currentLimit !== undefined)
      return { decision: 'issued', creditLimit: input.currentLimit };
    return { decision: 'declined', reason: 'income' };
  }
  const limit = rules.limitByIncomeBand[input.incomeBand];
  if (limit <= 0) return { decision: 'declined', reason: 'income' };
  return { decision: 'issued', creditLimit: limit };
}
