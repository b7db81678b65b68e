import { todayIn } from '../cards/billing.ts';
import type { Executor } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { formatDay, formatMoment } from '../i18n/format.ts';
import { type Lang, translate } from '../i18n/index.ts';
import { decrypt } from '../security/data-keys.ts';
import { findHeldWithdrawalsByEmail } from './repository.ts';

/** The help article the withdrawal mails point to (it quotes them). */
export const WITHDREW_HELP_PATH = '/help/withdrawal/withdrew-by-mistake';

export interface HeldWithdrawal {
  userId: string;
  withdrawnAt: Date;
  /** When the user ID can be registered again (the end of its cooling-off period). */
  reusableAfter: Date;
}

/**
 * The member IDs withdrawn from this address that are still in their cooling-off period (docs/RECOVERY.md):
 * what forgot-ID and forgot-password tell that address when no member ID uses it any more. Always one query,
 * found or not, so the recovery flows do the same work for every address.
 */
export async function findHeldWithdrawals(
  deps: Pick<AppDeps, 'config' | 'now'> & { db: Executor },
  email: string,
): Promise<HeldWithdrawal[]> {
  const rows = await findHeldWithdrawalsByEmail(deps.db, email, deps.now());
  return rows.flatMap((r) =>
    r.user_id_enc
      ? [
          {
            userId: decrypt(deps.config.dataKeys, r.user_id_enc),
            withdrawnAt: new Date(r.released_at),
            reusableAfter: new Date(r.reusable_after),
          },
        ]
      : [],
  );
}

/** When a held user ID can be registered again, in the mail's language and the configured time zone. */
export function formatReusableAfter(deps: Pick<AppDeps, 'config'>, lang: Lang, at: Date): string {
  return formatMoment(lang, at, deps.config.contact.timeZone, 'minute');
}

/**
 * The mail parameters that tell an address its member IDs were withdrawn: one line per ID ("the member ID X
 * was withdrawn on DATE; the same user ID can be registered from …"), the register link and the help article.
 */
export function withdrawnMailParams(
  deps: Pick<AppDeps, 'config'>,
  lang: Lang,
  held: readonly HeldWithdrawal[],
): Record<string, string> {
  const tz = deps.config.contact.timeZone;
  return {
    withdrawnIds: held
      .map((h) =>
        translate(lang, 'mail.withdrawnId.line', {
          userId: h.userId,
          date: formatDay(lang, todayIn(h.withdrawnAt, tz)),
          availableFrom: formatReusableAfter(deps, lang, h.reusableAfter),
        }),
      )
      .join('\n'),
    registerLink: '/register',
    helpLink: WITHDREW_HELP_PATH,
  };
}
