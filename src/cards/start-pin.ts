import { randomInt } from 'node:crypto';
import type { Config } from '../config.ts';

/**
 * The 4-digit start PIN chosen on the card application. Only 10,000 values exist, so a guessable choice
 * (DOMAIN.md: 0000, 1234, repeated or sequential digits, the birth date) is refused with its reason.
 */
export type StartPinProblem = 'format' | 'same_digit' | 'sequence' | 'birth_date';

/** Why a start PIN is refused, or null when it is acceptable. `birthDate` is 'YYYY-MM-DD'. */
export function checkStartPin(pin: string, birthDate?: string): StartPinProblem | null {
  if (!/^\d{4}$/.test(pin)) return 'format';
  const d = [...pin].map(Number) as [number, number, number, number];
  if (d.every((x) => x === d[0])) return 'same_digit';
  const steps = [d[1] - d[0], d[2] - d[1], d[3] - d[2]];
  // Ascending or descending runs, also wrapping through 0 (7890, 8901, 2109).
  if (steps.every((s) => s === 1 || s === -9) || steps.every((s) => s === -1 || s === 9)) return 'sequence';
  if (birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
    const [year, month, day] = birthDate.split('-') as [string, string, string];
    if (pin === year || pin === `${month}${day}` || pin === `${day}${month}`) return 'birth_date';
  }
  return null;
}

/**
 * A new random start PIN for a reissue (crypto RNG), never one the application would refuse as guessable
 * (same digits, runs, the birth date): drawn again until checkStartPin accepts it.
 */
export function drawStartPin(birthDate?: string): string {
  for (;;) {
    const pin = String(randomInt(0, 10_000)).padStart(4, '0');
    if (checkStartPin(pin, birthDate) === null) return pin;
  }
}

/** The start-PIN limit (START_PIN_MAX_FAILURES): the one number the portal, the console and the guarded UPDATE use. */
export function startPinLimit(config: Pick<Config, 'startPin'>): number {
  return config.startPin.maxFailures;
}

/**
 * Whether a card's start procedure is locked: the lock was set, or the wrong tries already reach the
 * configured limit (which may have been lowered since they were counted). The guarded UPDATE in
 * reserveStartPinAttempt refuses exactly these cards.
 */
export function isStartPinLocked(
  card: { start_pin_failures: number; start_pin_locked_at: Date | string | null },
  config: Pick<Config, 'startPin'>,
): boolean {
  return card.start_pin_locked_at !== null || card.start_pin_failures >= startPinLimit(config);
}
