import type { AppDeps } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import type { Lang } from '../i18n/index.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { hashSecret } from '../security/password.ts';
import { generateToken, hashToken } from '../security/tokens.ts';
import { isEmailShape } from './identity.ts';
import {
  consumePendingRegistration,
  findMemberByUserId,
  findUserIdHold,
  insertMember,
  insertPendingRegistration,
  isUserIdCoolingOff,
  recordAuthEvent,
} from './repository.ts';
import { formatReusableAfter, WITHDREW_HELP_PATH } from './withdrawn-ids.ts';

/** Registration and verification links are valid for 30 minutes. */
export const REGISTRATION_LINK_MS = 30 * 60 * 1000;

/** The length of a hold in whole days (the cooling-off period it was given at the withdrawal). */
const holdDays = (hold: { released_at: Date | string; reusable_after: Date | string }) =>
  Math.round((new Date(hold.reusable_after).getTime() - new Date(hold.released_at).getTime()) / 86_400_000);

export interface RegistrationInput {
  userId: string;
  email: string;
  password: string;
  lang: Lang;
}

/**
 * Starts a registration. The member ID is created only when the emailed link is opened, so an ID never
 * exists with an unproven email. Whether the user ID is free or taken, the answer, the work (one argon2
 * hash, one row, one mail) and so the timing are the same (ASVS 6.3.8): the difference goes to the
 * registrant's mailbox only. A user ID in its cooling-off period after a withdrawal gets its own mail: it
 * was withdrawn, when it can be registered again, and that another user ID works at once.
 */
export async function requestRegistration(deps: AppDeps, input: RegistrationInput): Promise<void> {
  const { db, config, now } = deps;
  const passwordHash = await hashSecret(input.password);
  const token = generateToken();
  // A user ID released by a withdrawal counts as taken during its cooling-off period (docs/RECOVERY.md).
  // Both lookups always run, so a free ID costs the same as a taken one.
  const [holder, hold] = await Promise.all([
    findMemberByUserId(db, input.userId),
    findUserIdHold(db, input.userId, now()),
  ]);
  const taken = Boolean(holder) || Boolean(hold);
  await db.transaction().execute(async (trx) => {
    await insertPendingRegistration(trx, {
      tokenHash: hashToken(taken ? generateToken() : token),
      userId: input.userId,
      userIdIsEmail: isEmailShape(input.userId),
      email: input.email,
      passwordHash,
      lang: input.lang,
      expiresAt: new Date(now().getTime() + REGISTRATION_LINK_MS),
    });
    const to = { to: input.email, lang: input.lang };
    await enqueueMail(
      trx,
      config,
      holder
        ? {
            ...to,
            template: 'registration_id_taken',
            params: { userId: input.userId, link: '/register', forgotLink: '/forgot/password' },
          }
        : hold
          ? {
              ...to,
              template: 'registration_id_cooling_off',
              params: {
                userId: input.userId,
                days: String(holdDays(hold)),
                availableFrom: formatReusableAfter(deps, input.lang, new Date(hold.reusable_after)),
                link: '/register',
                helpLink: WITHDREW_HELP_PATH,
              },
            }
          : {
              ...to,
              template: 'registration_verify',
              params: { userId: input.userId, link: `/register/verify?token=${token}` },
            },
    );
  });
}

export type VerifyRegistrationResult =
  | { ok: true; userId: string }
  /** M02: the link expired, was used, or was replaced. */
  | Failure<'M02'>
  | Failure<'user_id_taken', { userId: string }>;

/** Completes a registration from its emailed link: single use, 30 minutes, and the ID must still be free. */
export async function completeRegistration(deps: AppDeps, token: string): Promise<VerifyRegistrationResult> {
  const { db, now } = deps;
  return db.transaction().execute(async (trx) => {
    const pending = await consumePendingRegistration(trx, hashToken(token), now());
    if (!pending) return { ok: false, code: 'M02' } as const;
    if (await isUserIdCoolingOff(trx, pending.user_id, now()))
      return { ok: false, code: 'user_id_taken', userId: pending.user_id } as const;
    const created = await insertMember(trx, {
      userId: pending.user_id,
      userIdIsEmail: pending.user_id_is_email,
      email: pending.email,
      passwordHash: pending.password_hash,
      lang: pending.lang,
      verifiedAt: now(),
    });
    if (!created) return { ok: false, code: 'user_id_taken', userId: pending.user_id } as const;
    await recordAuthEvent(trx, { kind: 'registration', memberId: created.id });
    return { ok: true, userId: pending.user_id } as const;
  });
}
