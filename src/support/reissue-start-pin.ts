import { findCardsOfMember, replaceStartPin } from '../cards/repository.ts';
import { drawStartPin } from '../cards/start-pin.ts';
import type { AppDeps } from '../deps.ts';
import { enqueueLetter, enqueueMail } from '../mail/outbox.ts';
import { findMemberById } from '../members/repository.ts';
import { hashSecret } from '../security/password.ts';
import { appendAudit } from './audit.ts';
import type { ActionResult } from './member-actions.ts';
import type { CurrentStaff } from './session.ts';
import { findPassedVerification } from './verify-identity.ts';

/**
 * "Reissue start PIN" (DOMAIN.md: a forgotten start PIN is not unlocked but reissued), after identity
 * verification by this staff session. A new random PIN that the application would accept (checkStartPin)
 * replaces the old one, of which only the argon2id hash was kept, and the lock and counter clear, all in
 * one transaction with:
 * - a letter (the outbox's `letter` channel) to the card's registered postal address carrying the PIN,
 *   encrypted at rest like every outbox payload and dropped once handed to the print service;
 * - an email to the member that a letter is on its way (never the PIN);
 * - the audit row (never the PIN).
 * The operator never sees the PIN: it exists only in this function and in the letter.
 */
export async function reissueStartPin(
  deps: AppDeps,
  staff: CurrentStaff,
  memberId: number,
  cardId: number,
): Promise<ActionResult> {
  if (!(await findPassedVerification(deps, staff, memberId))) return { ok: false, code: 'not_verified' };
  const card = (await findCardsOfMember(deps.db, memberId)).find((c) => c.id === cardId);
  if (!card) return { ok: false, code: 'not_found' };
  const pin = drawStartPin(card.birth_date);
  const pinHash = await hashSecret(pin);
  return deps.db.transaction().execute(async (trx) => {
    const before = await replaceStartPin(trx, cardId, pinHash);
    if (!before) return { ok: false, code: 'not_found' } as const;
    const member = await findMemberById(trx, memberId);
    const lang = member?.lang ?? 'ja';
    await enqueueLetter(trx, deps.config, {
      cardId,
      addressee: before.holder_name,
      lang,
      template: 'start_pin_letter',
      params: { holderName: before.holder_name, last4: before.last4, pin },
    });
    if (member)
      await enqueueMail(trx, deps.config, {
        to: member.email,
        lang,
        template: 'start_pin_reissued',
        params: { userId: member.user_id, last4: before.last4, helpLink: '/help/enrollment/start-pin' },
      });
    await appendAudit(trx, {
      at: deps.now(),
      staffId: staff.id,
      action: 'card.reissue_start_pin',
      memberId,
      cardId,
      before: { failures: before.start_pin_failures, lockedAt: before.start_pin_locked_at },
      after: { failures: 0, lockedAt: null },
    });
    return { ok: true } as const;
  });
}
