import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimiters } from '../security/rate-limit.ts';

const made = new WeakMap<RateLimiters, Map<string, RateLimiterAbstract>>();

function limiter(limiters: RateLimiters, name: string, points: number, seconds: number) {
  const byName = made.get(limiters) ?? new Map<string, RateLimiterAbstract>();
  made.set(limiters, byName);
  const existing = byName.get(name);
  if (existing) return existing;
  const created = limiters.create(name, points, seconds);
  byName.set(name, created);
  return created;
}

/**
 * Forgot-ID and forgot-password requests per typed identifier (email or user ID, known or not, so the limit
 * reveals nothing): 5 an hour. Keeps a mailbox from being flooded and links from being churned.
 */
export const recoveryByIdentifier = (limiters: RateLimiters) => limiter(limiters, 'recovery_id', 5, 3600);

/**
 * Current-password checks in settings (email change, password change, withdrawal) per member: 10 in
 * 15 minutes, so a stolen session cannot be used to guess the password (NIST 800-63B-4 throttling).
 */
export const reauthByMember = (limiters: RateLimiters) => limiter(limiters, 'reauth_member', 10, 900);
