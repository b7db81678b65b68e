import { z } from 'zod';
import { emailSchema } from '../members/identity.ts';
import { STAFF_ROLES } from './tables.ts';

/** Form schemas of the console; messages are i18n keys (web/form.ts translates them per field). */

const lowerTrim = (s: string) => s.normalize('NFKC').trim().toLowerCase();

export const staffLoginForm = z.object({
  login: z
    .string()
    .max(64, 'support.v.login')
    .transform(lowerTrim)
    .pipe(z.string().min(1, 'support.v.login')),
  password: z.string().min(1, 'support.v.password').max(1024, 'support.v.password'),
  code: z
    .string()
    .transform((s) => s.normalize('NFKC').replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'support.v.code')),
});

export const memberSearchForm = z.object({
  // No NUL: one reached the member lookup and PostgreSQL refused it (500).
  q: z
    .string()
    .max(254, 'support.v.query')
    .trim()
    .pipe(
      z
        .string()
        .min(1, 'support.v.query')
        .refine((q) => !q.includes('\u0000'), 'support.v.query'),
    ),
});

const birthDate = z.iso.date('support.v.birthDate');

/** A numeric id in a path; anything else is a 404. */
export const idParam = z.coerce.number().int().positive().max(2_000_000_000);

export const verifyForm = z.object({
  cardId: z.coerce.number('support.v.card').int('support.v.card').positive('support.v.card'),
  fullName: z.string().trim().min(1, 'support.v.fullName').max(100, 'support.v.fullName'),
  birthDate,
  phone: z.string().trim().min(1, 'support.v.phone').max(30, 'support.v.phone'),
  cardNumber: z.string().trim().min(1, 'support.v.cardNumber').max(30, 'support.v.cardNumber'),
});

/** Finding a caller by card: the identity check's items, the card named by its number instead of chosen. */
export const callerForm = verifyForm.omit({ cardId: true });

const reason = z.string().trim().min(5, 'support.v.reason').max(500, 'support.v.reason');

export const reasonForm = z.object({ reason });

/** Operator-assisted email change: the caller's new address (normalised like members.email) and why. */
export const emailChangeForm = z.object({ newEmail: emailSchema, changeReason: reason });

/** A supervisor turning an email change down says why. */
export const rejectEmailChangeForm = z.object({ rejectReason: reason });

export const cardStatusForm = reasonForm.extend({
  status: z.enum(['active', 'suspended'], 'support.v.status'),
});

/** 13–19 digits, spaces or hyphens between them allowed: what a card number looks like in free text. */
const CARD_NUMBER_LIKE = /\d(?:[ -]?\d){12,18}/;

/**
 * A refused note goes back into the form with every card-number-like run cut to its last 4 digits: the
 * operator keeps the rest of what they typed, and the page never shows a card number.
 */
export function maskCardNumbersInText(text: string): string {
  return text.replace(
    new RegExp(CARD_NUMBER_LIKE.source, 'g'),
    (run) => `**** ${run.replace(/\D/g, '').slice(-4)}`,
  );
}

/** A call note: free text, but never a card number (only the last 4 digits are ever shown or stored). */
export const noteForm = z.object({
  body: z
    .string()
    .max(2000, 'support.v.noteLength')
    .trim()
    .pipe(
      z
        .string()
        .min(1, 'support.v.noteLength')
        .refine((s) => !s.includes('\u0000'), 'support.v.noteLength')
        .refine((s) => !CARD_NUMBER_LIKE.test(s.normalize('NFKC')), 'support.v.noteCardNumber'),
    ),
});

export const createStaffForm = z.object({
  login: z
    .string()
    .transform(lowerTrim)
    .pipe(z.string().regex(/^[a-z0-9._-]{3,64}$/, 'support.v.staffLogin')),
  displayName: z.string().trim().min(1, 'support.v.displayName').max(100, 'support.v.displayName'),
  role: z.enum(STAFF_ROLES, 'support.v.role'),
  password: z.string().min(1, 'support.v.password').max(1024, 'support.v.password'),
});
