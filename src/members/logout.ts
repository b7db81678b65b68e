import type { AppDeps } from '../deps.ts';
import { endProviderSessions } from '../oidc/connected-services.ts';
import type { ClientInfo } from './login.ts';
import { recordAuthEvent } from './repository.ts';
import { memberSessions } from './session.ts';

/**
 * Logout: the session is deleted server-side, not only the cookie, and the logout is recorded for the member
 * it belonged to, and the single sign-on session ends with it (a group service's next sign-in asks cardnavi
 * again). A token that names no live session (already ended, expired) changes nothing.
 */
export async function logOut(
  deps: AppDeps,
  sessionToken: string,
  client: ClientInfo,
): Promise<{ ok: true; memberId: number | undefined }> {
  const { db } = deps;
  const memberId = await memberSessions.end(db, sessionToken);
  if (memberId) {
    await endProviderSessions(deps, memberId);
    await recordAuthEvent(db, { kind: 'logout', memberId, ...client });
  }
  return { ok: true, memberId };
}
