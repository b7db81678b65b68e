import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Db } from '../db/database.ts';
import {
  consumePayload,
  deleteByGrantId,
  deletePayload,
  findClient,
  findPayload,
  touchGrant,
  upsertPayload,
} from './repository.ts';

/** Models that are issued under a grant: storing one of them counts as a use of the service. */
const TOKEN_MODELS = new Set(['AccessToken', 'RefreshToken']);

/** A member id from oidc-provider's accountId (we use the member's numeric id as the subject). */
export function memberIdOf(accountId: unknown): number | null {
  return typeof accountId === 'string' && /^\d{1,10}$/.test(accountId) ? Number(accountId) : null;
}

/**
 * oidc-provider's storage on PostgreSQL/PGlite through Kysely: one table, one row per (model, id), with an
 * expiry that find() respects and housekeeping deletes (TTL cleanup). Registered services are not stored
 * here: the Client model reads the oidc_clients table that `cardnavi client create` writes, and hands
 * oidc-provider the SHA-256 of the secret as "client_secret" (see provider.ts, compareClientSecret).
 */
export function createAdapterClass(db: Db, now: () => Date) {
  return class KyselyAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      if (this.model === 'Client') throw new Error('services are registered with `cardnavi client create`');
      const grantId = typeof payload.grantId === 'string' ? payload.grantId : null;
      await upsertPayload(db, {
        model: this.model,
        id,
        payload: payload as Record<string, unknown>,
        grantId,
        uid: typeof payload.uid === 'string' ? payload.uid : null,
        userCode: typeof payload.userCode === 'string' ? payload.userCode : null,
        memberId: memberIdOf(payload.accountId),
        clientId: typeof payload.clientId === 'string' ? payload.clientId : null,
        expiresAt: expiresIn ? new Date(now().getTime() + expiresIn * 1000) : null,
      });
      if (grantId && TOKEN_MODELS.has(this.model)) await touchGrant(db, grantId, now());
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') {
        const client = await findClient(db, id);
        if (!client) return undefined;
        return {
          client_id: client.clientId,
          client_name: client.name,
          client_secret: client.secretHash,
          redirect_uris: client.redirectUris,
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
          ...(client.backchannelLogoutUri
            ? {
                backchannel_logout_uri: client.backchannelLogoutUri,
                backchannel_logout_session_required: false,
              }
            : {}),
        } as AdapterPayload;
      }
      return (await findPayload(db, this.model, { id }, now())) as AdapterPayload | undefined;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return (await findPayload(db, this.model, { uid }, now())) as AdapterPayload | undefined;
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return (await findPayload(db, this.model, { userCode }, now())) as AdapterPayload | undefined;
    }

    async consume(id: string): Promise<void> {
      await consumePayload(db, this.model, id, now());
    }

    async destroy(id: string): Promise<void> {
      await deletePayload(db, this.model, id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await deleteByGrantId(db, grantId);
    }
  };
}
