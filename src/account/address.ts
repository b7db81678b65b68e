import { z } from 'zod';

/**
 * A Japanese postal address as members type it: postal code (format only: the lookup is out of scope),
 * prefecture (JIS X 0401 code, names in registration-messages.ts), city/street and building. Used by the
 * registration details in settings and by the card application (the address the card is posted to).
 */

/** JIS X 0401 prefecture codes, 01 Hokkaido … 47 Okinawa. */
export const prefectureCodes = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '28',
  '29',
  '30',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '40',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '47',
] as const;
export type PrefectureCode = (typeof prefectureCodes)[number];

/** Digits and hyphens typed on a Japanese keyboard may be full width: NFKC first. */
const nfkc = (v: string) => v.normalize('NFKC').trim();

/** 〒123-4567 or 1234567 (full width allowed) → '123-4567'. */
export const postalCodeField = z
  .string()
  .max(20, 'validation.postalCode')
  .transform((v) =>
    nfkc(v)
      .replace(/^〒/, '')
      .replace(/[\s‐－ー−]/g, '-'),
  )
  .pipe(z.string().regex(/^\d{3}-?\d{4}$/, 'validation.postalCode'))
  .transform((v) => `${v.slice(0, 3)}-${v.slice(-4)}`);

export const addressFields = {
  postalCode: postalCodeField,
  prefecture: z.enum(prefectureCodes, 'validation.prefecture'),
  addressLine1: z
    .string()
    .transform(nfkc)
    .pipe(z.string().min(1, 'validation.addressLine1').max(100, 'validation.addressLine1')),
  addressLine2: z.string().transform(nfkc).pipe(z.string().max(100, 'validation.addressLine2')).optional(),
};

export interface PostalAddress {
  postalCode: string;
  prefecture: PrefectureCode;
  addressLine1: string;
  addressLine2?: string | undefined;
}
