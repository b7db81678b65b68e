import { describe, expect, it } from 'vitest';
import { currentTotpCode, generateTotpSecret, matchTotpStep, totpUri } from './totp.ts';

describe('matchTotpStep', () => {
  const secret = generateTotpSecret();
  const now = new Date('2026-11-28T00:00:15Z');
  const step = Math.floor(now.getTime() / 30_000);

  it('accepts the current code and its neighbours (±30 s drift), returning the step it matched', () => {
    expect(matchTotpStep(secret, currentTotpCode(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, currentTotpCode(secret, new Date(now.getTime() - 30_000)), now)).toBe(
      step - 1,
    );
    expect(matchTotpStep(secret, currentTotpCode(secret, new Date(now.getTime() + 30_000)), now)).toBe(
      step + 1,
    );
  });

  it('refuses codes two steps away and anything that is not 6 digits', () => {
    expect(
      matchTotpStep(secret, currentTotpCode(secret, new Date(now.getTime() - 60_000)), now),
    ).toBeUndefined();
    expect(matchTotpStep(secret, '12345', now)).toBeUndefined();
    expect(matchTotpStep(secret, '', now)).toBeUndefined();
  });

  it('builds an otpauth URI naming the staff login', () => {
    expect(totpUri(secret, 'operator7')).toMatch(
      /^otpauth:\/\/totp\/cardnavi%20support:operator7\?.*secret=/,
    );
  });
});
