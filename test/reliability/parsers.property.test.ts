// Hostile input, parser level: property-based tests (fast-check) over every parser at the edge. Properties:
// never throws, output normalised, accepted values satisfy the rule the parser stands for.
import { CsvError } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as accountSchemas from '../../src/account/schemas.ts';
import { generateCardNumber, normaliseCardNumber, passesLuhn } from '../../src/cards/card-number.ts';
import { isIsoDate, readImportRows } from '../../src/cards/import.ts';
import { applyForm, enrollForm } from '../../src/cards/schemas.ts';
import { checkStartPin } from '../../src/cards/start-pin.ts';
import { tokenize } from '../../src/help/search.ts';
import { negotiateLang } from '../../src/i18n/index.ts';
import { isUserIdShape, looksSwapped, normaliseIdentifier } from '../../src/members/identity.ts';
import * as memberSchemas from '../../src/members/schemas.ts';
import * as supportSchemas from '../../src/support/schemas.ts';
import { FORM_FIELDS, hostileString } from '../helpers/reliability-fuzz.ts';

const runs = process.env.SOAK ? 20_000 : 500;
const prop = (p: fc.IPropertyWithHooks<never> | fc.IProperty<never> | fc.IAsyncProperty<never>) =>
  fc.assert(p as fc.IProperty<never>, { numRuns: runs });

describe('member ID parsers', () => {
  it('normaliseIdentifier never throws, trims and lower-cases, and is idempotent', () => {
    prop(
      fc.property(hostileString(), (s) => {
        const once = normaliseIdentifier(s);
        expect(once).toBe(once.trim());
        expect(normaliseIdentifier(once)).toBe(once);
      }) as never,
    );
  });

  it('isUserIdShape accepts only already-normalised values of at most 254 characters', () => {
    prop(
      fc.property(
        fc.oneof(hostileString(), fc.emailAddress(), fc.stringMatching(/^[A-Za-z0-9._-]{4,70}$/)),
        (s) => {
          if (isUserIdShape(s)) {
            expect(normaliseIdentifier(s)).toBe(s);
            expect(s.length).toBeLessThanOrEqual(254);
          }
        },
      ) as never,
    );
  });

  it('looksSwapped never throws and is false whenever the ID field holds a valid ID', () => {
    prop(
      fc.property(hostileString(), hostileString(), (id, pw) => {
        const swapped = looksSwapped(id, pw);
        if (isUserIdShape(normaliseIdentifier(id))) expect(swapped).toBe(false);
      }) as never,
    );
  });
});

describe('form schemas of every domain', () => {
  const member = { user_id: 'taro0123', email: 'taro@example.jp', userId: 'taro0123' };
  const schemas = {
    ...Object.fromEntries(Object.entries(memberSchemas).filter(([, v]) => typeof v === 'object')),
    ...Object.fromEntries(Object.entries(accountSchemas).filter(([, v]) => typeof v === 'object')),
    resetPasswordForm: memberSchemas.resetPasswordForm(member),
    changePasswordForm: accountSchemas.changePasswordForm(member),
    enrollForm,
    applyForm,
    ...Object.fromEntries(Object.entries(supportSchemas).filter(([, v]) => typeof v === 'object')),
  } as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  const fields = FORM_FIELDS;

  it.each(Object.keys(schemas))('%s: safeParse never throws on any record of strings', (name) => {
    const schema = schemas[name]!;
    prop(
      fc.property(fc.dictionary(fc.constantFrom(...fields), hostileString(), { maxKeys: 8 }), (input) => {
        schema.safeParse(input);
      }) as never,
    );
  });

  it('enrollForm: accepted input is 16 Luhn digits, a real date and 4 ASCII digits', () => {
    prop(
      fc.property(
        fc.record({
          cardNumber: fc.oneof(hostileString(40), fc.constant(generateCardNumber())),
          birthDate: fc.oneof(hostileString(12), fc.constantFrom('1990-04-01', '２０００-０１-３１')),
          startPin: fc.oneof(hostileString(8), fc.stringMatching(/^[0-9０-９]{4}$/)),
        }),
        (input) => {
          const r = enrollForm.safeParse(input);
          if (r.success) {
            expect(r.data.cardNumber).toMatch(/^\d{16}$/);
            expect(passesLuhn(r.data.cardNumber)).toBe(true);
            expect(isIsoDate(r.data.birthDate)).toBe(true);
            expect(r.data.startPin).toMatch(/^\d{4}$/);
          }
        },
      ) as never,
    );
  });
});

describe('card numbers and start PINs', () => {
  it('normaliseCardNumber round-trips any number typed with spaces, hyphens or full-width digits', () => {
    prop(
      fc.property(
        fc.stringMatching(/^\d{16}$/),
        fc.constantFrom(' ', '-', '‐', '　', ''),
        fc.boolean(),
        (digits, sep, wide) => {
          let typed = digits.match(/.{4}/g)!.join(sep);
          if (wide) typed = typed.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
          expect(normaliseCardNumber(typed)).toBe(digits);
        },
      ) as never,
    );
  });

  it('Luhn: every issued number passes and any single changed digit fails (ISO/IEC 7812-1)', () => {
    prop(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const n = generateCardNumber();
        expect(passesLuhn(n)).toBe(true);
        const changed = n.slice(0, pos) + String((Number(n[pos]) + delta) % 10) + n.slice(pos + 1);
        expect(passesLuhn(changed)).toBe(false);
      }) as never,
    );
  });

  it('checkStartPin never throws; an accepted PIN is 4 digits, not repeated, not a run, not the birth date', () => {
    prop(
      fc.property(
        fc.oneof(hostileString(8), fc.stringMatching(/^\d{4}$/)),
        fc.constantFrom(undefined, '1990-04-01', '2000-12-31', 'junk'),
        (pin, birth) => {
          if (checkStartPin(pin, birth) === null) {
            expect(pin).toMatch(/^\d{4}$/);
            expect(new Set(pin).size).toBeGreaterThan(1);
            expect('01234567890123456789').not.toContain(pin);
            expect('98765432109876543210').not.toContain(pin);
            if (birth === '1990-04-01') expect(['1990', '0401', '0104']).not.toContain(pin);
          }
        },
      ) as never,
    );
  });
});

describe('help search, language negotiation, CSV import', () => {
  it('tokenize never throws and yields only non-empty terms without whitespace', () => {
    prop(
      fc.property(hostileString(), (s) => {
        for (const term of tokenize(s)) {
          expect(term.length).toBeGreaterThan(0);
          expect(term).not.toMatch(/\s/);
        }
      }) as never,
    );
  });

  it('negotiateLang always answers ja or en, and a valid ?lang= wins', () => {
    prop(
      fc.property(
        fc.option(hostileString()),
        fc.option(hostileString()),
        fc.option(hostileString()),
        (q, c, a) => {
          expect(['ja', 'en']).toContain(negotiateLang(q ?? undefined, c ?? undefined, a ?? undefined));
          expect(negotiateLang('en', c ?? undefined, a ?? undefined)).toBe('en');
        },
      ) as never,
    );
  });

  it('readImportRows (JSON Lines) never throws and refuses every line that is not a JSON object', () => {
    prop(
      fc.property(
        fc.array(fc.oneof(hostileString(), fc.json(), fc.constant('{"number":"4980123456789011"}')), {
          maxLength: 20,
        }),
        (lines) => {
          const text = lines.join('\n');
          const { rows, refused } = readImportRows('x.jsonl', text);
          expect(rows.length + refused.length).toBe(
            text.split(/\r?\n/).filter((l) => l.trim() !== '').length,
          );
          for (const row of rows) expect(typeof row.fields).toBe('object');
        },
      ) as never,
    );
  });

  it('readImportRows (CSV) either returns rows or refuses the file with a parse error, never anything else', () => {
    prop(
      fc.property(fc.array(hostileString(80), { minLength: 1, maxLength: 10 }), (lines) => {
        try {
          const { rows } = readImportRows('x.csv', `number,last4\n${lines.join('\n')}`);
          for (const row of rows) expect(row.line).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(CsvError);
        }
      }) as never,
    );
  });
});
