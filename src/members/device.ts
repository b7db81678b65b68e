import { generateToken, hashToken, hmac, safeEqual } from '../security/tokens.ts';

/**
 * The device cookie tells a member's browsers apart (new-device mail, "remember this device"). Its value is
 * a 256-bit random token signed with the session secret, so a forged or altered cookie is refused before
 * any look-up; the database keeps only the token's SHA-256.
 */
export function newDeviceCookie(secret: string): { value: string; hash: string } {
  const token = generateToken();
  return { value: `${token}.${hmac(secret, `device:${token}`)}`, hash: hashToken(token) };
}

/** The device hash behind a cookie value, or undefined when the value is not one we signed. */
export function deviceHashOf(secret: string, value: string | undefined): string | undefined {
  if (!value || value.length > 200) return undefined;
  const [token, signature] = value.split('.');
  if (!token || !signature || !safeEqual(signature, hmac(secret, `device:${token}`))) return undefined;
  return hashToken(token);
}
