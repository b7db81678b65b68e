import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { findMemberById } from '../members/repository.ts';
import { appendAudit } from '../support/audit.ts';
import { findControlledCard, lockCardByMember, unlockCardByMember } from './controls-repository.ts';

export interface CardLockInput {
  memberId: number;
  cardId: number;
  /** True to lock (利用停止), false to unlock (再開). */
  locked: boolean;
}

export type CardLockResult =
  /** `changed` is false when the card already was in that state (a second tab, a double submit). */
  | { ok: true; changed: boolean; last4: string }
  /** Not a card this member enrolled: the page answers 404, whether the card exists or not. */
  | Failure<'card_not_found'>
  /** Only an active card can be locked (a suspended or reported card is stopped already). */
  | Failure<'card_not_active'>;

/**
 * The member's temporary lock (利用停止) and its release (再開). The card changes at once in one guarded
 * statement; in the same transaction the member is mailed and the audit log records the member as the
 * actor (no staff id), so the console's case history shows it. A card state, not a credential: the member
 * ID's sessions and pending links stay as they are.
 */
export async function setCardLock(deps: AppDeps, input: CardLockInput): Promise<CardLockResult> {
  const { db, config, log, now } = deps;
  const card = await findControlledCard(db, input.memberId, input.cardId);
  if (!card) return { ok: false, code: 'card_not_found' };
  if (input.locked && card.status !== 'active') return { ok: false, code: 'card_not_active' };
  const changed = await db.transaction().execute(async (trx) => {
    const at = now();
    const done = input.locked
      ? await lockCardByMember(trx, card.id, at)
      : await unlockCardByMember(trx, card.id);
    if (!done) return false;
    await appendAudit(trx, {
      at,
      staffId: null,
      action: input.locked ? 'card.lock_by_member' : 'card.unlock_by_member',
      memberId: input.memberId,
      cardId: card.id,
      before: { lockedByMember: !input.locked },
      after: { lockedByMember: input.locked, actor: 'member' },
    });
    const member = await findMemberById(trx, input.memberId);
    if (member)
      await enqueueMail(trx, config, {
        to: member.email,
        lang: member.lang,
        template: input.locked ? 'card_locked' : 'card_unlocked',
        params: { userId: member.user_id, last4: card.last4, cardLink: `/portal/card?card=${card.id}` },
      });
    return true;
  });
  log.info(
    { memberId: input.memberId, cardId: card.id, locked: input.locked, changed },
    'card lock by member',
  );
  return { ok: true, changed, last4: card.last4 };
}
