import { availableCredit, monthStart, todayIn } from '../cards/billing.ts';
import { findCardsOfMember, findEnrolledCards } from '../cards/repository.ts';
import { isStartPinLocked } from '../cards/start-pin.ts';
import type { CardBrand, CardStatus } from '../cards/tables.ts';
import type { AppDeps } from '../deps.ts';
import type { ErrorCode } from '../errors/catalog.ts';
import { type CardOverview, cardOverviewOf, cardOverviewRange } from '../statements/statement.ts';
import { type PortalNotice, portalNotices } from './notices.ts';
import { findDashboardRows } from './repository.ts';

/**
 * The coded error a card's status shows in the portal (DOMAIN.md cause 9). A card the member reported lost
 * (reissue_requested) keeps its dashboard: its bill is still due, and the notices say where the replacement is.
 */
export const cardStatusErrors: Record<Exclude<CardStatus, 'active' | 'reissue_requested'>, ErrorCode> = {
  suspended: 'C01',
  force_cancelled: 'C02',
  cancelled_at_renewal: 'C03',
  closed_by_member: 'C04',
};

export interface PortalCard {
  id: number;
  last4: string;
  brand: CardBrand;
  status: CardStatus;
  /** Locked by the member (利用停止): still 'active' for the issuer, but not usable until unlocked. */
  lockedByMember: boolean;
}

export interface Dashboard {
  card: PortalCard & { creditLimit: number; expiry: string };
  cards: PortalCard[];
  availableCredit: number;
  /** This month's bill (the newest closed month's statement), points and spending charts. */
  overview: CardOverview;
  unbilled: number;
  transactions: { id: number; used_on: string; merchant: string; amount: number }[];
  /** What needs attention (notices.ts). */
  notices: PortalNotice[];
}

export type PortalHome =
  /** No enrolled card: the start procedure (DOMAIN.md cause 6). */
  | { kind: 'enroll' }
  /** No enrolled card and the member's own card is PIN-locked (cause 7). */
  | { kind: 'start_pin_locked' }
  /** The chosen enrolled card is not active (cause 9). */
  | { kind: 'card_unavailable'; code: ErrorCode; cards: PortalCard[] }
  | { kind: 'dashboard'; dashboard: Dashboard };

const RECENT_TRANSACTIONS = 10;

/**
 * What /portal shows a logged-in member: the dashboard of an active enrolled card (the one asked for, or
 * the first active one), a card's coded error, the start-PIN lock page, or the start procedure.
 */
export async function loadPortalHome(
  deps: AppDeps,
  memberId: number,
  cardId?: number,
  lang: 'ja' | 'en' = 'ja',
): Promise<PortalHome> {
  const { db, config, now } = deps;
  const enrolled = await findEnrolledCards(db, memberId);
  const [first] = enrolled;
  if (!first) {
    const own = await findCardsOfMember(db, memberId);
    return own.some((c) => c.enrolled_member_id === null && isStartPinLocked(c, config))
      ? { kind: 'start_pin_locked' }
      : { kind: 'enroll' };
  }
  const cards = enrolled.map(({ id, last4, brand, status, locked_by_member_at }) => ({
    id,
    last4,
    brand,
    status,
    lockedByMember: locked_by_member_at !== null,
  }));
  const chosen =
    enrolled.find((c) => c.id === cardId) ?? enrolled.find((c) => c.status === 'active') ?? first;
  if (chosen.status !== 'active' && chosen.status !== 'reissue_requested')
    return { kind: 'card_unavailable', code: cardStatusErrors[chosen.status], cards };

  const today = todayIn(now(), config.contact.timeZone);
  const rows = await findDashboardRows(db, memberId, chosen.id, {
    ...cardOverviewRange(today),
    unbilledFrom: monthStart(today, 0),
    recent: RECENT_TRANSACTIONS,
  });
  const overview = cardOverviewOf(deps, today, rows.overview);
  const { unbilled, recent: transactions } = rows;
  const { bill } = overview;
  const notices = portalNotices(deps, {
    lang,
    today,
    shown: chosen,
    cards: enrolled,
    bill,
    replacements: rows.replacements,
    previousLogin: rows.previousLogin,
  });
  return {
    kind: 'dashboard',
    dashboard: {
      card: {
        id: chosen.id,
        last4: chosen.last4,
        brand: chosen.brand,
        status: chosen.status,
        lockedByMember: chosen.locked_by_member_at !== null,
        creditLimit: chosen.credit_limit,
        expiry: `${String(chosen.expiry_month).padStart(2, '0')}/${String(chosen.expiry_year).slice(-2)}`,
      },
      cards,
      // Everything owed counts against the limit: this month's bill until it is paid, revolving and
      // instalment principal billed later, and this month's usage so far. A reported card has none left.
      availableCredit:
        chosen.status !== 'active'
          ? 0
          : availableCredit(
              chosen.credit_limit,
              bill.payment.state === 'paid' ? 0 : bill.total,
              unbilled + bill.laterPrincipal,
            ),
      overview,
      unbilled,
      transactions,
      notices,
    },
  };
}
