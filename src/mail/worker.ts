import type { AppDeps } from '../web/context.ts';

export interface MailDelivery {
  stop(): Promise<void>;
}

/**
 * Starts the outbox delivery worker. Without SMTP_URL mail stays in the outbox (see /dev/mailbox).
 * The SMTP worker is built by the recovery issue.
 */
export function startMailDelivery(_deps: AppDeps): MailDelivery {
  return { async stop() {} };
}
