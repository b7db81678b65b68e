import { findCardsOfMember, verifyCardNumberForCard } from '../cards/repository.ts';
import type { Executor } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { tryConsume } from '../security/rate-limit.ts';
import { safeEqual } from '../security/tokens.ts';
import { appendAudit, recordAudit } from './audit.ts';
import { findLiveVerification, insertVerification } from './repository.ts';
import type { CurrentStaff } from './session.ts';

/** A passed verification lets this staff session act on the member for this long. */
export const VERIFICATION_VALID_MS = 15 * 60 * 1000;

/** What the caller said, as the operator typed it, for one of the member's cards. */
export interface CallerAnswers {
  cardId: number;
  fullName: string;
  birthDate: string;
  phone: string;
  cardNumber: string;
}

export interface VerificationItems {
  fullName: boolean;
  birthDate: boolean;
  phone: boolean;
  cardNumber: boolean;
}

export type VerificationResult =
  | { ok: true; passed: boolean; items: VerificationItems }
  | Failure<'card_not_of_member' | 'too_many_attempts'>;

const normaliseName = (s: string) =>
  s
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s・.,]/g, '');
const digits = (s: string) => s.normalize('NFKC').replace(/\D/g, '');

/** Constant-time, and an empty answer never matches. */
function same(typed: string, stored: string): boolean {
  return typed.length > 0 && safeEqual(typed, stored);
}

/** Name, birth date and phone as typed, compared with a card's (constant time; the card number is apart). */
export function matchCallerDetails(
  card: { holder_name: string; birth_date: string; phone: string },
  answers: Pick<CallerAnswers, 'fullName' | 'birthDate' | 'phone'>,
): Omit<VerificationItems, 'cardNumber'> {
  return {
    fullName: same(normaliseName(answers.fullName), normaliseName(card.holder_name)),
    birthDate: same(answers.birthDate.trim(), card.birth_date),
    phone: same(digits(answers.phone), digits(card.phone)),
  };
}

/** Remembers a passed verification for this staff session and member (gates the caller actions). */
export async function rememberPassedVerification(
  trx: Executor,
  staff: CurrentStaff,
  memberId: number,
  cardId: number,
  now: Date,
) {
  await insertVerification(trx, {
    sessionTokenHash: staff.sessionTokenHash,
    staffId: staff.id,
    memberId,
    cardId,
    now,
    expiresAt: new Date(now.getTime() + VERIFICATION_VALID_MS),
  });
}

/**
 * Identity verification on a call: compares each answer with the card's data and says only match / no
 * match per item (the stored values never leave this function). Every attempt is audited with the per-item
 * outcome but never the typed values; a full match is remembered for this staff session and member.
 */
export async function verifyCallerIdentity(
  deps: AppDeps,
  staff: CurrentStaff,
  memberId: number,
  answers: CallerAnswers,
): Promise<VerificationResult> {
  const { db, config } = deps;
  const card = (await findCardsOfMember(db, memberId)).find((c) => c.id === answers.cardId);
  if (!card) return { ok: false, code: 'card_not_of_member' };
  // Reserve the attempt before comparing anything.
  if (!(await tryConsume(deps.limiters.supportVerifyByMember, String(memberId)))) {
    await recordAudit(db, {
      at: deps.now(),
      staffId: staff.id,
      action: 'member.verify_refused',
      memberId,
      cardId: card.id,
    });
    return { ok: false, code: 'too_many_attempts' };
  }
  const items: VerificationItems = {
    ...matchCallerDetails(card, answers),
    cardNumber:
      digits(answers.cardNumber).length > 0 &&
      (await verifyCardNumberForCard(db, config, card.id, answers.cardNumber)),
  };
  const passed = Object.values(items).every(Boolean);
  const now = deps.now();
  await db.transaction().execute(async (trx) => {
    await appendAudit(trx, {
      at: now,
      staffId: staff.id,
      action: 'member.verify',
      memberId,
      cardId: card.id,
      after: { ...items, passed },
    });
    if (passed) await rememberPassedVerification(trx, staff, memberId, card.id, now);
  });
  if (passed) await deps.limiters.supportVerifyByMember.delete(String(memberId));
  return { ok: true, passed, items };
}

/** The live verification of this member by this staff session, if any (gates every action on a caller). */
export function findPassedVerification(deps: AppDeps, staff: CurrentStaff, memberId: number) {
  return findLiveVerification(deps.db, staff.sessionTokenHash, memberId, deps.now());
}
