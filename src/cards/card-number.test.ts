import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateCardNumber,
  ISSUER_PREFIX,
  luhnCheckDigit,
  maskCardNumber,
  maskMemberId,
  normaliseCardNumber,
  passesLuhn,
} from './card-number.ts';

describe('passesLuhn', () => {
  it('accepts the demo cast numbers from the issue and rejects one changed digit', () => {
    expect(passesLuhn('4980123456789011')).toBe(true);
    expect(passesLuhn('4980123456789029')).toBe(true);
    expect(passesLuhn('4980123456789012')).toBe(false);
    expect(passesLuhn('4980123456789019')).toBe(false);
  });

  it('rejects anything that is not 12–19 digits', () => {
    expect(passesLuhn('')).toBe(false);
    expect(passesLuhn('4980-1234-5678-9011')).toBe(false);
    expect(passesLuhn('49801234567890110000')).toBe(false);
  });

  it('catches every single-digit typo (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const n = generateCardNumber();
        const typo = n.slice(0, pos) + String((Number(n[pos]) + delta) % 10) + n.slice(pos + 1);
        return passesLuhn(n) && !passesLuhn(typo);
      }),
    );
  });
});

describe('generateCardNumber', () => {
  it('draws 16-digit numbers with our issuer prefix that pass Luhn', () => {
    for (let i = 0; i < 200; i++) {
      const n = generateCardNumber();
      expect(n).toMatch(/^\d{16}$/);
      expect(n.startsWith(ISSUER_PREFIX)).toBe(true);
      expect(passesLuhn(n)).toBe(true);
    }
    expect(luhnCheckDigit('498012345678901')).toBe('1');
  });
});

describe('normaliseCardNumber', () => {
  it('accepts spaces, hyphens and full-width digits as typed on a Japanese keyboard', () => {
    expect(normaliseCardNumber('4980 1234 5678 9011')).toBe('4980123456789011');
    expect(normaliseCardNumber('4980-1234-5678-9011')).toBe('4980123456789011');
    expect(normaliseCardNumber('４９８０　１２３４　５６７８　９０１１')).toBe('4980123456789011');
    expect(normaliseCardNumber('4980ー1234ー5678ー9011')).toBe('4980123456789011');
  });
});

describe('masking', () => {
  it('shows only the last 4 digits of a card number (PCI DSS 3.4.1)', () => {
    expect(maskCardNumber('9011')).toBe('**** **** **** 9011');
  });

  it('masks an applying member ID so that a second ID of the same person looks different (twoids / twoids.alt)', () => {
    expect(maskMemberId('twoids@example.jp')).toBe('t****s@example.jp');
    expect(maskMemberId('twoids.alt@example.jp')).toBe('t********t@example.jp');
    expect(maskMemberId('taro0123')).toBe('t******3');
    expect(maskMemberId('ab@example.jp')).toBe('a*@example.jp');
    expect(maskMemberId('hanako@example.jp')).not.toContain('hanako');
  });
});
