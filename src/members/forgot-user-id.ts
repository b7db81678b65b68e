import type { AppDeps } from '../deps.ts';
import type { Lang } from '../i18n/index.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { tryConsume } from '../security/rate-limit.ts';
import { withMinimumDuration } from '../security/timing.ts';
import { findMembersByEmail, recordAuthEvent } from './repository.ts';

/**
 * "Forgot user ID" (DOMAIN.md causes 2 and 4): every user ID registered to the email is sent to it. An
 * unknown address gets a mail saying so, so both paths do the same work (one queued mail, one event) and
 * the page cannot tell them apart (ASVS 6.3.8). Over the per-address limit nothing is queued.
 */
export function requestUserIdReminder(deps: AppDeps, email: string, lang: Lang): Promise<void> {
  return withMinimumDuration(deps.config.recoveryMinResponseMs, () => queueReminderFor(deps, email, lang));
}

async function queueReminderFor(deps: AppDeps, email: string, lang: Lang): Promise<void> {
  if (!(await tryConsume(deps.limiters.recoveryByIdentifier, `id:${email}`))) return;
  const members = await findMembersByEmail(deps.db, email);
  await deps.db.transaction().execute(async (trx) => {
    await enqueueMail(trx, deps.config, {
      to: email,
      lang,
      template: members.length ? 'forgot_user_id' : 'forgot_user_id_none',
      params: members.length
        ? {
            userIds: members.map((m) => `・${m.user_id}`).join('\n'),
            loginLink: '/login',
            forgotLink: '/forgot/password',
          }
        : { forgotLink: '/forgot/id', registerLink: '/register' },
    });
    await recordAuthEvent(trx, {
      kind: 'recovery_request',
      memberId: members[0]?.id ?? null,
      reason: members.length ? 'user_id' : 'user_id_unknown',
    });
  });
}
