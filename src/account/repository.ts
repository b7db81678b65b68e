import type { Executor } from '../db/schema.ts';
import type { MemberProfilesTable, RegistrationItem } from './tables.ts';

/** SQL of the account settings flows: email changes, withdrawal (the member row itself). */

const MEMBER_FIELDS = ['m.id', 'm.user_id', 'm.user_id_is_email', 'm.email', 'm.lang', 'm.status'] as const;

/** Stores a pending email change, replacing an earlier one (only the newest link is valid). */
export async function upsertEmailChange(
  db: Executor,
  values: {
    memberId: number;
    tokenHash: string;
    cancelTokenHash: string;
    newEmail: string;
    now: Date;
    expiresAt: Date;
  },
) {
  const row = {
    token_hash: values.tokenHash,
    cancel_token_hash: values.cancelTokenHash,
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

/** The pending change a cancel link belongs to, while it is pending (the GET page; nothing changes). */
export function findEmailChangeByCancel(db: Executor, cancelTokenHash: string, now: Date) {
  return db
    .selectFrom('email_changes as e')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .select([...MEMBER_FIELDS, 'e.new_email'])
    .where('e.cancel_token_hash', '=', cancelTokenHash)
    .where('e.expires_at', '>', now)
    .executeTakeFirst();
}

/** Ends a pending email change from its cancel link (guarded DELETE: its confirmation link dies with it). */
export function cancelEmailChangeRow(db: Executor, cancelTokenHash: string, now: Date) {
  return db
    .deleteFrom('email_changes')
    .where('cancel_token_hash', '=', cancelTokenHash)
    .where('expires_at', '>', now)
    .returning(['member_id'])
    .executeTakeFirst();
}

/** Ends every pending email change of a member; returns how many. */
export async function deleteEmailChanges(db: Executor, memberId: number) {
  const r = await db.deleteFrom('email_changes').where('member_id', '=', memberId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The member row, locked for the rest of the transaction. */
export function lockMember(db: Executor, memberId: number) {
  return db.selectFrom('members').selectAll().where('id', '=', memberId).forUpdate().executeTakeFirst();
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

// ---- registration details (member_profiles) ------------------------------------------------------------

/** The member's registration details, if any were ever saved. */
export function findMemberProfile(db: Executor, memberId: number) {
  return db.selectFrom('member_profiles').selectAll().where('member_id', '=', memberId).executeTakeFirst();
}

export type ProfileFields = Partial<
  Omit<MemberProfilesTable, 'member_id' | 'updated_at' | 'marketing_mail'> & {
    marketing_mail: boolean;
  }
>;

/**
 * Saves some registration details and records which item changed (never the values), in the caller's
 * transaction: the row is created at the first change.
 */
export async function saveMemberProfile(
  db: Executor,
  memberId: number,
  item: RegistrationItem,
  fields: ProfileFields,
  now: Date,
) {
  await db
    .insertInto('member_profiles')
    .values({ member_id: memberId, ...fields, updated_at: now })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ ...fields, updated_at: now }))
    .execute();
  await db
    .insertInto('member_profile_changes')
    .values({ member_id: memberId, item, changed_at: now })
    .execute();
}

/** The language the member's mail is written in (members.lang). */
export async function setMemberMailLang(db: Executor, memberId: number, lang: 'ja' | 'en') {
  await db.updateTable('members').set({ lang }).where('id', '=', memberId).execute();
}

/** The newest registration changes of a member (member_profile_changes_member_idx), for the console. */
export function listMemberProfileChanges(db: Executor, memberId: number, limit = 10) {
  return db
    .selectFrom('member_profile_changes')
    .select(['item', 'changed_at'])
    .where('member_id', '=', memberId)
    .orderBy('changed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
