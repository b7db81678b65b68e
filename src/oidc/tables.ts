import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OidcClientsTable {
  client_id: string;
  /** Shown to members on the consent page and in "Connected services". */
  name: string;
  /** SHA-256 (hex) of the client secret; the secret itself is printed once and never stored. */
  secret_hash: string;
  /** Exact redirect URIs (compared character for character by oidc-provider). */
  redirect_uris: ColumnType<string[], string, string>;
  backchannel_logout_uri: string | null;
  /** A service of the issuer itself: members are not asked for consent. */
  first_party: boolean;
  created_at: Generated<Date>;
}

export interface OidcSigningKeysTable {
  kid: string;
  /** The private JWK as JSON, AES-256-GCM under the data keys. */
  private_jwk_enc: string;
  created_at: Timestamp;
}

/** Everything oidc-provider stores, one row per (model, id); see oidc/adapter.ts. */
export interface OidcPayloadsTable {
  model: string;
  id: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  grant_id: string | null;
  uid: string | null;
  user_code: string | null;
  member_id: number | null;
  client_id: string | null;
  expires_at: Timestamp | null;
  consumed_at: Timestamp | null;
  /** On grants: when a token was last issued under it ("Connected services"). */
  last_used_at: Timestamp | null;
}

export interface OidcTables {
  oidc_clients: OidcClientsTable;
  oidc_signing_keys: OidcSigningKeysTable;
  oidc_payloads: OidcPayloadsTable;
}
