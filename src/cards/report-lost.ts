import { verifyCurrentPassword } from '../account/reauthenticate.ts';
import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { findMemberById } from '../members/repository.ts';
import { appendAudit } from '../support/audit.ts';
import { findControlledCard, reportCardLostByMember } from './controls-repository.ts';

export interface ReportLostInput {
  memberId: number;
  cardId: number;
  /** The member's login password: a stolen session alone cannot block the card for good. */
  password: string;
}

export type ReportLostResult =
  | { ok: true; last4: string }
  | Failure<'card_not_found'>
  /** Already reported, or not an active card (a suspended or cancelled card is stopped already). */
  | Failure<'card_not_active'>
  | Failure<'wrong_password'>
  | Failure<'R01'>;

/**
 * Report lost or stolen (紛失・盗難): after the login password is proven (re-authentication, limited per
 * member), the card becomes reissue_requested for good in one guarded statement, a replacement with a new
 * number is queued for `cardnavi reissue`, the member is mailed and the audit log records it, all in one
 * transaction. Nothing turns the card back: the replacement is the way on (docs/CARDS.md).
 */
export async function reportCardLost(deps: AppDeps, input: ReportLostInput): Promise<ReportLostResult> {
  const { db, config, log, now } = deps;
  const card = await findControlledCard(db, input.memberId, input.cardId);
  if (!card) return { ok: false, code: 'card_not_found' };
  if (card.status !== 'active') return { ok: false, code: 'card_not_active' };
  const proven = await verifyCurrentPassword(deps, input.memberId, input.password);
  if (!proven.ok) {
    log.info({ memberId: input.memberId, cardId: card.id, outcome: proven.code }, 'card loss report');
    return proven;
  }
  const reported = await db.transaction().execute(async (trx) => {
    const at = now();
    if (!(await reportCardLostByMember(trx, card.id, at))) return false;
    await appendAudit(trx, {
      at,
      staffId: null,
      action: 'card.report_lost_by_member',
      memberId: input.memberId,
      cardId: card.id,
      before: { status: card.status, lockedByMember: card.locked_by_member_at !== null },
      after: { status: 'reissue_requested', actor: 'member' },
    });
    const member = await findMemberById(trx, input.memberId);
    if (member)
      await enqueueMail(trx, config, {
        to: member.email,
        lang: member.lang,
        template: 'card_reported_lost',
        params: {
          userId: member.user_id,
          last4: card.last4,
          helpLink: '/help/card-payment/lost-stolen-card',
        },
      });
    return true;
  });
  log.info(
    { memberId: input.memberId, cardId: card.id, outcome: reported ? 'reported' : 'not_active' },
    'card loss report',
  );
  return reported ? { ok: true, last4: card.last4 } : { ok: false, code: 'card_not_active' };
}
