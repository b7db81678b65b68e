import { type Kysely, sql } from 'kysely';

/**
 * Call notes on a member case (issue 11): what the operator wrote, who, when. The note goes with the member
 * row at withdrawal; the audit log keeps that a note was written (never its text).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table member_notes (
      id integer generated always as identity primary key,
      member_id integer not null references members (id) on delete cascade,
      staff_id integer not null references staff (id),
      body text not null check (char_length(body) between 1 and 2000),
      created_at timestamptz not null
    );
    create index member_notes_member_idx on member_notes (member_id, id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table member_notes`.execute(db);
}
