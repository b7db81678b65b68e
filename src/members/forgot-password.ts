import type { AppDeps } from '../deps.ts';
import type { Lang } from '../i18n/index.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { tryConsume } from '../security/rate-limit.ts';
import { withMinimumDuration } from '../security/timing.ts';
import { isEmailShape } from './identity.ts';
import { findMemberByUserId, findMembersByEmail, recordAuthEvent, writeLoginDecoy } from './repository.ts';
import { queuePasswordReset } from './reset-password.ts';
import { findHeldWithdrawals, withdrawnMailParams } from './withdrawn-ids.ts';

/**
 * "Forgot password": the identifier is a user ID or an email. The answer is the same page whatever happens;
 * only the mailbox learns more (ASVS 6.3.8):
 * - a user ID → one link, sent to that member ID's email;
 * - an email that is itself a user ID → one link for that member ID;
 * - an email with several member IDs → one mail per member ID, each with its own link and naming the ID,
 *   so the member picks the ID they meant;
 * - an email whose only member IDs were withdrawn (still in their cooling-off period) → a mail naming each
 *   withdrawn ID and its date, that it cannot be restored, and where to register again (cause 10);
 * - an unknown email → a mail saying no member ID uses it (the same work as a known one: one queued mail);
 * - an unknown user ID → nowhere to write; the request is only logged (the same number of statements).
 * Mail is queued in the transaction, never sent inline, so SMTP speed or failure cannot show in the timing.
 * Over the per-identifier limit nothing is queued, and the page is still the same.
 */
export function requestPasswordReset(deps: AppDeps, identifier: string, lang: Lang): Promise<void> {
  return withMinimumDuration(deps.config.recoveryMinResponseMs, () => queueResetsFor(deps, identifier, lang));
}

async function queueResetsFor(deps: AppDeps, identifier: string, lang: Lang): Promise<void> {
  if (!(await tryConsume(deps.limiters.recoveryByIdentifier, `pw:${identifier}`))) return;
  const email = isEmailShape(identifier);
  // The withdrawal lookup runs for every email, found or not, so no path does less work.
  const [byId, withdrawn] = await Promise.all([
    findMemberByUserId(deps.db, identifier),
    email ? findHeldWithdrawals(deps, identifier) : [],
  ]);
  const members = byId ? [byId] : email ? await findMembersByEmail(deps.db, identifier) : [];
  await deps.db.transaction().execute(async (trx) => {
    for (const member of members) {
      await queuePasswordReset(trx, deps, member, lang);
      await recordAuthEvent(trx, { kind: 'recovery_request', memberId: member.id, reason: 'password' });
    }
    if (members.length > 0) return;
    // The same committed writes as a known identifier's link (password_resets upsert, and for an unknown
    // user ID, which has nowhere to mail, the mail row too): without them the unknown paths answered
    // 12% (email) and 28% (user ID) faster — measured by test/reliability/enumeration.timing.test.ts.
    // An unknown user ID's stand-in for the mail row is two decoy writes: one was still ~6% faster than
    // the indexed outbox insert it replaces.
    await writeLoginDecoy(trx);
    if (!email) {
      await writeLoginDecoy(trx);
      await writeLoginDecoy(trx);
    }
    if (email) {
      await enqueueMail(
        trx,
        deps.config,
        withdrawn.length
          ? {
              to: identifier,
              lang,
              template: 'password_reset_withdrawn',
              params: withdrawnMailParams(deps, lang, withdrawn),
            }
          : {
              to: identifier,
              lang,
              template: 'password_reset_none',
              params: { forgotLink: '/forgot/password' },
            },
      );
    }
    await recordAuthEvent(trx, {
      kind: 'recovery_request',
      memberId: null,
      reason: withdrawn.length ? 'password_withdrawn' : 'password_unknown',
    });
  });
}
