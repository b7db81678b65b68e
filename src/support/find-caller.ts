import { normaliseCardNumber } from '../cards/card-number.ts';
import { cardNumberHash, findCardForCallerCheck } from '../cards/repository.ts';
import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { tryConsume } from '../security/rate-limit.ts';
import { appendAudit } from './audit.ts';
import { allowListingSearch } from './find-members.ts';
import type { CurrentStaff } from './session.ts';
import { matchCallerDetails, rememberPassedVerification } from './verify-identity.ts';

/** What a caller who does not know their user ID or email tells the operator. */
export interface CallerDetails {
  cardNumber: string;
  fullName: string;
  birthDate: string;
  phone: string;
}

export type FindCallerResult =
  | { ok: true; memberId: number }
  | Failure<'caller_not_verified' | 'too_many_attempts'>;

/**
 * Finds a caller by their card and verifies them in one step (issue 11: the console's search by phone or by
 * last 4 + birth date was an oracle). The card number names at most one card; the member is named only
 * when name, birth date and phone all match it too — that is a passed identity verification, remembered for
 * this staff session like one on the member page. Every other outcome (no such card, a card without a member
 * ID, one detail wrong, the member's verification limit reached) is one answer, `caller_not_verified`, which
 * says nothing about which detail was wrong or whether the card exists. Each try counts against the staff
 * member's hourly allowance and, when the card names a member, against that member's verification limit, and
 * is audited with its outcome, never the typed values.
 */
export async function findCallerByCard(
  deps: AppDeps,
  staff: CurrentStaff,
  details: CallerDetails,
): Promise<FindCallerResult> {
  const { db, config } = deps;
  if (!(await allowListingSearch(deps, staff))) return { ok: false, code: 'too_many_attempts' };
  const card = await findCardForCallerCheck(
    db,
    await cardNumberHash(db, config, normaliseCardNumber(details.cardNumber)),
  );
  const memberId = card?.member_id ?? null;
  const allowed =
    memberId !== null && (await tryConsume(deps.limiters.supportVerifyByMember, String(memberId)));
  const items = card ? matchCallerDetails(card, details) : undefined;
  const passed = Boolean(allowed && items && Object.values(items).every(Boolean));
  const now = deps.now();
  await db.transaction().execute(async (trx) => {
    await appendAudit(trx, {
      at: now,
      staffId: staff.id,
      action: memberId !== null && !allowed ? 'member.verify_refused' : 'search_by_caller',
      memberId,
      cardId: memberId === null ? null : (card?.id ?? null),
      after: { passed },
    });
    if (passed && card && memberId !== null)
      await rememberPassedVerification(trx, staff, memberId, card.id, now);
  });
  if (!passed || memberId === null) return { ok: false, code: 'caller_not_verified' };
  await deps.limiters.supportVerifyByMember.delete(String(memberId));
  return { ok: true, memberId };
}
