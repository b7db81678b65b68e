import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { normaliseIdentifier } from '../members/identity.ts';
import { findMemberByUserId, findMembersByEmail, findMembersByPrefix } from '../members/repository.ts';
import type { MemberStatus } from '../members/tables.ts';
import { maskEmail } from '../security/mask.ts';
import { tryConsume } from '../security/rate-limit.ts';
import { type AuditAction, recordAudit } from './audit.ts';
import { listCardLast4OfMembers } from './repository.ts';
import type { CurrentStaff } from './session.ts';

/** A prefix search needs this many characters: fewer would list half the membership. */
export const PREFIX_MIN_LENGTH = 3;
/** A prefix search lists at most this many member IDs (the operator types more to narrow it). */
export const PREFIX_MAX_HITS = 20;

/** A search hit, with only what an operator needs to pick the caller's member ID. */
export interface MemberHit {
  memberId: number;
  userId: string;
  maskedEmail: string;
  status: MemberStatus;
  cards: { last4: string; status: string }[];
}

export type FindMembersResult =
  | { ok: true; members: MemberHit[]; prefix: boolean }
  | Failure<'too_many_attempts' | 'query_too_short'>;

/**
 * Finds members by user ID or email: an exact user ID or email first (free, as an operator needs it on every
 * call); otherwise the query as a prefix of user IDs and emails, from 3 characters, which counts against the
 * staff member's hourly allowance of searches and is audited with the number of hits (never the query) —
 * a prefix search can list members, so it is limited like the other searches that can. Never by phone,
 * birth date or card: those are verification items (find-caller.ts).
 */
export async function findMembers(
  deps: AppDeps,
  staff: CurrentStaff,
  query: string,
): Promise<FindMembersResult> {
  const { db } = deps;
  const q = normaliseIdentifier(query);
  const exact = [
    ...new Map(
      [await findMemberByUserId(db, q), ...(q.includes('@') ? await findMembersByEmail(db, q) : [])]
        .filter((m) => m !== undefined)
        .map((m) => [m.id, m]),
    ).values(),
  ];
  if (exact.length > 0) return { ok: true, members: await toHits(deps, exact), prefix: false };
  if (q.length < PREFIX_MIN_LENGTH) return { ok: false, code: 'query_too_short' };
  if (!(await allowListingSearch(deps, staff))) return { ok: false, code: 'too_many_attempts' };
  const members = await findMembersByPrefix(db, q, PREFIX_MAX_HITS);
  await auditSearch(deps, staff, 'search_by_prefix', { hits: members.length });
  return { ok: true, members: await toHits(deps, members), prefix: true };
}

async function toHits(
  deps: AppDeps,
  members: { id: number; user_id: string; email: string; status: MemberStatus }[],
): Promise<MemberHit[]> {
  const cards = await listCardLast4OfMembers(
    deps.db,
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

/**
 * One point of the staff member's hourly allowance of searches that can list or single out members without
 * an exact ID: prefix searches and finding a caller by card (`supportItemSearchByStaff`).
 */
export function allowListingSearch(deps: AppDeps, staff: CurrentStaff): Promise<boolean> {
  return tryConsume(deps.limiters.supportItemSearchByStaff, String(staff.id));
}

/** Who searched, when, and what came of it: never the searched value itself. */
export async function auditSearch(
  deps: AppDeps,
  staff: CurrentStaff,
  action: AuditAction,
  after: { hits?: number; passed?: boolean },
  memberId?: number,
) {
  await recordAudit(deps.db, {
    at: deps.now(),
    staffId: staff.id,
    action,
    after,
    memberId: memberId ?? null,
  });
}
