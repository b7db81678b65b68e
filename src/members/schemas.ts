import { z } from 'zod';
import { checkPasswordPolicy } from '../security/password.ts';
import { emailSchema, isEmailShape, normaliseIdentifier, userIdSchema } from './identity.ts';

/** Login: the identifier is normalised; the password is taken as typed (policy applies at registration only). */
export const loginForm = z.object({
  identifier: z
    .string()
    .max(254, 'validation.identifier.required')
    .transform(normaliseIdentifier)
    .pipe(z.string().min(1, 'validation.identifier.required')),
  password: z.string().min(1, 'validation.password.required').max(1024, 'validation.password.too_long'),
});

/** A new password with the policy's reason as the field message. */
export function newPasswordField<T extends Record<string, unknown>>(
  value: T,
  ctx: z.RefinementCtx,
  field: string,
  context: { userId?: string; email?: string },
) {
  const password = value[field];
  if (typeof password !== 'string' || password.length === 0) {
    ctx.addIssue({ code: 'custom', path: [field], message: 'validation.password.required' });
    return;
  }
  const problem = checkPasswordPolicy(password, context);
  if (problem) ctx.addIssue({ code: 'custom', path: [field], message: `validation.password.${problem}` });
}

export const registerForm = z
  .object({
    userId: userIdSchema,
    email: emailSchema,
    password: z.string().max(1024, 'validation.password.too_long'),
  })
  .superRefine((v, ctx) => {
    if (isEmailShape(v.userId) && v.userId !== v.email) {
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'validation.userId.emailMismatch' });
    }
    newPasswordField(v, ctx, 'password', { userId: v.userId, email: v.email });
  });

export const tokenForm = z.object({ token: z.string().min(20).max(100) });

// ---- recovery: forgot ID, forgot password, the reset link ----------------------------------------------

export const forgotUserIdForm = z.object({ email: emailSchema });

export const forgotPasswordForm = z.object({
  identifier: z
    .string()
    .max(254, 'validation.userId.format')
    .transform(normaliseIdentifier)
    .pipe(z.string().min(1, 'validation.identifier.required')),
});

/** The new password, checked against the registration policy for this member's ID and email. */
export const resetPasswordForm = (member: { user_id: string; email: string }) =>
  z
    .object({
      token: z.string().min(20).max(100),
      password: z.string().max(1024, 'validation.password.too_long'),
    })
    .superRefine((v, ctx) =>
      newPasswordField(v, ctx, 'password', { userId: member.user_id, email: member.email }),
    );
