import { describe, expect, it } from 'vitest';
import { checkStartPin } from './start-pin.ts';

// DOMAIN.md: guessable start PINs (0000, 1234, repeated or sequential digits, the birth date) are refused.
describe('checkStartPin', () => {
  it('refuses anything but exactly 4 digits', () => {
    for (const pin of ['', '123', '12345', 'abcd', '12a4']) expect(checkStartPin(pin)).toBe('format');
  });

  it('refuses one digit repeated', () => {
    for (const pin of ['0000', '1111', '9999']) expect(checkStartPin(pin)).toBe('same_digit');
  });

  it('refuses ascending and descending runs, including ones through 0', () => {
    for (const pin of ['1234', '0123', '6789', '7890', '9876', '3210', '2109'])
      expect(checkStartPin(pin)).toBe('sequence');
  });

  it('refuses the birth date as MMDD, DDMM or the year', () => {
    expect(checkStartPin('0401', '1990-04-01')).toBe('birth_date');
    expect(checkStartPin('0104', '1990-04-01')).toBe('birth_date');
    expect(checkStartPin('1990', '1990-04-01')).toBe('birth_date');
    expect(checkStartPin('1990', '1985-11-20')).toBeNull();
  });

  it('accepts the demo cast PINs', () => {
    expect(checkStartPin('4721', '1990-04-01')).toBeNull();
    expect(checkStartPin('3958', '1985-11-20')).toBeNull();
  });
});
