import { findCardsByLast4AndBirthDate } from '../cards/repository.ts';
import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { normaliseIdentifier } from '../members/identity.ts';
import { findMemberByUserId, findMembersByEmail } from '../members/repository.ts';
import type { MemberStatus } from '../members/tables.ts';
import { maskEmail } from '../security/mask.ts';
import { tryConsume } from '../security/rate-limit.ts';
import { recordAudit } from './audit.ts';
import { findMembersByCardPhone, listCardLast4OfMembers } from './repository.ts';
import type { CurrentStaff } from './session.ts';

/** A search hit, with only what an operator needs to pick the caller's member ID. */
export interface MemberHit {
  memberId: number;
  userId: string;
  maskedEmail: string;
  status: MemberStatus;
  cards: { last4: string; status: string }[];
}

/**
 * Finds members by user ID, email, or the phone number on one of their cards. A query with 10 or more
 * digits and nothing else but separators is a phone number.
 */
export async function findMembers(
  deps: AppDeps,
  staff: CurrentStaff,
  query: string,
): Promise<{ ok: true; members: MemberHit[] } | Failure<'too_many_attempts'>> {
  const { db } = deps;
  const q = normaliseIdentifier(query);
  const phoneDigits = q.replace(/[\s()+-]/g, '');
  const byPhone = /^\d{10,15}$/.test(phoneDigits);
  if (byPhone && !(await allowItemSearch(deps, staff))) return { ok: false, code: 'too_many_attempts' };
  const members = byPhone
    ? await findMembersByCardPhone(db, phoneDigits)
    : [
        ...new Map(
          [await findMemberByUserId(db, q), ...(q.includes('@') ? await findMembersByEmail(db, q) : [])]
            .filter((m) => m !== undefined)
            .map((m) => [m.id, m]),
        ).values(),
      ];
  const cards = await listCardLast4OfMembers(
    db,
    members.map((m) => m.id),
  );
  if (byPhone) await auditItemSearch(deps, staff, 'search_by_phone', members.length);
  return {
    ok: true,
    members: members.map((m) => ({
      memberId: m.id,
      userId: m.user_id,
      maskedEmail: maskEmail(m.email),
      status: m.status,
      cards: cards.filter((c) => c.member_id === m.id).map((c) => ({ last4: c.last4, status: c.status })),
    })),
  };
}

/** One point of the staff member's hourly allowance of searches by a verification item. */
function allowItemSearch(deps: AppDeps, staff: CurrentStaff): Promise<boolean> {
  return tryConsume(deps.limiters.supportItemSearchByStaff, String(staff.id));
}

/** Who searched by a verification item, when, and how many hits: never the searched value itself. */
async function auditItemSearch(deps: AppDeps, staff: CurrentStaff, action: string, hits: number) {
  await recordAudit(deps.db, { at: deps.now(), staffId: staff.id, action, after: { hits } });
}

/** A card found by last 4 + birth date, with the member ID it was applied for (the two-IDs case). */
export interface CardHit {
  cardId: number;
  last4: string;
  status: string;
  memberId: number | null;
  userId: string | null;
  maskedEmail: string | null;
}

export async function findCardsByLast4(
  deps: AppDeps,
  staff: CurrentStaff,
  last4: string,
  birthDate: string,
): Promise<{ ok: true; cards: CardHit[] } | Failure<'too_many_attempts'>> {
  if (!(await allowItemSearch(deps, staff))) return { ok: false, code: 'too_many_attempts' };
  const rows = await findCardsByLast4AndBirthDate(deps.db, last4, birthDate);
  await auditItemSearch(deps, staff, 'search_by_card', rows.length);
  const cards = rows.map((r) => ({
    cardId: r.id,
    last4: r.last4,
    status: r.status,
    memberId: r.member_id,
    userId: r.user_id,
    maskedEmail: r.email ? maskEmail(r.email) : null,
  }));
  return { ok: true, cards };
}
