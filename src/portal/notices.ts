import { monthOf } from '../cards/billing.ts';
import type { CardStatus } from '../cards/tables.ts';
import type { AppDeps } from '../deps.ts';
import { formatSignInTime } from '../members/sign-ins.ts';
import type { CardOverview } from '../statements/statement.ts';

/** What needs the member's attention, in the order the dashboard shows it. */
export type PortalNotice =
  | { kind: 'card_locked'; cardId: number; last4: string; since: Date }
  | { kind: 'replacement_requested'; last4: string }
  | { kind: 'replacement_on_its_way'; lostLast4: string; last4: string }
  | { kind: 'payment_overdue'; amount: number; date: string }
  | { kind: 'payment_due'; amount: number; date: string }
  | { kind: 'renewal_coming'; cardId: number; last4: string; expiry: string }
  | { kind: 'enrollment_completed'; last4: string }
  | { kind: 'last_login'; at: string };

/** Months before a card's expiry month (inclusive) in which the renewal notice shows. */
export const RENEWAL_NOTICE_MONTHS = 2;
/** Days before the payment date from which a due bill is a notice. */
export const PAYMENT_NOTICE_DAYS = 14;
/** Days after enrollment during which "enrollment completed" stays on the dashboard. */
export const ENROLLED_NOTICE_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface NoticeCard {
  id: number;
  last4: string;
  status: CardStatus;
  expiry_year: number;
  expiry_month: number;
  locked_by_member_at: Date | null;
  enrolled_at: Date;
}

/** Whole days from `from` to `to` ('YYYY-MM-DD'). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The dashboard's notices for the card shown and the member's other cards: a locked card, a replacement
 * requested or on its way, the bill due or overdue, a renewal coming, an enrollment just completed, and the
 * previous login (the one before this session's).
 */
export function portalNotices(
  deps: AppDeps,
  input: {
    lang: 'ja' | 'en';
    today: string;
    shown: NoticeCard;
    cards: NoticeCard[];
    bill: Pick<CardOverview['bill'], 'total' | 'paymentDate' | 'payment'>;
    /** Replacements of the member's cards (replacementsOfMember), oldest request first. */
    replacements: {
      last4: string;
      issued: boolean;
      replacement_last4: string | null;
      replacement_enrolled_by: number | null;
    }[];
    /** The login before this session's, if any. */
    previousLogin: Date | null;
  },
): PortalNotice[] {
  const { today, shown, bill } = input;
  const notices: PortalNotice[] = [];
  for (const card of input.cards)
    if (card.status === 'active' && card.locked_by_member_at)
      notices.push({
        kind: 'card_locked',
        cardId: card.id,
        last4: card.last4,
        since: card.locked_by_member_at,
      });
  for (const r of input.replacements) {
    if (!r.issued) notices.push({ kind: 'replacement_requested', last4: r.last4 });
    else if (r.replacement_last4 && r.replacement_enrolled_by === null)
      notices.push({ kind: 'replacement_on_its_way', lostLast4: r.last4, last4: r.replacement_last4 });
  }
  if (bill.total > 0 && bill.payment.state === 'unpaid')
    notices.push({ kind: 'payment_overdue', amount: bill.total, date: bill.paymentDate });
  else if (
    bill.total > 0 &&
    bill.payment.state === 'not_due' &&
    daysBetween(today, bill.paymentDate) <= PAYMENT_NOTICE_DAYS
  )
    notices.push({ kind: 'payment_due', amount: bill.total, date: bill.paymentDate });
  const thisMonth = monthOf(today);
  const expiry = `${shown.expiry_year}-${String(shown.expiry_month).padStart(2, '0')}`;
  if (shown.status === 'active' && expiry >= thisMonth && expiry <= monthOf(today, RENEWAL_NOTICE_MONTHS))
    notices.push({ kind: 'renewal_coming', cardId: shown.id, last4: shown.last4, expiry });
  if (deps.now().getTime() - shown.enrolled_at.getTime() < ENROLLED_NOTICE_DAYS * DAY_MS)
    notices.push({ kind: 'enrollment_completed', last4: shown.last4 });
  if (input.previousLogin)
    notices.push({ kind: 'last_login', at: formatSignInTime(deps, input.previousLogin, input.lang) });
  return notices;
}
