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
