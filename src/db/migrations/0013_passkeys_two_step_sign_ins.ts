import { type Kysely, sql } from 'kysely';

/**
 * Second factors and sign-in awareness for the member ID: two-step login (TOTP + recovery codes +
 * remembered devices), passkeys (WebAuthn), the pending login between password and second factor, the
 * devices a member signed in from (new-device mail) and the sign-in method in the history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Read by the login's existing member look-up, so a member without two-step costs no extra query.
    alter table members add column two_step_enabled boolean not null default false;

    -- The method of a successful sign-in (password, passkey, two_step, service), for the sign-in history.
    alter table auth_events add column method text
      check (method is null or method in ('password', 'passkey', 'two_step', 'service'));

    -- A stable handle for "sign out this session" that is not the token's hash.
    alter table member_sessions add column session_id bigint generated always as identity;
    create unique index member_sessions_session_id_idx on member_sessions (session_id);

    -- The TOTP secret (encrypted under the data keys) and the last accepted time step, so a code is
    -- accepted once (compare-and-swap). confirmed_at is null while the member has not typed a first code.
    create table member_totp (
      member_id integer primary key references members (id) on delete cascade,
      secret_enc text not null,
      last_step bigint,
      created_at timestamptz not null,
      confirmed_at timestamptz
    );

    -- Ten single-use recovery codes per member; only a hash is stored, used up by one guarded UPDATE.
    create table member_recovery_codes (
      id integer generated always as identity primary key,
      member_id integer not null references members (id) on delete cascade,
      code_hash text not null unique,
      used_at timestamptz
    );
    create index member_recovery_codes_member_idx on member_recovery_codes (member_id);

    -- After a correct password of a member with two-step login: no session yet, only this short-lived
    -- record, found by the SHA-256 of a token kept in a cookie.
    create table pending_logins (
      token_hash text primary key,
      member_id integer not null references members (id) on delete cascade,
      purpose text not null default 'login' check (purpose in ('login')),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      device_hash text,
      ip text,
      user_agent text
    );
    create index pending_logins_member_idx on pending_logins (member_id);

    -- Browsers a member signed in from, by the SHA-256 of a signed device cookie. A sign-in from a device
    -- not listed here (when others are) sends the new-device mail. two_step_remembered_until lets that
    -- browser skip the second factor (30 days); clearing it revokes the remembered device.
    create table member_devices (
      id bigint generated always as identity primary key,
      member_id integer not null references members (id) on delete cascade,
      device_hash text not null,
      first_seen_at timestamptz not null,
      last_seen_at timestamptz not null,
      user_agent text,
      two_step_remembered_until timestamptz,
      unique (member_id, device_hash)
    );

    -- "This was not me" links of new-device mails: SHA-256 only, single use.
    create table sign_in_alerts (
      token_hash text primary key,
      member_id integer not null references members (id) on delete cascade,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index sign_in_alerts_member_idx on sign_in_alerts (member_id);

    -- Passkeys (WebAuthn credentials). sign_count only moves forward (guarded UPDATE).
    create table member_passkeys (
      id integer generated always as identity primary key,
      member_id integer not null references members (id) on delete cascade,
      credential_id text not null unique,
      public_key bytea not null,
      sign_count bigint not null default 0,
      transports text,
      device_type text not null,
      backed_up boolean not null,
      name text not null check (char_length(name) between 1 and 64),
      created_at timestamptz not null,
      last_used_at timestamptz
    );
    create index member_passkeys_member_idx on member_passkeys (member_id);

    -- WebAuthn challenges live in the database (not process memory: restarts and several instances),
    -- stored as SHA-256, used up by one guarded DELETE.
    create table webauthn_challenges (
      challenge_hash text primary key,
      purpose text not null check (purpose in ('register', 'sign_in')),
      member_id integer references members (id) on delete cascade,
      expires_at timestamptz not null
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table webauthn_challenges, member_passkeys, sign_in_alerts, member_devices, pending_logins,
      member_recovery_codes, member_totp;
    drop index member_sessions_session_id_idx;
    alter table member_sessions drop column session_id;
    alter table auth_events drop column method;
    alter table members drop column two_step_enabled;
  `.execute(db);
}
