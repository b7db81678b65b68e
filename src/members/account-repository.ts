import type { Executor } from '../db/schema.ts';
import { hashToken } from '../security/tokens.ts';

/** SQL of the recovery and settings flows: reset links, email changes, released user IDs, withdrawal. */

const MEMBER_FIELDS = ['m.id', 'm.user_id', 'm.user_id_is_email', 'm.email', 'm.lang', 'm.status'] as const;

/**
 * Stores a member's reset link, replacing any earlier one in the same statement (member_id is the key):
 * only the newest link can be valid, even when two requests race.
 */
export async function upsertPasswordReset(
  db: Executor,
  values: { memberId: number; tokenHash: string; now: Date; expiresAt: Date },
) {
  await db
    .insertInto('password_resets')
    .values({
      member_id: values.memberId,
      token_hash: values.tokenHash,
      created_at: values.now,
      expires_at: values.expiresAt,
    })
    .onConflict((oc) =>
      oc.column('member_id').doUpdateSet({
        token_hash: values.tokenHash,
        created_at: values.now,
        expires_at: values.expiresAt,
      }),
    )
    .execute();
}

/** The member a live reset link belongs to (for showing the form; does not use the link up). */
export function findMemberByPasswordReset(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('password_resets as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .select(MEMBER_FIELDS)
    .where('r.token_hash', '=', tokenHash)
    .where('r.expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses a reset link up: one guarded DELETE, so of two concurrent uses exactly one gets the member id. */
export async function consumePasswordReset(db: Executor, tokenHash: string, now: Date) {
  const row = await db
    .deleteFrom('password_resets')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .returning('member_id')
    .executeTakeFirst();
  return row?.member_id;
}

export async function deletePasswordResets(db: Executor, memberId: number) {
  await db.deleteFrom('password_resets').where('member_id', '=', memberId).execute();
}

/** Stores a pending email change, replacing an earlier one (only the newest link is valid). */
export async function upsertEmailChange(
  db: Executor,
  values: { memberId: number; tokenHash: string; newEmail: string; now: Date; expiresAt: Date },
) {
  const row = {
    token_hash: values.tokenHash,
    new_email: values.newEmail,
    created_at: values.now,
    expires_at: values.expiresAt,
  };
  await db
    .insertInto('email_changes')
    .values({ member_id: values.memberId, ...row })
    .onConflict((oc) => oc.column('member_id').doUpdateSet(row))
    .execute();
}

export function findEmailChange(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('email_changes as e')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .select([...MEMBER_FIELDS, 'e.new_email'])
    .where('e.token_hash', '=', tokenHash)
    .where('e.expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses an email-change link up (guarded DELETE: single use). */
export function consumeEmailChange(db: Executor, tokenHash: string, now: Date) {
  return db
    .deleteFrom('email_changes')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .returning(['member_id', 'new_email'])
    .executeTakeFirst();
}

/** The member row, locked for the rest of the transaction. */
export function lockMember(db: Executor, memberId: number) {
  return db.selectFrom('members').selectAll().where('id', '=', memberId).forUpdate().executeTakeFirst();
}

/** Sets a new password hash. Deliberately leaves failed_logins and locked_until alone. */
export async function setMemberPassword(db: Executor, memberId: number, passwordHash: string, now: Date) {
  await db
    .updateTable('members')
    .set({ password_hash: passwordHash, password_changed_at: now })
    .where('id', '=', memberId)
    .execute();
}

/** Another member already holds this user ID. */
export async function isUserIdHeldByOther(db: Executor, userId: string, memberId: number) {
  const row = await db
    .selectFrom('members')
    .select('id')
    .where('user_id', '=', userId)
    .where('id', '!=', memberId)
    .executeTakeFirst();
  return Boolean(row);
}

export async function setMemberEmail(
  db: Executor,
  memberId: number,
  values: { email: string; userId?: string; now: Date },
) {
  await db
    .updateTable('members')
    .set({
      email: values.email,
      email_verified_at: values.now,
      ...(values.userId ? { user_id: values.userId } : {}),
    })
    .where('id', '=', memberId)
    .execute();
}

const userIdHash = (userId: string) => hashToken(`user-id:${userId}`);

/** Whether a user ID was released by a withdrawal and is still in its cooling-off period. */
export async function isUserIdCoolingOff(db: Executor, userId: string, now: Date) {
  const row = await db
    .selectFrom('released_user_ids')
    .select('user_id_hash')
    .where('user_id_hash', '=', userIdHash(userId))
    .where('reusable_after', '>', now)
    .executeTakeFirst();
  return Boolean(row);
}

/** Holds a withdrawn member's user ID back until `reusableAfter`; also forgets holds that have ended. */
export async function holdReleasedUserId(db: Executor, userId: string, now: Date, reusableAfter: Date) {
  await db.deleteFrom('released_user_ids').where('reusable_after', '<=', now).execute();
  await db
    .insertInto('released_user_ids')
    .values({ user_id_hash: userIdHash(userId), released_at: now, reusable_after: reusableAfter })
    .onConflict((oc) =>
      oc.column('user_id_hash').doUpdateSet({ released_at: now, reusable_after: reusableAfter }),
    )
    .execute();
}

/**
 * Withdrawal, card side: enrollments removed; the cards stay (they keep working) but no longer point at the
 * member, and their points are forfeited with the membership.
 */
export async function detachMemberCards(db: Executor, memberId: number) {
  const enrolled = await db
    .deleteFrom('card_enrollments')
    .where('member_id', '=', memberId)
    .returning('card_id')
    .execute();
  const cardIds = enrolled.map((r) => r.card_id);
  const r = await db
    .updateTable('cards')
    .set({ member_id: null, points_balance: 0 })
    .where((eb) =>
      cardIds.length
        ? eb.or([eb('member_id', '=', memberId), eb('id', 'in', cardIds)])
        : eb('member_id', '=', memberId),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Retention rule (docs/RECOVERY.md): security events stay, without IP address and user agent. */
export async function stripAuthEventPersonalFields(db: Executor, memberId: number) {
  await db
    .updateTable('auth_events')
    .set({ ip: null, user_agent: null })
    .where('member_id', '=', memberId)
    .execute();
}

/**
 * Deletes the member row. Sessions, reset links and email changes go with it (ON DELETE CASCADE);
 * auth_events keep their rows with member_id set to null (ON DELETE SET NULL).
 */
export async function deleteMemberRow(db: Executor, memberId: number) {
  const r = await db.deleteFrom('members').where('id', '=', memberId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
