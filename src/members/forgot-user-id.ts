import type { AppDeps } from '../deps.ts';
import type { Lang } from '../i18n/index.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { tryConsume } from '../security/rate-limit.ts';
import { withMinimumDuration } from '../security/timing.ts';
import { findMembersByEmail, recordAuthEvent } from './repository.ts';
import { findHeldWithdrawals, withdrawnMailParams } from './withdrawn-ids.ts';

/**
 * "Forgot user ID" (DOMAIN.md causes 2 and 4): every user ID registered to the email is sent to it. An
 * address whose only member IDs were withdrawn (still in their cooling-off period) is told which ID was
 * withdrawn when, that it cannot be restored and where to register again (cause 10); an unknown address gets a
 * mail saying no member ID uses it. Every path does the same work (two lookups, one queued mail, one event) and
 * the page cannot tell them apart (ASVS 6.3.8). Over the per-address limit nothing is queued.
 */
export function requestUserIdReminder(deps: AppDeps, email: string, lang: Lang): Promise<void> {
  return withMinimumDuration(deps.config.recoveryMinResponseMs, () => queueReminderFor(deps, email, lang));
}

async function queueReminderFor(deps: AppDeps, email: string, lang: Lang): Promise<void> {
  if (!(await tryConsume(deps.limiters.recoveryByIdentifier, `id:${email}`))) return;
  const [members, withdrawn] = await Promise.all([
    findMembersByEmail(deps.db, email),
    findHeldWithdrawals(deps, email),
  ]);
  await deps.db.transaction().execute(async (trx) => {
    await enqueueMail(
      trx,
      deps.config,
      members.length
        ? {
            to: email,
            lang,
            template: 'forgot_user_id',
            params: {
              userIds: members.map((m) => `・${m.user_id}`).join('\n'),
              loginLink: '/login',
              forgotLink: '/forgot/password',
            },
          }
        : withdrawn.length
          ? {
              to: email,
              lang,
              template: 'forgot_user_id_withdrawn',
              params: withdrawnMailParams(deps, lang, withdrawn),
            }
          : {
              to: email,
              lang,
              template: 'forgot_user_id_none',
              params: { forgotLink: '/forgot/id', registerLink: '/register' },
            },
    );
    await recordAuthEvent(trx, {
      kind: 'recovery_request',
      memberId: members[0]?.id ?? null,
      reason: members.length ? 'user_id' : withdrawn.length ? 'user_id_withdrawn' : 'user_id_unknown',
    });
  });
}
