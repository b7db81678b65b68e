import { describe, expect, it } from 'vitest';
import { ageOn, defaultScreeningRules as rules, type ScreeningInput, screenCard } from './screening.ts';

const base: ScreeningInput = {
  birthDate: '1990-04-01',
  incomeBand: '2m_4m',
  otherCards: [],
  today: '2026-11-28',
  purpose: 'application',
};

describe('ageOn', () => {
  it('counts full years, turning a year older on the birthday', () => {
    expect(ageOn('2008-11-28', '2026-11-27')).toBe(17);
    expect(ageOn('2008-11-28', '2026-11-28')).toBe(18);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });
});

describe('screenCard (application)', () => {
  it('issues with the limit of the income band', () => {
    expect(screenCard(rules, base)).toEqual({ decision: 'issued', creditLimit: 300_000 });
    expect(screenCard(rules, { ...base, incomeBand: '7m_plus' })).toEqual({
      decision: 'issued',
      creditLimit: 1_000_000,
    });
  });

  it('declines applicants under 18', () => {
    expect(screenCard(rules, { ...base, birthDate: '2008-11-29' })).toEqual({
      decision: 'declined',
      reason: 'age',
    });
    expect(screenCard(rules, { ...base, birthDate: '2008-11-28' }).decision).toBe('issued');
  });

  it('declines the income band without a limit', () => {
    expect(screenCard(rules, { ...base, incomeBand: 'none' })).toEqual({
      decision: 'declined',
      reason: 'income',
    });
  });

  it('declines when the member ID already holds the maximum number of cards', () => {
    const held = ['active', 'active', 'cancelled_at_renewal'] as const;
    expect(screenCard(rules, { ...base, otherCards: held }).decision).toBe('issued');
    expect(screenCard(rules, { ...base, otherCards: [...held, 'active'] })).toEqual({
      decision: 'declined',
      reason: 'too_many_cards',
    });
  });

  it('declines when another card is suspended or force-cancelled', () => {
    expect(screenCard(rules, { ...base, otherCards: ['suspended'] })).toEqual({
      decision: 'declined',
      reason: 'card_history',
    });
  });

  it('follows rules passed in (configurable)', () => {
    expect(screenCard({ ...rules, minAge: 20 }, { ...base, birthDate: '2007-01-01' }).decision).toBe(
      'declined',
    );
  });
});

describe('screenCard (renewal)', () => {
  const renewal: ScreeningInput = { ...base, purpose: 'renewal', currentLimit: 200_000 };
  it('keeps the current limit when the income band is unknown', () => {
    expect(screenCard(rules, { ...renewal, incomeBand: null })).toEqual({
      decision: 'issued',
      creditLimit: 200_000,
    });
  });
  it('does not apply the card-count rule, but does apply card history', () => {
    expect(screenCard(rules, { ...renewal, otherCards: ['active', 'active', 'active'] }).decision).toBe(
      'issued',
    );
    expect(screenCard(rules, { ...renewal, otherCards: ['force_cancelled'] }).decision).toBe('declined');
  });
});
