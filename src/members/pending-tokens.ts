import { deleteEmailChanges } from '../account/repository.ts';
import type { Executor } from '../db/schema.ts';
import { endServiceTokensIn } from '../oidc/end-service-tokens.ts';
import { deletePasswordResets, deletePendingRegistrationsTo } from './repository.ts';

/** The member whose pending tokens end: the row as it is before the change (its current address). */
export interface TokenHolder {
  id: number;
  email: string;
}

/**
 * Every kind of one-time token a member can have pending. A flow that adds a kind (a two-step setup, a
 * passkey enrollment, an OIDC helper…) adds one line here, with the repository function that ends it, and
 * every credential or account-state change then ends it too. The seams model test checks that no token
 * issued before such a change works after it.
 */
export const PENDING_TOKEN_KINDS: ReadonlyArray<{
  kind: string;
  revoke: (trx: Executor, member: TokenHolder) => Promise<number>;
}> = [
  { kind: 'password_reset', revoke: (trx, m) => deletePasswordResets(trx, m.id) },
  { kind: 'email_change', revoke: (trx, m) => deleteEmailChanges(trx, m.id) },
  /** Registration links not yet used that went to the member's address (the mailbox the change is about). */
  { kind: 'registration', revoke: (trx, m) => deletePendingRegistrationsTo(trx, m.email) },
  /** Tokens held by group services (OpenID Connect) and the single sign-on sessions; consent stays. */
  { kind: 'service_tokens', revoke: (trx, m) => endServiceTokensIn(trx, m.id) },
];

/**
 * Revokes everything pending: the one function every change of credential or account state calls, in
 * its own transaction (password reset, password change, confirmed email change, withdrawal, forced
 * withdrawal, the console's changes). Returns how many tokens of each kind ended, for the event record.
 */
export async function revokePendingTokens(
  trx: Executor,
  member: TokenHolder,
): Promise<Record<string, number>> {
  const revoked: Record<string, number> = {};
  for (const { kind, revoke } of PENDING_TOKEN_KINDS) revoked[kind] = await revoke(trx, member);
  return revoked;
}
