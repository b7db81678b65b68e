import { detachCardsOfWithdrawingMember } from '../cards/detach.ts';
import type { AppDeps, CurrentMember } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { revokePendingTokens } from '../members/pending-tokens.ts';
import { deleteMemberSessions, holdReleasedUserId, recordAuthEvent } from '../members/repository.ts';
import { listConnectedServices, notifyServicesOfLogout } from '../oidc/connected-services.ts';
import { encrypt } from '../security/data-keys.ts';
import { hmac, safeEqual } from '../security/tokens.ts';
import { type ReauthResult, verifyCurrentPassword } from './reauthenticate.ts';
import { deleteMemberRow, lockMember, stripAuthEventPersonalFields } from './repository.ts';

/**
 * A withdrawn member's user ID is held back for 30 days before anyone may register it (docs/RECOVERY.md):
 * mail still on its way to the old ID, or someone who remembers it, must not reach a stranger at once.
 */
export const USER_ID_COOLING_OFF_DAYS = 30;
/** The confirmation step must follow the password step within 10 minutes. */
export const WITHDRAWAL_TICKET_MS = 10 * 60 * 1000;

export interface WithdrawalTicket {
  ticket: string;
  expires: string;
}

const ticketFor = (deps: AppDeps, member: CurrentMember, expires: string) =>
  hmac(deps.config.sessionSecret, `withdraw:${member.id}:${member.sessionTokenHash}:${expires}`);

/**
 * Step 1 of withdrawal: the password again. On success a short-lived ticket, bound to this session, lets the
 * confirmation page submit without carrying the password.
 */
export async function startWithdrawal(
  deps: AppDeps,
  member: CurrentMember,
  password: string,
): Promise<{ ok: true; ticket: WithdrawalTicket } | Exclude<ReauthResult, { ok: true }>> {
  const check = await verifyCurrentPassword(deps, member.id, password);
  if (!check.ok) return check;
  const expires = String(deps.now().getTime() + WITHDRAWAL_TICKET_MS);
  return { ok: true, ticket: { ticket: ticketFor(deps, member, expires), expires } };
}

export function isWithdrawalTicketValid(deps: AppDeps, member: CurrentMember, t: WithdrawalTicket): boolean {
  const expires = Number(t.expires);
  if (!Number.isFinite(expires) || expires < deps.now().getTime()) return false;
  return safeEqual(t.ticket, ticketFor(deps, member, t.expires));
}

/**
 * Withdrawal (退会), all in one transaction: sessions and every pending token revoked, enrollments removed, cards kept but detached
 * (points forfeited), security events stripped of IP address and user agent, the member row deleted (its
 * reset links and email changes go with it), the user ID held for the cooling-off period, and a last mail
 * to the address. Logging in afterwards meets the ordinary L01 failure, since the ID no longer exists.
 */
export async function withdrawMember(
  deps: AppDeps,
  memberId: number,
): Promise<{ ok: true } | Failure<'not_found'>> {
  const now = deps.now();
  // Grants and tokens of group services cascade with the member row; the services are told afterwards.
  const services = await listConnectedServices(deps, memberId);
  const result = await deps.db.transaction().execute(async (trx) => {
    const member = await lockMember(trx, memberId);
    if (!member) return { ok: false, code: 'not_found' } as const;
    await revokePendingTokens(trx, member);
    const sessions = await deleteMemberSessions(trx, memberId);
    const cards = await detachCardsOfWithdrawingMember(trx, memberId, deps);
    await stripAuthEventPersonalFields(trx, memberId);
    await recordAuthEvent(trx, {
      kind: 'withdrawal',
      memberId,
      reason: `sessions_${sessions}_cards_${cards}`,
    });
    await holdReleasedUserId(
      trx,
      {
        userId: member.user_id,
        email: member.email,
        userIdEnc: encrypt(deps.config.dataKeys, member.user_id),
      },
      now,
      new Date(now.getTime() + USER_ID_COOLING_OFF_DAYS * 86_400_000),
    );
    await enqueueMail(trx, deps.config, {
      to: member.email,
      lang: member.lang,
      template: 'withdrawal_done',
      params: { userId: member.user_id, registerLink: '/register' },
    });
    return (await deleteMemberRow(trx, memberId))
      ? ({ ok: true } as const)
      : ({ ok: false, code: 'not_found' } as const);
  });
  if (result.ok)
    notifyServicesOfLogout(
      deps,
      memberId,
      services.map((s) => s.clientId),
    );
  return result;
}
