// Regression: the session lookup on every request must stay a primary-key lookup however stale the planner's
// statistics are. With a plain join, a member_sessions table analysed while only low member ids had sessions
// made PostgreSQL merge-join and walk members_pkey from the start (~100 ms per request at 1M members).
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.ts';
import { findLiveSession, insertSession } from '../../src/members/repository.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db.ts';

describe.runIf(databaseKinds().includes('postgres'))('member session lookup plan on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres', 2);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('finds a high member id through members_pkey, not a merge join over stale statistics', async () => {
    const { db } = database;
    const member = (n: string) => sql`
      insert into members (user_id, email, password_hash, email_verified_at)
      select 'plan-member-' || g, 'p' || g || '@example.jp', 'x', now() from generate_series(${sql.raw(n)}) g`;
    await member('1, 100000').execute(db);
    const first = (await sql<{ id: number }>`select min(id) as id from members`.execute(db)).rows[0]!.id;
    const now = new Date();
    for (const tokenHash of ['low1', 'low2', 'low3', 'low4'])
      await insertSession(db, { tokenHash, memberId: first, now, ip: null, userAgent: null });
    await sql`analyze members, member_sessions`.execute(db);
    const last = (await sql<{ id: number }>`select max(id) as id from members`.execute(db)).rows[0]!.id;
    await insertSession(db, { tokenHash: 'high', memberId: last, now, ip: null, userAgent: null });

    // The same statement findLiveSession sends, captured through a logging connection, then explained.
    let statement: { sql: string; parameters: readonly unknown[] } | undefined;
    const logged = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({
          connectionString: process.env.TEST_DATABASE_URL,
          max: 1,
          options: `-c search_path=${database.schema}`,
        }),
      }),
      log(event) {
        if (event.level === 'query') statement = event.query;
      },
    });
    try {
      const hit = await findLiveSession(
        logged,
        'high',
        new Date(now.getTime() - 60_000),
        new Date(now.getTime() - 60_000),
      );
      expect(hit?.id).toBe(last);
      const plan = await logged.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain (analyze) ${statement!.sql}`, [...statement!.parameters]),
      );
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).not.toContain('Merge Join');
      expect(text).toMatch(/Index Scan using members_pkey on members[^\n]*rows=1 loops=1/);
    } finally {
      await logged.destroy();
    }
  });
});
