import type { Executor } from '../db/schema.ts';
import { deleteIssuedTokensOfMember } from './repository.ts';

/**
 * A credential changed (password, two-step login): every token a group service holds for the member ends
 * inside the caller's transaction — access and refresh tokens, unused codes and the single sign-on sessions —
 * so a service signed in by whoever knew the old credential cannot go on refreshing. The consent given to each
 * service stays: the member's next sign-in there goes through cardnavi's login again, without asking consent.
 * Called through revokePendingTokens (members/pending-tokens.ts). Returns how many tokens ended.
 */
export function endServiceTokensIn(trx: Executor, memberId: number): Promise<number> {
  return deleteIssuedTokensOfMember(trx, memberId);
}
