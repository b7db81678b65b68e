import { findCardsByLast4AndBirthDate } from '../cards/repository.ts';
import type { AppDeps } from '../deps.ts';
import { normaliseIdentifier } from '../members/identity.ts';
import { findMemberByUserId, findMembersByEmail } from '../members/repository.ts';
import type { MemberStatus } from '../members/tables.ts';
import { maskEmail } from '../security/mask.ts';
import { findMembersByCardPhone, listCardLast4OfMembers } from './repository.ts';

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
export async function findMembers(deps: AppDeps, query: string): Promise<MemberHit[]> {
  const { db } = deps;
  const q = normaliseIdentifier(query);
  const phoneDigits = q.replace(/[\s()+-]/g, '');
  const members = /^\d{10,15}$/.test(phoneDigits)
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
  return members.map((m) => ({
    memberId: m.id,
    userId: m.user_id,
    maskedEmail: maskEmail(m.email),
    status: m.status,
    cards: cards.filter((c) => c.member_id === m.id).map((c) => ({ last4: c.last4, status: c.status })),
  }));
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

export async function findCardsByLast4(deps: AppDeps, last4: string, birthDate: string): Promise<CardHit[]> {
  const rows = await findCardsByLast4AndBirthDate(deps.db, last4, birthDate);
  return rows.map((r) => ({
    cardId: r.id,
    last4: r.last4,
    status: r.status,
    memberId: r.member_id,
    userId: r.user_id,
    maskedEmail: r.email ? maskEmail(r.email) : null,
  }));
}
