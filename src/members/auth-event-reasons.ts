/**
 * Every reason code a security event can carry, in one list: `recordAuthEvent` accepts only these (the
 * compiler checks every call), and the support console labels each one in ja and en (support/labels.ts).
 * An upper-case `N` stands for a number written into the code, e.g. `sessions_revoked_N` is stored as
 * `sessions_revoked_3`.
 */
export const AUTH_EVENT_REASONS = [
  // login_failure
  'unknown_id',
  'locked',
  'wrong_password',
  'force_withdrawn',
  'wrong_second_factor',
  'second_factor_replayed',
  'passkey_refused',
  // login_lock: the how-many-th lock in a row
  'lock_N',
  // password, email, two-step and passkey changes: how many other sessions ended
  'sessions_revoked_N',
  'user_id_changed_sessions_revoked_N',
  'by_support_sessions_revoked_N',
  'by_member_sessions_revoked_N',
  'by_member',
  'signed_out_by_member',
  'cancelled',
  'passkey_N',
  'devices_N',
  // withdrawal: sessions ended, cards detached
  'sessions_N_cards_N',
  // recovery requests
  'user_id',
  'user_id_unknown',
  'user_id_withdrawn',
  'password',
  'password_unknown',
  'password_withdrawn',
  'reset_by_support',
  // unlock, forced withdrawal
  'support',
] as const;

export type AuthEventReasonPattern = (typeof AUTH_EVENT_REASONS)[number];

/** `sessions_revoked_N` → `sessions_revoked_${number}`: the codes a pattern stands for. */
type Expand<P extends string> = P extends `${infer A}_N${infer B}` ? `${A}_${number}${Expand<B>}` : P;

/** A reason code as written to auth_events.reason. */
export type AuthEventReason = Expand<AuthEventReasonPattern>;

const matchers = AUTH_EVENT_REASONS.map((pattern) => ({
  pattern,
  regex: new RegExp(`^${pattern.replace(/_N(?=_|$)/g, '_(\\d+)')}$`),
}));

/** The pattern a stored reason code belongs to and the numbers in it; undefined for an unknown code. */
export function parseAuthEventReason(
  code: string,
): { pattern: AuthEventReasonPattern; numbers: number[] } | undefined {
  for (const m of matchers) {
    const hit = m.regex.exec(code);
    if (hit) return { pattern: m.pattern, numbers: hit.slice(1).map(Number) };
  }
  return undefined;
}
