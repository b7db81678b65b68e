import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import {
  type ConnectedServiceRow,
  deleteByGrantId,
  deleteEverythingOfMember,
  deleteSessionsOfMember,
  listGrantsOfMember,
} from './repository.ts';
import { oidcServiceOf } from './service.ts';

/** The group services a member has let sign them in, most recently used first ("Connected services"). */
export function listConnectedServices(deps: AppDeps, memberId: number): Promise<ConnectedServiceRow[]> {
  return listGrantsOfMember(deps.db, memberId, deps.now());
}

/** The names of the services a member would lose by withdrawing (the withdrawal page lists them). */
export async function connectedServiceNames(deps: AppDeps, memberId: number): Promise<string[]> {
  return [...new Set((await listConnectedServices(deps, memberId)).map((s) => s.name))];
}

export type RevokeServiceResult = { ok: true; name: string } | { ok: false; code: 'not_found' };

/**
 * Revokes one service's grant: the grant and every code and token issued under it are deleted, so the
 * service's next refresh fails, and the service is told at once when it registered a back-channel logout URI.
 */
export async function revokeConnectedService(
  deps: AppDeps,
  memberId: number,
  grantId: string,
): Promise<RevokeServiceResult> {
  const service = (await listConnectedServices(deps, memberId)).find((s) => s.grantId === grantId);
  if (!service) return { ok: false, code: 'not_found' };
  await deleteByGrantId(deps.db, grantId);
  notifyServicesOfLogout(deps, memberId, [service.clientId]);
  return { ok: true, name: service.name };
}

/**
 * Ends every grant, token and provider session of a member inside the caller's transaction (forced
 * withdrawal; a withdrawal deletes the member row and they cascade). Returns the services to tell after the
 * commit with notifyServicesOfLogout.
 */
export function revokeOidcAccessIn(trx: Transaction<Database>, memberId: number): Promise<string[]> {
  return deleteEverythingOfMember(trx, memberId);
}

/** Logout at cardnavi ends the single sign-on session too: a service's next sign-in asks cardnavi again. */
export function endProviderSessions(deps: AppDeps, memberId: number): Promise<void> {
  return deleteSessionsOfMember(deps.db, memberId);
}

/** oidc-provider's Client, as far as back-channel logout needs it (its type declarations leave the method out). */
interface BackchannelClient {
  backchannelLogoutUri?: string;
  backchannelLogout(sub: string, sid: string): Promise<void>;
}

/**
 * OpenID Connect Back-Channel Logout 1.0: a signed logout token to each service that registered a URI.
 * Best effort and in the background: a service that is down must not block the member.
 */
export function notifyServicesOfLogout(deps: AppDeps, memberId: number, clientIds: string[]): void {
  if (clientIds.length === 0) return;
  const send = async () => {
    const provider = await oidcServiceOf(deps).provider();
    for (const clientId of clientIds) {
      const client = (await provider.Client.find(clientId)) as BackchannelClient | undefined;
      if (!client?.backchannelLogoutUri) continue;
      try {
        await client.backchannelLogout(String(memberId), '');
      } catch (e) {
        deps.log.warn({ clientId, err: { message: (e as Error).message } }, 'back-channel logout failed');
      }
    }
  };
  send().catch((e: Error) => deps.log.warn({ err: { message: e.message } }, 'back-channel logout failed'));
}
