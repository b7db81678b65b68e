import { totpUri as uriFor } from '../security/totp.ts';

export { currentTotpCode, generateTotpSecret, matchTotpStep } from '../security/totp.ts';

/** The otpauth:// URI of a staff member's console TOTP. */
export function totpUri(secretBase32: string, login: string): string {
  return uriFor(secretBase32, 'cardnavi support', login);
}
