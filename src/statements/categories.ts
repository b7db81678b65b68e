/**
 * Spending categories a transaction carries (import column `category`; default `other`). The list is a
 * contract with the core system's files and the database check in migration 0010: add a category there too.
 */
export const spendingCategories = [
  'groceries',
  'dining',
  'transport',
  'utilities',
  'telecom',
  'shopping',
  'travel',
  'entertainment',
  'health',
  'education',
  'other',
] as const;

export type SpendingCategory = (typeof spendingCategories)[number];

/** How a line is paid: 1回払い, リボ払い, or 分割払い in N instalments. */
export const paymentMethods = ['one_time', 'revolving', 'instalment'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/** Instalment counts the issuer offers (DOMAIN.md: 3/6/10/12/15/18/20/24). */
export const instalmentCounts = [3, 6, 10, 12, 15, 18, 20, 24] as const;

/** What a line is: a purchase (or a refund, negative) or the card's annual fee. */
export const lineKinds = ['purchase', 'annual_fee'] as const;
export type LineKind = (typeof lineKinds)[number];
