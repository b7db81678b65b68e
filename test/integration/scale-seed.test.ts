/**
 * seed-scale fills the statement tables too (issue 12), so the benchmarks read realistic statements, and the
 * tables of after-the-fact changes and registration details.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedScale } from '../../src/scale/seed-scale.ts';
import { listStatementMonths, loadPoints } from '../../src/statements/statement.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';

describe.each(databaseKinds())('seed-scale on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await seedScale(t.deps.db, t.deps.config, { members: 40, transactions: 800 });
    // A fresh migrated database and two argon2 hashes: slow on a shared machine.
  }, 180_000);
  afterAll(() => t?.close());

  it('gives every card categorised lines with points, revolving and instalment lines, a points use and payments', async () => {
    const { rows } = await sql<{ [k: string]: number }>`
      select
        (select count(*)::int from card_transactions) as lines,
        (select count(distinct category)::int from card_transactions) as categories,
        (select count(*)::int from card_transactions where payment_method = 'revolving') as revolving,
        (select count(*)::int from card_transactions where payment_method = 'instalment' and instalments in (3, 6, 12)) as instalments,
        (select count(*)::int from card_transactions where points = amount / 100) as with_points,
        (select count(*)::int from card_point_events) as uses,
        (select count(*)::int from card_statement_payments) as payments,
        (select count(*)::int from member_profiles where postal_code ~ '^[0-9]{3}-[0-9]{4}$') as profiles,
        (select count(*)::int from card_payment_changes ch join card_transactions l on l.id = ch.transaction_id
          where l.payment_method = ch.changed_to and ch.undone_at is null) as changes`.execute(t.deps.db);
    const counts = rows[0]!;
    expect(counts.lines).toBe(800);
    expect(counts.categories).toBe(5);
    expect(counts.revolving).toBeGreaterThan(0);
    expect(counts.instalments).toBeGreaterThan(0);
    expect(counts.with_points).toBe(800);
    expect(counts.uses).toBe(40);
    expect(counts.payments).toBe(80);
    // Registration details for every member, after-the-fact changes on some credit lines (migration 0019).
    expect(counts.profiles).toBe(40);
    expect(counts.changes).toBeGreaterThan(0);
  });

  it('lets a scale member open statements and points', async () => {
    const member = await sql<{ id: number }>`select member_id as id from card_enrollments limit 1`.execute(
      t.deps.db,
    );
    const id = member.rows[0]!.id;
    const months = await listStatementMonths(t.deps, id);
    expect(months.ok).toBe(true);
    if (months.ok) expect(months.months.filter((m) => m.payment.state === 'paid')).toHaveLength(2);
    const points = await loadPoints(t.deps, id);
    expect(points.ok && points.ledger.history.some((h) => h.kind === 'used')).toBe(true);
  });
});
