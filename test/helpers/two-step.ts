import type { AppDeps } from '../../src/deps.ts';
import { turnOnTwoStepWithSecret } from '../../src/members/two-step.ts';
import { currentTotpCode, generateTotpSecret } from '../../src/security/totp.ts';

/** Turns two-step login on for a member; returns the secret, the recovery codes and a code generator. */
export async function enableTwoStep(deps: AppDeps, memberId: number, secret = generateTotpSecret()) {
  const recoveryCodes = await turnOnTwoStepWithSecret(deps, memberId, secret);
  if (!recoveryCodes) throw new Error('two-step login was already on');
  return { secret, recoveryCodes, code: (at = deps.now()) => currentTotpCode(secret, at) };
}

/** Six-digit codes that are wrong for this secret at this moment (none of the three accepted steps). */
export function wrongCodes(secret: string, at: Date, count: number): string[] {
  const valid = new Set([-30_000, 0, 30_000].map((d) => currentTotpCode(secret, new Date(at.getTime() + d))));
  const codes: string[] = [];
  for (let i = 0; codes.length < count; i++) {
    const c = String(100000 + ((i * 7919) % 900000));
    if (!valid.has(c)) codes.push(c);
  }
  return codes;
}
