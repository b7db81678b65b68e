import { z } from 'zod';
import { addressFields } from '../account/address.ts';
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

/** Hiragana typed for the kana name becomes katakana (the form asks for katakana). */
const toKatakana = (v: string) =>
  v.replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));

/**
 * The card application form: guessable start PINs are refused with the reason (DOMAIN.md); the name in
 * kanji and kana and the postal address the card is posted to are checked for shape (the postal code is not
 * looked up).
 */
export const applyForm = z
  .object({
    nameKanji: z
      .string()
      .transform(nfkc)
      .pipe(
        z
          .string()
          .regex(
            /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヵヶ・A-Za-z 　]{1,50}$/u,
            'cards.validation.nameKanji',
          ),
      ),
    nameKana: z
      .string()
      .transform((v) => toKatakana(nfkc(v)))
      .pipe(z.string().regex(/^[ァ-ヴー・ 　]{1,50}$/, 'cards.validation.nameKana')),
    ...addressFields,
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

/** Report lost or stolen: the login password (the account pages' limits). */
export const reportLostForm = z.object({
  password: z.string().min(1, 'validation.password.required').max(1024, 'validation.password.too_long'),
});

/** "10,000", "１００００円" and "¥10000" all read as 10000. */
const yenAmount = (v: string) => nfkc(v).replace(/[,\s円¥￥]/g, '');

/**
 * Usage notifications: on with an amount of whole yen (1 to 10,000,000), or off (the amount is then
 * ignored). Gives the amount, or null for off.
 */
export const usageNotificationsForm = z
  .object({
    enabled: z.literal('on').optional(),
    minAmount: z.string().max(20, 'controls.v.amount.tooLong').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.enabled !== 'on') return;
    const digits = yenAmount(v.minAmount);
    const amount = Number(digits);
    if (!/^\d{1,8}$/.test(digits) || amount < 1 || amount > 10_000_000)
      ctx.addIssue({ code: 'custom', path: ['minAmount'], message: 'controls.v.amount' });
  })
  .transform((v) => ({ minAmount: v.enabled === 'on' ? Number(yenAmount(v.minAmount)) : null }));
