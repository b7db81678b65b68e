import type { AppDeps } from '../web/context.ts';

/**
 * Sends a member a single-use password-reset link by email (queued in the outbox). Used by the
 * "forgot password" flow and by the support console. Built by the recovery issue.
 */
export async function issuePasswordReset(_deps: AppDeps, _memberId: number): Promise<void> {
  throw new Error('issuePasswordReset is built by the recovery issue');
}
