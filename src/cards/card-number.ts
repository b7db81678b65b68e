import { randomInt } from 'node:crypto';

/** Our issuer identification number: every card we issue starts with it. */
export const ISSUER_PREFIX = '4980';
export const CARD_NUMBER_LENGTH = 16;

/**
 * A typed card number as digits only: NFKC turns full-width digits into ASCII, and the spaces and hyphens
 * people copy from the card face are dropped. Anything else stays, so validation can refuse it.
 */
export function normaliseCardNumber(typed: string): string {
  return typed.normalize('NFKC').replace(/[\s\-‐‑–—−ー]/g, '');
}

/** The Luhn (mod 10) check every payment card number satisfies (ISO/IEC 7812-1). */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

function luhnSum(digits: string, doubleFirstFromRight: boolean): number {
  let sum = 0;
  let double = doubleFirstFromRight;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum;
}

/** The check digit that makes `body` + digit pass Luhn. */
export function luhnCheckDigit(body: string): string {
  return String((10 - (luhnSum(body, true) % 10)) % 10);
}

/** A new 16-digit card number: our prefix, random account digits, Luhn check digit. */
export function generateCardNumber(): string {
  let body = ISSUER_PREFIX;
  while (body.length < CARD_NUMBER_LENGTH - 1) body += String(randomInt(10));
  return body + luhnCheckDigit(body);
}

/** A card number a member may see: only the last 4 digits (PCI DSS 3.4.1). */
export function maskCardNumber(last4: string): string {
  return `**** **** **** ${last4}`;
}

/**
 * A member ID shown to someone who proved card number and birth date but is logged in with another ID
 * (DOMAIN.md cause 5): enough for the owner to recognise it, too little to log in with.
 * Emails: first character + *** + @domain ("t***@example.jp"); plain IDs: first character + ***.
 */
export function maskMemberId(userId: string): string {
  // P02 is shown to someone who proved the card (number, birth date AND start PIN), usually the same person
  // logged in with their other member ID. `t***@example.jp` looked the same for twoids@ and twoids.alt@, so
  // the member could not tell which ID to use. Showing the first and last character and one star per hidden
  // character tells IDs of different length or ending apart, while most of the ID stays hidden (never more
  // than 2 characters of the part before @). The page also shows the ID the member is logged in with.
  const chars = [...userId];
  const at = userId.lastIndexOf('@');
  const local = at > 0 ? [...userId.slice(0, at)] : chars;
  const domain = at > 0 ? userId.slice(at) : '';
  const first = local[0] ?? '';
  const masked =
    local.length <= 2
      ? `${first}${'*'.repeat(local.length - 1)}`
      : `${first}${'*'.repeat(local.length - 2)}${local.at(-1)}`;
  return `${masked}${domain}`;
}
