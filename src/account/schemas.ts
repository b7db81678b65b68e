import { z } from 'zod';
import { emailSchema } from '../members/identity.ts';
import { newPasswordField } from '../members/schemas.ts';

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
