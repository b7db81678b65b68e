import { z } from 'zod';

/** NFKC + lower case + trim: full-width input from a Japanese keyboard and any letter case match the stored form. */
export function normaliseIdentifier(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const USER_ID = /^[a-z0-9._-]{6,64}$/;

export function isEmailShape(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** A user ID is 6–64 half-width letters, digits, '.', '_' or '-', or an email address. */
export function isUserIdShape(value: string): boolean {
  return USER_ID.test(value) || isEmailShape(value);
}

/**
 * DOMAIN.md cause 1: the user ID and password typed into each other's fields. Judged on shape only,
 * never by a lookup: the ID field holds something that cannot be an ID and the password field holds an ID or email.
 */
export function looksSwapped(identifier: string, password: string): boolean {
  const id = normaliseIdentifier(identifier);
  const pw = normaliseIdentifier(password);
  return id.length > 0 && !isUserIdShape(id) && isUserIdShape(pw);
}

/** zod: a normalised email. */
export const emailSchema = z
  .string()
  .max(254, 'validation.email.format')
  .transform(normaliseIdentifier)
  .pipe(z.string().min(1, 'validation.email.required').refine(isEmailShape, 'validation.email.format'));

/** zod: a normalised user ID (ID shape or email). */
export const userIdSchema = z
  .string()
  .max(254, 'validation.userId.format')
  .transform(normaliseIdentifier)
  .pipe(z.string().min(1, 'validation.userId.required').refine(isUserIdShape, 'validation.userId.format'));
