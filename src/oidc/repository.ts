import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';

// ---- oidc-provider storage (one table) ----

export interface PayloadRow {
  model: string;
  id: string;
  payload: Record<string, unknown>;
  grantId: string | null;
  uid: string | null;
  userCode: string | null;
  memberId: number | null;
  clientId: string | null;
  expiresAt: Date | null;
}

/** Inserts or replaces one stored object. */
export async function upsertPayload(db: Executor, row: PayloadRow): Promise<void> {
  const values = {
    model: row.model,
    id: row.id,
    payload: JSON.stringify(row.payload),
    grant_id: row.grantId,
    uid: row.uid,
    user_code: row.userCode,
    member_id: row.memberId,
    client_id: row.clientId,
    expires_at: row.expiresAt,
  };
  await db
    .insertInto('oidc_payloads')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['model', 'id']).doUpdateSet({
        payload: values.payload,
        grant_id: values.grant_id,
        uid: values.uid,
        user_code: values.user_code,
        member_id: values.member_id,
        client_id: values.client_id,
        expires_at: values.expires_at,
      }),
    )
    .execute();
}

/** The stored object with `consumed` set when it was consumed; undefined when absent or expired. */
export async function findPayload(
  db: Executor,
  model: string,
  where: { id: string } | { uid: string } | { userCode: string },
  now: Date,
): Promise<Record<string, unknown> | undefined> {
  let query = db
    .selectFrom('oidc_payloads')
    .select(['payload', 'consumed_at'])
    .where('model', '=', model)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));
  if ('id' in where) query = query.where('id', '=', where.id);
  else if ('uid' in where) query = query.where('uid', '=', where.uid);
  else query = query.where('user_code', '=', where.userCode);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return row.consumed_at
    ? { ...row.payload, consumed: Math.floor(new Date(row.consumed_at).getTime() / 1000) }
    : row.payload;
}

/** Marks a one-time object (authorization code, rotated refresh token) as used. */
export async function consumePayload(db: Executor, model: string, id: string, now: Date): Promise<void> {
  await db
    .updateTable('oidc_payloads')
    .set({ consumed_at: now })
    .where('model', '=', model)
    .where('id', '=', id)
    .execute();
}

export async function deletePayload(db: Executor, model: string, id: string): Promise<void> {
  await db.deleteFrom('oidc_payloads').where('model', '=', model).where('id', '=', id).execute();
}

/** Deletes a grant and everything issued under it (codes, access and refresh tokens). */
export async function deleteByGrantId(db: Executor, grantId: string): Promise<void> {
  await db
    .deleteFrom('oidc_payloads')
    .where((eb) =>
      eb.or([eb('grant_id', '=', grantId), eb.and([eb('model', '=', 'Grant'), eb('id', '=', grantId)])]),
    )
    .execute();
}

/** Records on the grant that a token was just issued under it. */
export async function touchGrant(db: Executor, grantId: string, now: Date): Promise<void> {
  await db
    .updateTable('oidc_payloads')
    .set({ last_used_at: now })
    .where('model', '=', 'Grant')
    .where('id', '=', grantId)
    .execute();
}

/** TTL-based cleanup: removes every stored object past its expiry. Returns how many. */
export async function deleteExpiredPayloads(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('oidc_payloads').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The remembered grant of a member for a service (consent is remembered per service). */
export async function findGrantIdOf(db: Executor, memberId: number, clientId: string, now: Date) {
  const row = await db
    .selectFrom('oidc_payloads')
    .select('id')
    .where('model', '=', 'Grant')
    .where('member_id', '=', memberId)
    .where('client_id', '=', clientId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .orderBy('last_used_at', sql`desc nulls last`)
    .executeTakeFirst();
  return row?.id;
}

export interface ConnectedServiceRow {
  grantId: string;
  clientId: string;
  name: string;
  lastUsedAt: Date | null;
}

/** The services a member has granted access to, most recently used first. */
export async function listGrantsOfMember(
  db: Executor,
  memberId: number,
  now: Date,
): Promise<ConnectedServiceRow[]> {
  const rows = await db
    .selectFrom('oidc_payloads as p')
    .innerJoin('oidc_clients as c', 'c.client_id', 'p.client_id')
    .select(['p.id', 'c.client_id', 'c.name', 'p.last_used_at'])
    .where('p.model', '=', 'Grant')
    .where('p.member_id', '=', memberId)
    .where((eb) => eb.or([eb('p.expires_at', 'is', null), eb('p.expires_at', '>', now)]))
    .orderBy('p.last_used_at', sql`desc nulls last`)
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({
    grantId: r.id,
    clientId: r.client_id,
    name: r.name,
    lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null,
  }));
}

/** Deletes every grant, token, code and provider session of a member. Returns the client ids affected. */
export async function deleteEverythingOfMember(db: Executor, memberId: number): Promise<string[]> {
  const rows = await db
    .deleteFrom('oidc_payloads')
    .where('member_id', '=', memberId)
    .returning('client_id')
    .execute();
  return [...new Set(rows.map((r) => r.client_id).filter((c): c is string => c !== null))];
}

/** What a service holds to act for a member, and the single sign-on sessions behind it (never the grants). */
const ISSUED_TO_SERVICES = ['AccessToken', 'RefreshToken', 'AuthorizationCode', 'Session'];

/**
 * Deletes every access token, refresh token, unused authorization code and provider session of a member; the
 * grants (the consent given to each service) stay. Returns how many rows went.
 */
export async function deleteIssuedTokensOfMember(db: Executor, memberId: number): Promise<number> {
  const result = await db
    .deleteFrom('oidc_payloads')
    .where('member_id', '=', memberId)
    .where('model', 'in', ISSUED_TO_SERVICES)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes the provider sessions of a member (so the next sign-in at a service asks cardnavi again). */
export async function deleteSessionsOfMember(db: Executor, memberId: number): Promise<void> {
  await db
    .deleteFrom('oidc_payloads')
    .where('model', '=', 'Session')
    .where('member_id', '=', memberId)
    .execute();
}

// ---- registered services ----

export interface ClientRow {
  clientId: string;
  name: string;
  secretHash: string;
  redirectUris: string[];
  backchannelLogoutUri: string | null;
  firstParty: boolean;
  createdAt: Date;
}

function toClient(r: {
  client_id: string;
  name: string;
  secret_hash: string;
  redirect_uris: string[];
  backchannel_logout_uri: string | null;
  first_party: boolean;
  created_at: Date;
}): ClientRow {
  return {
    clientId: r.client_id,
    name: r.name,
    secretHash: r.secret_hash,
    redirectUris: r.redirect_uris,
    backchannelLogoutUri: r.backchannel_logout_uri,
    firstParty: r.first_party,
    createdAt: new Date(r.created_at),
  };
}

/** Inserts a service; false when the client id is taken. */
export async function insertClient(db: Executor, client: Omit<ClientRow, 'createdAt'>): Promise<boolean> {
  const row = await db
    .insertInto('oidc_clients')
    .values({
      client_id: client.clientId,
      name: client.name,
      secret_hash: client.secretHash,
      redirect_uris: JSON.stringify(client.redirectUris),
      backchannel_logout_uri: client.backchannelLogoutUri,
      first_party: client.firstParty,
    })
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning('client_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function findClient(db: Executor, clientId: string): Promise<ClientRow | undefined> {
  const row = await db
    .selectFrom('oidc_clients')
    .selectAll()
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row ? toClient(row) : undefined;
}

export async function listClients(db: Executor): Promise<ClientRow[]> {
  const rows = await db
    .selectFrom('oidc_clients')
    .selectAll()
    .orderBy('created_at')
    .orderBy('client_id')
    .execute();
  return rows.map(toClient);
}

/** Deletes a service; its grants and tokens cascade. False when there was none. */
export async function deleteClient(db: Executor, clientId: string): Promise<boolean> {
  const result = await db.deleteFrom('oidc_clients').where('client_id', '=', clientId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ---- signing keys ----

export interface SigningKeyRow {
  kid: string;
  privateJwkEnc: string;
  createdAt: Date;
}

/** Signing keys, newest first: the first signs, every one verifies. */
export async function listSigningKeys(db: Executor): Promise<SigningKeyRow[]> {
  const rows = await db
    .selectFrom('oidc_signing_keys')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('kid', 'desc')
    .execute();
  return rows.map((r) => ({
    kid: r.kid,
    privateJwkEnc: r.private_jwk_enc,
    createdAt: new Date(r.created_at),
  }));
}

export async function insertSigningKey(db: Executor, key: SigningKeyRow): Promise<void> {
  await db
    .insertInto('oidc_signing_keys')
    .values({ kid: key.kid, private_jwk_enc: key.privateJwkEnc, created_at: key.createdAt })
    .execute();
}

export async function deleteSigningKeys(db: Executor, kids: string[]): Promise<void> {
  if (kids.length === 0) return;
  await db.deleteFrom('oidc_signing_keys').where('kid', 'in', kids).execute();
}

// ---- what a service may learn about a member ----

/** The claims source of an active member; undefined for a withdrawn, force-withdrawn or unknown one. */
export function findActiveMemberClaims(db: Executor, memberId: number) {
  return db
    .selectFrom('members')
    .select(['id', 'user_id', 'email', 'lang', 'email_verified_at'])
    .where('id', '=', memberId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}
