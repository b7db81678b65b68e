import { sql } from 'kysely';
import type { Executor } from '../db/schema.ts';

/**
 * SQL of the member ID's second factors and sign-in awareness: TOTP secrets and recovery codes, pending
 * logins, devices and their new-device alerts, passkeys and WebAuthn challenges.
 */

// ---- TOTP -------------------------------------------------------------------------------------------

export function findTotp(db: Executor, memberId: number) {
  return db.selectFrom('member_totp').selectAll().where('member_id', '=', memberId).executeTakeFirst();
}

/** A new, unconfirmed secret replaces any earlier unconfirmed one; a confirmed secret is never replaced here. */
export async function upsertUnconfirmedTotp(db: Executor, memberId: number, secretEnc: string, now: Date) {
  const row = await db
    .insertInto('member_totp')
    .values({
      member_id: memberId,
      secret_enc: secretEnc,
      last_step: null,
      created_at: now,
      confirmed_at: null,
    })
    .onConflict((oc) =>
      oc
        .column('member_id')
        .doUpdateSet({ secret_enc: secretEnc, created_at: now, last_step: null })
        .where('member_totp.confirmed_at', 'is', null),
    )
    .returning('member_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Confirms the pending secret and turns two-step login on, guarded so it happens once. */
export async function confirmTotp(db: Executor, memberId: number, step: number, now: Date) {
  const r = await db
    .updateTable('member_totp')
    .set({ confirmed_at: now, last_step: step })
    .where('member_id', '=', memberId)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db.updateTable('members').set({ two_step_enabled: true }).where('id', '=', memberId).execute();
  return true;
}

/**
 * Accepts a TOTP time step only if it is newer than the last accepted one (compare-and-swap), so a code
 * works once even when the same code is sent twice at the same moment (RFC 6238 §5.2).
 */
export async function acceptTotpStep(db: Executor, memberId: number, step: number) {
  const r = await db
    .updateTable('member_totp')
    .set({ last_step: step })
    .where('member_id', '=', memberId)
    .where('confirmed_at', 'is not', null)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Turns two-step login off: secret, recovery codes and remembered devices go. Returns whether it was on. */
export async function deleteTwoStep(db: Executor, memberId: number) {
  const r = await db
    .updateTable('members')
    .set({ two_step_enabled: false })
    .where('id', '=', memberId)
    .where('two_step_enabled', '=', true)
    .executeTakeFirst();
  await db.deleteFrom('member_totp').where('member_id', '=', memberId).execute();
  await db.deleteFrom('member_recovery_codes').where('member_id', '=', memberId).execute();
  await forgetRememberedDevices(db, memberId);
  return Number(r.numUpdatedRows) === 1;
}

// ---- recovery codes ---------------------------------------------------------------------------------

export async function replaceRecoveryCodes(db: Executor, memberId: number, codeHashes: string[]) {
  await db.deleteFrom('member_recovery_codes').where('member_id', '=', memberId).execute();
  await db
    .insertInto('member_recovery_codes')
    .values(codeHashes.map((h) => ({ member_id: memberId, code_hash: h, used_at: null })))
    .execute();
}

/** Uses up one recovery code in a single guarded statement: two concurrent uses cannot both succeed. */
export async function useRecoveryCode(db: Executor, memberId: number, codeHash: string, now: Date) {
  const r = await db
    .updateTable('member_recovery_codes')
    .set({ used_at: now })
    .where('member_id', '=', memberId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Executor, memberId: number) {
  const row = await db
    .selectFrom('member_recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('member_id', '=', memberId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- pending logins ---------------------------------------------------------------------------------

export async function insertPendingLogin(
  db: Executor,
  values: {
    tokenHash: string;
    memberId: number;
    now: Date;
    expiresAt: Date;
    deviceHash: string | null;
    ip: string | null;
    userAgent: string | null;
  },
) {
  await db
    .insertInto('pending_logins')
    .values({
      token_hash: values.tokenHash,
      member_id: values.memberId,
      created_at: values.now,
      expires_at: values.expiresAt,
      device_hash: values.deviceHash,
      ip: values.ip,
      user_agent: values.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

/** A live pending login and what the second step needs of its member. */
export function findPendingLogin(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('pending_logins as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .select([
      'p.token_hash',
      'p.device_hash',
      'm.id',
      'm.user_id',
      'm.email',
      'm.lang',
      'm.status',
      'm.two_step_enabled',
    ])
    .where('p.token_hash', '=', tokenHash)
    .where('p.expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses up a pending login (guarded DELETE: one second step per password). */
export async function consumePendingLogin(db: Executor, tokenHash: string, now: Date) {
  const row = await db
    .deleteFrom('pending_logins')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .returning('member_id')
    .executeTakeFirst();
  return row?.member_id;
}

export async function deletePendingLogins(db: Executor, memberId: number) {
  await db.deleteFrom('pending_logins').where('member_id', '=', memberId).execute();
}

// ---- devices, sessions and history ------------------------------------------------------------------

/** Whether this browser may skip the second factor (remembered after a two-step login, not revoked). */
export async function isDeviceRemembered(db: Executor, memberId: number, deviceHash: string, now: Date) {
  const row = await db
    .selectFrom('member_devices')
    .select('id')
    .where('member_id', '=', memberId)
    .where('device_hash', '=', deviceHash)
    .where('two_step_remembered_until', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

export async function rememberDevice(db: Executor, memberId: number, deviceHash: string, until: Date) {
  await db
    .updateTable('member_devices')
    .set({ two_step_remembered_until: until })
    .where('member_id', '=', memberId)
    .where('device_hash', '=', deviceHash)
    .execute();
}

/** Revokes every remembered device of a member: the next sign-in asks for the second factor again. */
export async function forgetRememberedDevices(db: Executor, memberId: number) {
  const r = await db
    .updateTable('member_devices')
    .set({ two_step_remembered_until: null })
    .where('member_id', '=', memberId)
    .where('two_step_remembered_until', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function countRememberedDevices(db: Executor, memberId: number, now: Date) {
  return db
    .selectFrom('member_devices')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('member_id', '=', memberId)
    .where('two_step_remembered_until', '>', now)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** The new-device mail of a sign-in: its "This was not me" link and its outbox row (parameters encrypted). */
export interface NewDeviceAlert {
  tokenHash: string;
  expiresAt: Date;
  mail: { to_address: string; lang: string; template: string; payload_enc: string };
}

/**
 * Everything a successful sign-in changes, in one statement (one round trip, one commit): the failure
 * history cleared (unless `keepFailures`), a rehash stored if given, the event recorded with its method,
 * the session created, the browser's device row written, and — when the member had signed in from some
 * device before but never from this one — the new-device alert and its mail queued. Data-modifying CTEs all
 * see the snapshot taken before the statement, so the device checks read the devices as they were. A device
 * seen within the hour is not rewritten. Answers whether the alert was queued.
 */
export async function recordSignIn(
  db: Executor,
  values: {
    memberId: number;
    tokenHash: string;
    now: Date;
    ip: string | null;
    userAgent: string | null;
    method: 'password' | 'passkey' | 'two_step' | 'service';
    deviceHash: string | null;
    newPasswordHash?: string;
    keepFailures?: boolean;
    alert?: NewDeviceAlert;
  },
): Promise<{ alerted: boolean }> {
  const userAgent = values.userAgent?.slice(0, 300) ?? null;
  const clear = !values.keepFailures;
  const { alert } = values;
  const { rows } = await sql<{ alerted: boolean }>`
    with cleared as (
      update members
         set failed_logins = case when ${clear} then 0 else failed_logins end,
             lock_count = case when ${clear} then 0 else lock_count end,
             locked_until = case when ${clear} then null else locked_until end,
             password_hash = coalesce(${values.newPasswordHash ?? null}::text, password_hash)
       where id = ${values.memberId}
    ), event as (
      insert into auth_events (at, kind, member_id, ip, user_agent, method)
      values (${values.now}, 'login_success', ${values.memberId}, ${values.ip}, ${userAgent}, ${values.method})
    ), session as (
      insert into member_sessions (token_hash, member_id, created_at, last_seen_at, ip, user_agent)
      values (${values.tokenHash}, ${values.memberId}, ${values.now}, ${values.now}, ${values.ip}, ${userAgent})
    ), device as (
      insert into member_devices (member_id, device_hash, first_seen_at, last_seen_at, user_agent)
      select ${values.memberId}, ${values.deviceHash}::text, ${values.now}, ${values.now}, ${userAgent}
       where ${values.deviceHash}::text is not null
      on conflict (member_id, device_hash) do update
         set last_seen_at = excluded.last_seen_at, user_agent = excluded.user_agent
       where member_devices.last_seen_at < excluded.last_seen_at - interval '1 hour'
    ), alert as (
      insert into sign_in_alerts (token_hash, member_id, created_at, expires_at, used_at)
      select ${alert?.tokenHash ?? null}::text, ${values.memberId}, ${values.now}, ${alert?.expiresAt ?? null}::timestamptz, null
       where ${alert !== undefined} and ${values.deviceHash}::text is not null
         and exists (select 1 from member_devices where member_id = ${values.memberId})
         and not exists (select 1 from member_devices
                          where member_id = ${values.memberId} and device_hash = ${values.deviceHash}::text)
      returning member_id
    ), mail as (
      insert into mail_outbox (to_address, lang, template, payload_enc)
      select ${alert?.mail.to_address ?? null}::text, ${alert?.mail.lang ?? null}::text,
             ${alert?.mail.template ?? null}::text, ${alert?.mail.payload_enc ?? null}::text
        from alert
    )
    select exists (select 1 from alert) as alerted
  `.execute(db);
  return { alerted: Boolean(rows[0]?.alerted) };
}

/**
 * A group service signed the member in through cardnavi (an OpenID Connect authorization): one event with the
 * method "service". No cardnavi session starts, so nothing else changes.
 */
export async function recordServiceSignInEvent(
  db: Executor,
  values: { memberId: number; now: Date; ip: string | null; userAgent: string | null },
) {
  await db
    .insertInto('auth_events')
    .values({
      at: values.now,
      kind: 'login_success',
      member_id: values.memberId,
      ip: values.ip,
      user_agent: values.userAgent?.slice(0, 300) ?? null,
      method: 'service',
    })
    .execute();
}

/** Recent successful sign-ins of a member, newest first. */
export function listSignIns(db: Executor, memberId: number, limit: number) {
  return db
    .selectFrom('auth_events')
    .select(['id', 'at', 'ip', 'user_agent', 'method'])
    .where('member_id', '=', memberId)
    .where('kind', '=', 'login_success')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Sessions of a member that are within their idle and absolute limits, newest first. */
export function listLiveSessions(db: Executor, memberId: number, idleSince: Date, createdSince: Date) {
  return db
    .selectFrom('member_sessions')
    .select(['session_id', 'token_hash', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('member_id', '=', memberId)
    .where('last_seen_at', '>', idleSince)
    .where('created_at', '>', createdSince)
    .orderBy('created_at', 'desc')
    .execute();
}

/** When the session with this token hash was started (its sign-in), or undefined. */
export async function findSessionStart(db: Executor, tokenHash: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('member_sessions')
    .select('created_at')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? new Date(row.created_at) : undefined;
}

/** Ends one session of a member by its handle (never another member's). */
export async function deleteSessionById(db: Executor, memberId: number, sessionId: string) {
  const r = await db
    .deleteFrom('member_sessions')
    .where('member_id', '=', memberId)
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export function findSignInAlert(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('sign_in_alerts')
    .select(['member_id'])
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses up a "This was not me" link (guarded: once). */
export async function useSignInAlert(db: Executor, tokenHash: string, now: Date) {
  const row = await db
    .updateTable('sign_in_alerts')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('member_id')
    .executeTakeFirst();
  return row?.member_id;
}

// ---- passkeys ---------------------------------------------------------------------------------------

export function listPasskeys(db: Executor, memberId: number) {
  return db
    .selectFrom('member_passkeys')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('id')
    .execute();
}

export function findPasskeyByCredentialId(db: Executor, credentialId: string) {
  return db
    .selectFrom('member_passkeys as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .select([
      'p.id as passkey_id',
      'p.credential_id',
      'p.public_key',
      'p.sign_count',
      'p.transports',
      'm.id',
      'm.user_id',
      'm.email',
      'm.lang',
      'm.status',
    ])
    .where('p.credential_id', '=', credentialId)
    .executeTakeFirst();
}

export async function insertPasskey(
  db: Executor,
  values: {
    memberId: number;
    credentialId: string;
    publicKey: Uint8Array;
    signCount: number;
    transports: string | null;
    deviceType: string;
    backedUp: boolean;
    name: string;
    now: Date;
  },
) {
  const row = await db
    .insertInto('member_passkeys')
    .values({
      member_id: values.memberId,
      credential_id: values.credentialId,
      public_key: values.publicKey,
      sign_count: values.signCount,
      transports: values.transports,
      device_type: values.deviceType,
      backed_up: values.backedUp,
      name: values.name,
      created_at: values.now,
      last_used_at: null,
    })
    .onConflict((oc) => oc.column('credential_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Records a verified assertion: the signature counter must move forward from the value the check was
 * made against (a cloned authenticator or a replayed assertion repeats an old counter). Authenticators
 * that keep no counter report 0 every time; for them 0 stays 0. Guarded, so two concurrent uses of the
 * same assertion cannot both pass.
 */
export async function advancePasskeyCounter(
  db: Executor,
  passkeyId: number,
  previous: number,
  next: number,
  now: Date,
) {
  const r = await db
    .updateTable('member_passkeys')
    .set({ sign_count: next, last_used_at: now })
    .where('id', '=', passkeyId)
    .where('sign_count', '=', String(previous))
    .where(
      () =>
        sql<boolean>`(${next}::bigint > ${previous}::bigint or (${next}::bigint = 0 and ${previous}::bigint = 0))`,
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function renamePasskey(db: Executor, memberId: number, passkeyId: number, name: string) {
  const r = await db
    .updateTable('member_passkeys')
    .set({ name })
    .where('id', '=', passkeyId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deletePasskey(db: Executor, memberId: number, passkeyId: number) {
  const r = await db
    .deleteFrom('member_passkeys')
    .where('id', '=', passkeyId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function insertWebauthnChallenge(
  db: Executor,
  values: {
    challengeHash: string;
    purpose: 'register' | 'sign_in';
    memberId: number | null;
    expiresAt: Date;
  },
) {
  await db
    .insertInto('webauthn_challenges')
    .values({
      challenge_hash: values.challengeHash,
      purpose: values.purpose,
      member_id: values.memberId,
      expires_at: values.expiresAt,
    })
    .execute();
}

/** Uses up a challenge (guarded DELETE): an assertion or attestation is accepted once. */
export async function consumeWebauthnChallenge(
  db: Executor,
  challengeHash: string,
  purpose: 'register' | 'sign_in',
  memberId: number | null,
  now: Date,
) {
  let q = db
    .deleteFrom('webauthn_challenges')
    .where('challenge_hash', '=', challengeHash)
    .where('purpose', '=', purpose)
    .where('expires_at', '>', now);
  q = memberId === null ? q.where('member_id', 'is', null) : q.where('member_id', '=', memberId);
  const row = await q.returning('challenge_hash').executeTakeFirst();
  return row !== undefined;
}

/** Housekeeping: expired pending logins, challenges and alert links. */
export async function deleteExpiredSignInData(db: Executor, now: Date) {
  await db.deleteFrom('pending_logins').where('expires_at', '<', now).execute();
  await db.deleteFrom('webauthn_challenges').where('expires_at', '<', now).execute();
  await db.deleteFrom('sign_in_alerts').where('expires_at', '<', now).execute();
}
