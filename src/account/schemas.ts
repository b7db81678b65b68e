import { z } from 'zod';
import { emailSchema } from '../members/identity.ts';
import { newPasswordField } from '../members/schemas.ts';
import { addressFields } from './address.ts';

/** Forms of the account settings pages. Messages are i18n keys (see web/form.ts). */

const token = z.string().min(20).max(100);

const currentPassword = z
  .string()
  .min(1, 'validation.password.required')
  .max(1024, 'validation.password.too_long');

export const changeEmailForm = z.object({ newEmail: emailSchema, currentPassword });

export const changePasswordForm = (member: { userId: string; email: string }) =>
  z
    .object({ currentPassword, newPassword: z.string().max(1024, 'validation.password.too_long') })
    .superRefine((v, ctx) =>
      newPasswordField(v, ctx, 'newPassword', { userId: member.userId, email: member.email }),
    );

export const emailTokenForm = z.object({ token });

export const withdrawPasswordForm = z.object({ password: currentPassword });

export const withdrawConfirmForm = z.object({
  ticket: z.string().min(20).max(100),
  expires: z.string().regex(/^\d{10,16}$/),
  understand: z.literal('yes', { message: 'validation.withdraw.understand' }),
});

// ---- registration details -------------------------------------------------------------------------------

const nfkc = (v: string) => v.normalize('NFKC').trim();

/** Every registration change proves the current password. */
export const addressForm = z.object({ ...addressFields, currentPassword });

/** 0X-XXXX-XXXX or 0XXXXXXXXXX (full width and hyphens allowed) → digits only. */
export const phoneField = z
  .string()
  .max(20, 'validation.phone')
  .transform((v) => nfkc(v).replace(/[-\s()]/g, ''))
  .pipe(z.string().regex(/^0\d{9,10}$/, 'validation.phone'));

export const phoneForm = z.object({ phone: phoneField, currentPassword });

export const bankAccountForm = z.object({
  bankName: z
    .string()
    .transform(nfkc)
    .pipe(z.string().min(1, 'validation.bankName').max(40, 'validation.bankName')),
  bankBranch: z
    .string()
    .transform(nfkc)
    .pipe(z.string().min(1, 'validation.bankBranch').max(40, 'validation.bankBranch')),
  accountType: z.enum(['ordinary', 'current'], 'validation.bankType'),
  accountNumber: z
    .string()
    .max(20, 'validation.bankNumber')
    .transform((v) => nfkc(v).replace(/[-\s]/g, ''))
    .pipe(z.string().regex(/^\d{7}$/, 'validation.bankNumber')),
  // Half-width kana becomes full width under NFKC; the bank holds the name in katakana.
  accountHolder: z
    .string()
    .transform(nfkc)
    .pipe(z.string().regex(/^[ァ-ヴー・ 　]{1,40}$/, 'validation.bankHolder')),
  currentPassword,
});

export const notificationsForm = z.object({
  mailLang: z.enum(['ja', 'en'], 'validation.mailLang'),
  marketingMail: z.literal('yes').optional(),
  currentPassword,
});
