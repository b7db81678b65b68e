import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table staff (
      id integer generated always as identity primary key,
      login text not null unique check (char_length(login) between 3 and 64),
      display_name text not null,
      role text not null check (role in ('operator', 'supervisor', 'admin')),
      password_hash text not null,
      totp_secret_enc text not null,
      totp_last_step bigint,
      failed_logins integer not null default 0 check (failed_logins >= 0),
      locked_until timestamptz,
      active boolean not null default true,
      created_at timestamptz not null default now()
    );

    create table staff_sessions (
      token_hash text primary key,
      staff_id integer not null references staff (id) on delete cascade,
      created_at timestamptz not null,
      last_seen_at timestamptz not null
    );
    create index staff_sessions_staff_idx on staff_sessions (staff_id);

    create table support_verifications (
      id integer generated always as identity primary key,
      session_token_hash text not null references staff_sessions (token_hash) on delete cascade,
      staff_id integer not null references staff (id) on delete cascade,
      member_id integer not null references members (id) on delete cascade,
      card_id integer not null references cards (id) on delete cascade,
      verified_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index support_verifications_lookup_idx on support_verifications (session_token_hash, member_id);

    -- member_id and card_id carry no foreign key: the log must outlive a withdrawn member or card.
    create table audit_log (
      id integer primary key check (id > 0),
      at timestamptz not null,
      staff_id integer references staff (id),
      action text not null,
      member_id integer,
      card_id integer,
      before jsonb,
      after jsonb,
      reason text,
      prev_hash text not null,
      hash text not null unique
    );
    create index audit_log_member_idx on audit_log (member_id, id);

    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end
    $$;
    create trigger audit_log_refuse_change before update or delete on audit_log
      for each row execute function audit_log_is_append_only();
    create trigger audit_log_refuse_truncate before truncate on audit_log
      for each statement execute function audit_log_is_append_only();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table audit_log, support_verifications, staff_sessions, staff;
    drop function audit_log_is_append_only();
  `.execute(db);
}
