import type { Db } from '../db/database.ts';
import type { Failure } from '../errors/catalog.ts';
import { generateToken, hashToken } from '../security/tokens.ts';
import { type ClientRow, deleteClient, insertClient, listClients } from './repository.ts';

export interface NewClient {
  clientId: string;
  name: string;
  redirectUris: string[];
  backchannelLogoutUri?: string | undefined;
  firstParty: boolean;
  /** Development demo data only: a fixed, published secret. Otherwise a 256-bit random one. */
  secret?: string | undefined;
}

export type CreateClientResult =
  | { ok: true; clientId: string; secret: string }
  | Failure<'client_id_taken' | 'redirect_uri_invalid' | 'logout_uri_invalid'>;

/** A redirect or logout URI we accept: absolute http(s), no fragment; plain http only for localhost. */
export function isAcceptableServiceUri(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.hash || value.includes('#')) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Makes a client id from a service name: lower-case letters, digits and dashes. */
export function clientIdFromName(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug.length >= 3
    ? slug
    : `service-${generateToken()
        .slice(0, 8)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'x')}`;
}

/**
 * Registers a group service. The secret is returned once and only its SHA-256 is stored: it is a 256-bit
 * random value, so a fast hash is enough (nothing to brute-force), and the token endpoint compares hashes.
 */
export async function createClient(db: Db, input: NewClient): Promise<CreateClientResult> {
  if (input.redirectUris.length === 0 || !input.redirectUris.every(isAcceptableServiceUri))
    return { ok: false, code: 'redirect_uri_invalid' };
  if (input.backchannelLogoutUri !== undefined && !isAcceptableServiceUri(input.backchannelLogoutUri))
    return { ok: false, code: 'logout_uri_invalid' };
  const secret = input.secret ?? generateToken();
  const inserted = await insertClient(db, {
    clientId: input.clientId,
    name: input.name,
    secretHash: hashToken(secret),
    redirectUris: input.redirectUris,
    backchannelLogoutUri: input.backchannelLogoutUri ?? null,
    firstParty: input.firstParty,
  });
  return inserted ? { ok: true, clientId: input.clientId, secret } : { ok: false, code: 'client_id_taken' };
}

/** Every registered service (without secrets). */
export async function listServices(db: Db): Promise<Omit<ClientRow, 'secretHash'>[]> {
  return (await listClients(db)).map(({ secretHash: _secret, ...rest }) => rest);
}

/** Removes a service; every grant and token it held goes with it. */
export function deleteService(db: Db, clientId: string): Promise<boolean> {
  return deleteClient(db, clientId);
}
