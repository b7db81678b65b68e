import { z } from 'zod';
import { normaliseCardNumber, passesLuhn } from './card-number.ts';
import { isIsoDate } from './import.ts';
import { incomeBands } from './screening.ts';
import { checkStartPin } from './start-pin.ts';

/** Digits typed on a Japanese keyboard may be full width: NFKC first. */
const nfkc = (v: string) => v.normalize('NFKC').trim();

const cardNumber = z
  .string()
  .max(40, 'cards.validation.cardNumber.format')
  .transform(normaliseCardNumber)
  .pipe(
    z
      .string()
      .min(1, 'cards.validation.cardNumber.required')
      .regex(/^\d{16}$/, 'cards.validation.cardNumber.format')
      .refine(passesLuhn, 'cards.validation.cardNumber.luhn'),
  );

const birthDate = z
  .string()
  .max(10, 'cards.validation.birthDate')
  .transform(nfkc)
  .refine(isIsoDate, 'cards.validation.birthDate');

const startPin = z
  .string()
  .max(8, 'cards.validation.startPin.format')
  .transform(nfkc)
  .pipe(z.string().regex(/^\d{4}$/, 'cards.validation.startPin.format'));

/** The start procedure form. */
export const enrollForm = z.object({ cardNumber, birthDate, startPin });

/**
 * The start procedure form as posted: after a wrong start PIN the page keeps the card as a sealed value
 * (`cardNumberKept`, encrypted with the data keys) so the member need not type the 16 digits again while the
 * page never shows more than the last 4. An empty card number field takes the kept card; one that does not
 * decrypt counts as empty, so the member is asked for the number.
 */
export function enrollFormKeeping(unseal: (sealed: string) => string | undefined) {
  return z.preprocess((raw) => {
    if (!raw || typeof raw !== 'object') return raw;
    const fields = raw as Record<string, unknown>;
    const typed = typeof fields.cardNumber === 'string' ? fields.cardNumber.trim() : '';
    const kept = typeof fields.cardNumberKept === 'string' ? fields.cardNumberKept.slice(0, 400) : '';
    if (typed || !kept) return raw;
    return { ...fields, cardNumber: unseal(kept) ?? '' };
  }, enrollForm);
}

/** The card application form: guessable start PINs are refused with the reason (DOMAIN.md). */
export const applyForm = z
  .object({
    holderName: z
      .string()
      .transform((v) => nfkc(v).toUpperCase())
      .pipe(z.string().regex(/^[A-Z][A-Z .'-]{0,99}$/, 'cards.validation.holderName')),
    birthDate,
    phone: z
      .string()
      .transform(nfkc)
      .pipe(z.string().regex(/^\+?[\d-]{8,20}$/, 'cards.validation.phone')),
    incomeBand: z.enum(incomeBands, 'cards.validation.incomeBand'),
    startPin: z.string().max(8, 'cards.validation.startPin.format').transform(nfkc),
    startPinConfirm: z.string().max(8, 'cards.validation.startPinConfirm').transform(nfkc),
  })
  .superRefine((v, ctx) => {
    const problem = checkStartPin(v.startPin, v.birthDate);
    if (problem)
      ctx.addIssue({ code: 'custom', path: ['startPin'], message: `cards.validation.startPin.${problem}` });
    else if (v.startPinConfirm !== v.startPin)
      ctx.addIssue({
        code: 'custom',
        path: ['startPinConfirm'],
        message: 'cards.validation.startPinConfirm',
      });
  });
