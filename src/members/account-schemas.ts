import { z } from 'zod';
import { emailSchema, normaliseIdentifier } from './identity.ts';
import { newPasswordField } from './schemas.ts';

/** Forms of the recovery and settings pages. Messages are i18n keys (see web/form.ts). */

export const forgotUserIdForm = z.object({ email: emailSchema });

export const forgotPasswordForm = z.object({
  identifier: z
    .string()
    .max(254, 'validation.userId.format')
    .transform(normaliseIdentifier)
    .pipe(z.string().min(1, 'validation.identifier.required')),
});

const token = z.string().min(20).max(100);

/** The new password, checked against the registration policy for this member's ID and email. */
export const resetPasswordForm = (member: { user_id: string; email: string }) =>
  z
    .object({ token, password: z.string().max(1024, 'validation.password.too_long') })
    .superRefine((v, ctx) =>
      newPasswordField(v, ctx, 'password', { userId: member.user_id, email: member.email }),
    );

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
