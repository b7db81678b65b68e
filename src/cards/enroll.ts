import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { findMemberById } from '../members/repository.ts';
import { locksTotal } from '../metrics.ts';
import { getDummyHash, verifySecret } from '../security/password.ts';
import { tryConsume } from '../security/rate-limit.ts';
import { maskMemberId } from './card-number.ts';
import {
  cardNumberHash,
  enrollCardToMember,
  findCardByNumberHash,
  releaseStartPinAttempt,
  reserveStartPinAttempt,
} from './repository.ts';
import { startPinLimit } from './start-pin.ts';

export interface EnrollInput {
  memberId: number;
  /** Digits only (normaliseCardNumber). */
  cardNumber: string;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  startPin: string;
}

export type EnrollResult =
  | { ok: true; cardId: number }
  /** Start procedure locked for this card (now or before). */
  | Failure<'P01'>
  /** The card was applied for with another member ID; its masked user ID. */
  | Failure<'P02', { maskedMemberId: string }>
  /** No card with this number and birth date (one answer for both, no hint which field). */
  | Failure<'P03'>
  /** Too many enrollment attempts by this member ID. */
  | Failure<'P04'>
  /** A wrong start PIN with attempts left: a warning with its own code, not the lock. */
  | Failure<'P05', { remaining: number }>;

/**
 * The start procedure (DOMAIN.md causes 5–7): proves ownership of a card with its number, the holder's
 * birth date and the 4-digit start PIN, then links the card to the member ID.
 *
 * Only after the number AND birth date match does the answer say anything about the card (P02, remaining
 * attempts, P01). The PIN counter belongs to the card: an attempt is reserved in one guarded UPDATE before
 * the PIN is evaluated, so concurrent guesses cannot exceed the limit (ASVS 6.5.4: ~13 bits → 5 tries), and
 * nothing resets it but the support console. A per-member throttle stops card-number probing across cards.
 */
export async function enrollCard(deps: AppDeps, input: EnrollInput): Promise<EnrollResult> {
  const { db, config, limiters, log, now } = deps;
  const throttle = limiters.enrollByMember;
  if (!(await tryConsume(throttle, String(input.memberId)))) {
    log.info({ memberId: input.memberId, outcome: 'throttled' }, 'enrollment');
    return { ok: false, code: 'P04' };
  }

  const card = await findCardByNumberHash(db, await cardNumberHash(db, config, input.cardNumber));
  if (!card || card.birth_date !== input.birthDate) {
    log.info({ memberId: input.memberId, outcome: 'no_match' }, 'enrollment');
    return { ok: false, code: 'P03' };
  }
  if (card.enrolled_member_id === input.memberId) return { ok: true, cardId: card.id };
  // A card on another member ID is named (P02) only after its start PIN is proven, and every try counts
  // against the card's limit in the same guarded statement: with a card number and a guessed birth date,
  // P02 was an oracle spread across member IDs (issue 11).
  const otherMemberId = card.member_id !== null && card.member_id !== input.memberId;

  const reserved = await reserveStartPinAttempt(db, card.id, config, now());
  if (!reserved) {
    // Same cost as an evaluated PIN: the lock is not a faster answer.
    await verifySecret(await getDummyHash(), input.startPin);
    log.info({ memberId: input.memberId, cardId: card.id, outcome: 'locked' }, 'enrollment');
    return { ok: false, code: 'P01' };
  }
  if (await verifySecret(reserved.start_pin_hash, input.startPin)) {
    if (otherMemberId) {
      // The proven try is given back: the card's holder is not punished for using the other ID.
      await releaseStartPinAttempt(db, card.id);
      log.info({ memberId: input.memberId, cardId: card.id, outcome: 'other_member_id' }, 'enrollment');
      return { ok: false, code: 'P02', maskedMemberId: maskMemberId(card.owner_user_id ?? '') };
    }
    await db.transaction().execute(async (trx) => {
      await enrollCardToMember(trx, card.id, input.memberId, now());
      // The member is told by mail as well as on the dashboard: a card enrolled by someone else is noticed.
      const member = await findMemberById(trx, input.memberId);
      if (member)
        await enqueueMail(trx, config, {
          to: member.email,
          lang: member.lang,
          template: 'card_enrolled',
          params: { userId: member.user_id, last4: card.last4, portalLink: `/portal?card=${card.id}` },
        });
    });
    log.info({ memberId: input.memberId, cardId: card.id, outcome: 'enrolled' }, 'enrollment');
    return { ok: true, cardId: card.id };
  }
  const remaining = Math.max(0, startPinLimit(config) - reserved.start_pin_failures);
  if (remaining === 0) locksTotal.inc({ kind: 'start_pin' });
  log.info(
    {
      memberId: input.memberId,
      cardId: card.id,
      outcome: remaining === 0 ? 'wrong_pin_locked' : 'wrong_pin',
    },
    'enrollment',
  );
  return remaining === 0 ? { ok: false, code: 'P01' } : { ok: false, code: 'P05', remaining };
}
