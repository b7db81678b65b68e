import { type Kysely, sql } from 'kysely';

/**
 * OpenID Connect provider storage: the registered group services, the signing keys (encrypted under the data
 * keys) and ONE table for everything oidc-provider stores (sessions, interactions, grants, codes, tokens).
 * member_id and client_id cascade, so deleting a member or a service revokes every grant and token at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table oidc_clients (
      client_id text primary key check (client_id ~ '^[a-z0-9][a-z0-9-]{2,63}$'),
      name text not null check (char_length(name) between 1 and 100),
      secret_hash text not null,
      redirect_uris jsonb not null,
      backchannel_logout_uri text,
      first_party boolean not null default false,
      created_at timestamptz not null default now()
    );

    create table oidc_signing_keys (
      kid text primary key,
      private_jwk_enc text not null,
      created_at timestamptz not null
    );

    create table oidc_payloads (
      model text not null,
      id text not null,
      payload jsonb not null,
      grant_id text,
      uid text,
      user_code text,
      member_id integer references members (id) on delete cascade,
      client_id text references oidc_clients (client_id) on delete cascade,
      expires_at timestamptz,
      consumed_at timestamptz,
      last_used_at timestamptz,
      primary key (model, id)
    );
    create index oidc_payloads_grant_idx on oidc_payloads (grant_id) where grant_id is not null;
    create index oidc_payloads_uid_idx on oidc_payloads (uid) where uid is not null;
    create index oidc_payloads_user_code_idx on oidc_payloads (user_code) where user_code is not null;
    create index oidc_payloads_expires_idx on oidc_payloads (expires_at) where expires_at is not null;
    create index oidc_payloads_member_idx on oidc_payloads (member_id, model) where member_id is not null;
    create index oidc_payloads_client_idx on oidc_payloads (client_id) where client_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table oidc_payloads, oidc_signing_keys, oidc_clients;`.execute(db);
}
