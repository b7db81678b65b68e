import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table members (
      id integer generated always as identity primary key,
      user_id text not null unique check (char_length(user_id) between 6 and 254),
      user_id_is_email boolean not null default false,
      email text not null,
      password_hash text not null,
      lang text not null default 'ja' check (lang in ('ja', 'en')),
      status text not null default 'active' check (status in ('active', 'force_withdrawn')),
      force_withdrawn_reason text,
      force_withdrawn_at timestamptz,
      failed_logins integer not null default 0 check (failed_logins >= 0),
      locked_until timestamptz,
      lock_count integer not null default 0,
      email_verified_at timestamptz not null,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now()
    );
    create index members_email_idx on members (email);

    create table member_sessions (
      token_hash text primary key,
      member_id integer not null references members (id) on delete cascade,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      ip text,
      user_agent text
    );
    create index member_sessions_member_idx on member_sessions (member_id);

    create table pending_registrations (
      id integer generated always as identity primary key,
      token_hash text not null unique,
      user_id text not null,
      user_id_is_email boolean not null,
      email text not null,
      password_hash text not null,
      lang text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      consumed_at timestamptz
    );

    create table auth_events (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      member_id integer references members (id) on delete set null,
      kind text not null,
      reason text,
      ip text,
      user_agent text
    );
    create index auth_events_member_idx on auth_events (member_id, at desc);

    -- Login attempts for unknown IDs write here so that they cost the same committed write as the attempt
    -- reservation of a real account (see members/login.ts); 16 slots keep contention low.
    create table login_decoys (slot integer primary key, writes bigint not null default 0);
    insert into login_decoys (slot) select generate_series(0, 15);

    -- rate-limiter-flexible's PostgreSQL store (see security/rate-limit.ts)
    create table rate_limits (
      key varchar(255) primary key,
      points integer not null default 0,
      expire bigint
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table login_decoys, rate_limits, auth_events, pending_registrations, member_sessions, members`.execute(
    db,
  );
}
