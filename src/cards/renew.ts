import type { Db } from '../db/database.ts';
import type { Logger } from '../log.ts';
import { CARD_VALIDITY_YEARS } from './apply.ts';
import {
  cancelCardAtRenewal,
  findActiveCardsExpiring,
  listOtherCardStatuses,
  renewCard,
} from './repository.ts';
import { type DeclineReason, defaultScreeningRules, type ScreeningRules, screenCard } from './screening.ts';

export interface RenewalReport {
  renewed: { cardId: number; last4: string; creditLimit: number }[];
  declined: { cardId: number; last4: string; reason: DeclineReason }[];
}

/**
 * The renewal screening batch (`cardnavi renew --as-of YYYY-MM-DD`): every active card expiring in the
 * month of `asOf` is screened again. Passed → five more years at the screened limit; declined →
 * cancelled_at_renewal (the member then sees C03). Running it twice changes nothing more: renewed cards
 * no longer expire that month and declined ones are no longer active.
 */
export async function renewCardsExpiring(
  target: { db: Db; log?: Logger; now: () => Date },
  asOf: string,
  rules: ScreeningRules = defaultScreeningRules,
): Promise<RenewalReport> {
  const { db } = target;
  const [year, month] = asOf.split('-').map(Number) as [number, number];
  const report: RenewalReport = { renewed: [], declined: [] };
  for (const card of await findActiveCardsExpiring(db, year, month)) {
    const decision = screenCard(rules, {
      birthDate: card.birth_date,
      incomeBand: card.income_band,
      otherCards: card.member_id === null ? [] : await listOtherCardStatuses(db, card.member_id, card.id),
      today: asOf,
      purpose: 'renewal',
      currentLimit: card.credit_limit,
    });
    if (decision.decision === 'issued') {
      if (await renewCard(db, card.id, decision.creditLimit, CARD_VALIDITY_YEARS))
        report.renewed.push({ cardId: card.id, last4: card.last4, creditLimit: decision.creditLimit });
    } else if (
      await cancelCardAtRenewal(db, card.id, `renewal screening: ${decision.reason}`, target.now())
    ) {
      report.declined.push({ cardId: card.id, last4: card.last4, reason: decision.reason });
    }
  }
  target.log?.info(
    { asOf, renewed: report.renewed.length, declined: report.declined.length },
    'renewal screening',
  );
  return report;
}
