import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { dictionary as common } from '@zxcvbn-ts/language-common';

/** OWASP Password Storage / ASVS 11.4.2: argon2id, m=19456 KiB, t=2, p=1 at least. */
// Algorithm is an ambient const enum (unusable under verbatimModuleSyntax); 2 is Argon2id.
export const ARGON2_PARAMS = {
  algorithm: 2 as Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Hashes a secret (password or start PIN) with argon2id at the current parameters. */
export function hashSecret(secret: string): Promise<string> {
  return hash(secret, ARGON2_PARAMS);
}

/** Verifies a secret against an argon2 hash; a malformed hash counts as a mismatch. */
export async function verifySecret(storedHash: string, secret: string): Promise<boolean> {
  try {
    return await verify(storedHash, secret);
  } catch {
    return false;
  }
}

/** True when a stored hash was made with weaker parameters than ARGON2_PARAMS and should be replaced. */
export function needsRehash(storedHash: string): boolean {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
  if (!m) return true;
  return (
    Number(m[1]) < ARGON2_PARAMS.memoryCost ||
    Number(m[2]) < ARGON2_PARAMS.timeCost ||
    Number(m[3]) < ARGON2_PARAMS.parallelism
  );
}

let dummyHash: Promise<string> | undefined;
/**
 * A real hash of a random string. When no account matches, login verifies against it anyway so that an
 * unknown ID costs the same time as a wrong password (ASVS 6.3.8).
 */
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashSecret(`dummy-${Math.random()}-${Date.now()}`);
  return dummyHash;
}

// zxcvbn-ts ships the 49k most common passwords; NIST 800-63B-4 asks to refuse them.
const commonPasswords = new Set<string>(common['passwords-common'] as string[]);

/** A common password, or one with only digits or symbols appended to a common one ("qwertyuiop2026!"). */
function isCommonPassword(lower: string): boolean {
  if (commonPasswords.has(lower)) return true;
  for (let end = lower.length - 1; end >= 6; end--) {
    if (/^[\d\W_]+$/.test(lower.slice(end)) && commonPasswords.has(lower.slice(0, end))) return true;
  }
  return false;
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_user_id' | 'contains_email';

/**
 * NIST 800-63B-4 / ASVS 6.2: length 12–128 (code points), no composition rules, not a common password,
 * and not containing the user ID or the email's local part.
 */
export function checkPasswordPolicy(
  password: string,
  context: { userId?: string; email?: string },
): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const lower = password.normalize('NFKC').toLowerCase();
  if (isCommonPassword(lower)) return 'common';
  const userId = context.userId?.toLowerCase();
  if (userId && userId.length >= 3 && lower.includes(userId)) return 'contains_user_id';
  const local = context.email?.toLowerCase().split('@')[0];
  if (local && local.length >= 3 && lower.includes(local)) return 'contains_email';
  return null;
}
