import type { ErrorCode } from '../errors/catalog.ts';

/** Help articles that explain each error code in more depth, most relevant first (slugs in content/help). */
export const articlesForCode: Record<ErrorCode, string[]> = {
  L01: ['cannot-log-in', 'swapped-id-password', 'caps-lock-autofill', 'account-locked', 'forgot-password'],
  A01: ['account-locked', 'forgot-password'],
  S01: ['session-expired'],
  R01: ['cannot-log-in'],
  M01: ['forced-withdrawal', 'before-you-call'],
  M02: ['forgot-password', 'verification-mail'],
  C01: ['card-not-eligible', 'payment-date', 'before-you-call'],
  C02: ['card-not-eligible', 'before-you-call'],
  C03: ['card-not-eligible', 'before-you-call'],
  C04: ['card-not-eligible', 'start-procedure'],
  P01: ['start-pin', 'before-you-call'],
  P02: ['several-member-ids', 'forgot-user-id'],
  P03: ['start-procedure'],
  P04: ['start-procedure'],
  P05: ['start-pin', 'start-procedure'],
};
