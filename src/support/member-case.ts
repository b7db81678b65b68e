import { registrationForConsole } from '../account/registration.ts';
import { findCardsOfMember } from '../cards/repository.ts';
import { isStartPinLocked } from '../cards/start-pin.ts';
import type { AppDeps } from '../deps.ts';
import type { Lang } from '../i18n/define.ts';
import { findMemberById, listAuthEvents } from '../members/repository.ts';
import { listSignInHistory } from '../members/sign-ins.ts';
import { getTwoStepStatus } from '../members/two-step.ts';
import { maskEmail } from '../security/mask.ts';
import { findOpenEmailChange } from './email-change.ts';
import { listMemberNotes, listRecentAuditRows } from './repository.ts';
import type { CurrentStaff } from './session.ts';
import { findPassedVerification } from './verify-identity.ts';

/**
 * Everything the member page shows for a call. Never a stored name, birth date, phone or card number: those
 * are only compared (verify-identity.ts). Security events are shown once the caller is verified.
 */
export async function loadMemberCase(deps: AppDeps, staff: CurrentStaff, memberId: number, lang: Lang) {
  const { db } = deps;
  const member = await findMemberById(db, memberId);
  if (!member) return undefined;
  const now = deps.now();
  const [cards, verification, history, emailChange, registration, notes] = await Promise.all([
    findCardsOfMember(db, memberId),
    findPassedVerification(deps, staff, memberId),
    listRecentAuditRows(db, 20, memberId),
    findOpenEmailChange(deps, memberId),
    registrationForConsole(deps, { id: member.id, lang: member.lang }),
    listMemberNotes(db, memberId, 50),
  ]);
  // Security details only for a verified caller: events, two-step login, sign-in history (issue 13).
  const [events, twoStep, signIns] = verification
    ? await Promise.all([
        listAuthEvents(db, memberId, 30),
        getTwoStepStatus(deps, memberId),
        listSignInHistory(deps, memberId, lang, 20),
      ])
    : [[], undefined, []];
  // A card enrolled with another member ID names that ID by its user ID, never by its row id.
  const otherIds = [
    ...new Set(cards.map((c) => c.enrolled_member_id).filter((id) => id !== null && id !== memberId)),
  ];
  const otherUserIds = new Map(
    await Promise.all(
      otherIds.map(async (id) => [id, (await findMemberById(db, id as number))?.user_id] as const),
    ),
  );
  return {
    member: {
      id: member.id,
      userId: member.user_id,
      maskedEmail: maskEmail(member.email),
      status: member.status,
      loginLockedUntil: member.locked_until && member.locked_until > now ? member.locked_until : null,
      failedLogins: member.failed_logins,
    },
    cards: cards.map((c) => ({
      id: c.id,
      last4: c.last4,
      brand: c.brand,
      status: c.status,
      lockedByMember: c.locked_by_member_at !== null,
      appliedByMemberId: c.member_id,
      enrolledByMemberId: c.enrolled_member_id,
      enrolledByUserId:
        c.enrolled_member_id === null ? null : (otherUserIds.get(c.enrolled_member_id) ?? null),
      startPinFailures: c.start_pin_failures,
      startPinLocked: isStartPinLocked(c, deps.config),
    })),
    verification,
    /** An operator-assisted email change waiting for a supervisor (support/email-change.ts). */
    emailChange,
    events,
    twoStep,
    signIns,
    history,
    registration,
    notes,
  };
}

export type MemberCase = NonNullable<Awaited<ReturnType<typeof loadMemberCase>>>;
