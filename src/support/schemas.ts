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

export const cardSearchForm = z.object({
  last4: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'support.v.last4'),
  birthDate,
});

/** A numeric id in a path; anything else is a 404. */
export const idParam = z.coerce.number().int().positive().max(2_000_000_000);

export const verifyForm = z.object({
  cardId: z.coerce.number('support.v.card').int('support.v.card').positive('support.v.card'),
  fullName: z.string().trim().min(1, 'support.v.fullName').max(100, 'support.v.fullName'),
  birthDate,
  phone: z.string().trim().min(1, 'support.v.phone').max(30, 'support.v.phone'),
  cardNumber: z.string().trim().min(1, 'support.v.cardNumber').max(30, 'support.v.cardNumber'),
});

const reason = z.string().trim().min(5, 'support.v.reason').max(500, 'support.v.reason');

export const reasonForm = z.object({ reason });

/** Operator-assisted email change: the caller's new address (normalised like members.email) and why. */
export const emailChangeForm = z.object({ newEmail: emailSchema, changeReason: reason });

/** A supervisor turning an email change down says why. */
export const rejectEmailChangeForm = z.object({ rejectReason: reason });

export const cardStatusForm = reasonForm.extend({
  status: z.enum(['active', 'suspended'], 'support.v.status'),
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
