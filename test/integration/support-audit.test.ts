/**
 * The audit log is tamper-evident (issue 7): hash-chained rows, appends serialised so the chain never forks,
 * a trigger that refuses UPDATE, DELETE and TRUNCATE, and `cardnavi audit verify` naming the first altered row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { type AuditDetails, recordAudit, verifyAuditChain } from '../../src/support/audit.ts';
import { supportCommands } from '../../src/support/commands.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testConfig } from '../helpers/config.ts';
import { databaseKinds } from '../helpers/db.ts';

describe.each(databaseKinds())('audit log on %s', (kind) => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp(kind);
  });
  afterAll(() => testApp?.close());

  it('keeps one unbroken chain under 40 concurrent appends', async () => {
    const { db } = testApp.deps;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        recordAudit(db, {
          at: new Date(),
          staffId: null,
          action: 'member.verify',
          memberId: i,
          // The chain holds for any JSON, not only today's fields: nested values hash canonically too.
          after: { i, nested: { b: 1, a: [1, 'x'] } } as unknown as AuditDetails,
        }),
      ),
    );
    const rows = await db.selectFrom('audit_log').select(['id', 'prev_hash', 'hash']).orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(40);
    expect(await verifyAuditChain(db, 7)).toEqual({ ok: true, rows: 40 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the trigger', async () => {
    const { db } = testApp.deps;
    await expect(
      db.updateTable('audit_log').set({ reason: 'edited' }).where('id', '=', 1).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('id', '=', 2).execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('pinpoints a row altered directly in the database, with the trigger disabled', async () => {
    const { db } = testApp.deps;
    await sql`alter table audit_log disable trigger audit_log_refuse_change`.execute(db);
    await db.updateTable('audit_log').set({ after: sql`'{"i": 999}'::jsonb` }).where('id', '=', 17).execute();
    await sql`alter table audit_log enable trigger audit_log_refuse_change`.execute(db);
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      code: 'audit_chain_broken',
      rows: 16,
      brokenId: 17,
      problem: 'hash',
    });
  });

  it('pinpoints a deleted row by the gap it leaves', async () => {
    const fresh = await createTestApp(kind);
    try {
      const { db } = fresh.deps;
      for (let i = 0; i < 5; i++)
        await recordAudit(db, { at: new Date(), staffId: null, action: 'staff.login' });
      await sql`alter table audit_log disable trigger audit_log_refuse_change`.execute(db);
      await db.deleteFrom('audit_log').where('id', '=', 3).execute();
      await sql`alter table audit_log enable trigger audit_log_refuse_change`.execute(db);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenId: 4, problem: 'gap' });
    } finally {
      await fresh.close();
    }
  });
});

describe('cardnavi audit verify', () => {
  const command = supportCommands.find((c) => c.name === 'audit verify')!;

  // Two PGlite starts and a migration: minutes on a machine shared by many test runs.
  it('prints OK on a clean log, then exits 1 naming the first altered row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cardnavi-audit-'));
    const config = testConfig({ DATA_DIR: dir });
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      let db = await openDatabase({ dataDir: dir });
      await migrateToLatest(db);
      for (let i = 0; i < 3; i++)
        await recordAudit(db, { at: new Date(), staffId: null, action: 'staff.login', reason: `r${i}` });
      await db.destroy();
      expect(await command.run([], config)).toBe(0);
      expect(log).toHaveBeenCalledWith('audit log OK (3 rows)');

      db = await openDatabase({ dataDir: dir });
      await sql`alter table audit_log disable trigger all`.execute(db);
      await db.updateTable('audit_log').set({ reason: 'rewritten' }).where('id', '=', 2).execute();
      await db.destroy();
      expect(await command.run([], config)).toBe(1);
      expect(error.mock.calls.flat().join(' ')).toContain('BROKEN at row 2');
    } finally {
      log.mockRestore();
      error.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
