/** The demo staff (issue 7): seeded idempotently, signing in with the password and TOTP secret the top page shows. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaff } from '../../src/demo/cast.ts';
import { seedSupportDemo } from '../../src/support/seed.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { staffLogIn } from '../helpers/support-factories.ts';

describe.each(databaseKinds())('seedSupportDemo on %s', (kind) => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp(kind);
  });
  afterAll(() => testApp?.close());

  it('creates each demo staff member once, with the listed role and TOTP secret', async () => {
    await seedSupportDemo(testApp.deps);
    await seedSupportDemo(testApp.deps);
    const rows = await testApp.deps.db
      .selectFrom('staff')
      .select(['id', 'login', 'role'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.login, r.role])).toEqual(demoStaff.map((s) => [s.login, s.role]));
    for (const s of demoStaff) {
      const id = rows.find((r) => r.login === s.login)!.id;
      const res = await staffLogIn(new TestClient(testApp), testApp.deps, {
        ...s,
        id,
        role: s.role as 'operator',
      });
      expect(res.headers.get('location')).toBe('/support');
    }
  });
});
