/**
 * Staff sign-in threats. PCI DSS 4.0.1 8.3.4: lock after at most 10 failures for at least 30 minutes;
 * 8.2.8: re-authenticate after 15 minutes idle; 8.4: MFA for console access (password + TOTP).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../src/support/totp.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createTestStaff, staffLogIn } from '../helpers/support-factories.ts';

describe.each(databaseKinds())('POST /support/login on %s', (kind) => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp(kind);
  });
  afterAll(() => testApp?.close());

  const failures = (staffId: number, reason: string) =>
    testApp.deps.db
      .selectFrom('audit_log')
      .select('id')
      .where('staff_id', '=', staffId)
      .where('action', '=', 'staff.login_failure')
      .where(sql<string>`after->>'reason'`, '=', reason)
      .execute()
      .then((r) => r.length);

  it('needs both the password and a current code, with one answer for every failure', async () => {
    const { deps } = testApp;
    const staff = await createTestStaff(deps, 'operator');
    const client = new TestClient(testApp);
    const wrongCode = await client.post('/support/login', {
      login: staff.login,
      password: staff.password,
      code: '000000',
    });
    const wrongPassword = await staffLogIn(client, deps, staff, 'not-the-password-1');
    const unknown = await client.post('/support/login', {
      login: 'nobody-here',
      password: staff.password,
      code: '123456',
    });
    const noCode = await client.post('/support/login', {
      login: staff.login,
      password: staff.password,
      code: '',
    });
    expect([wrongCode.status, wrongPassword.status, unknown.status, noCode.status]).toEqual([
      401, 401, 401, 400,
    ]);
    const message = (html: string) => /id="staff-login-error"[\s\S]*?<\/div>/.exec(html)?.[0];
    const a = message(await wrongCode.text());
    expect(a).toBeTruthy();
    expect(message(await wrongPassword.text())).toBe(a);
    expect(message(await unknown.text())).toBe(a);
    expect(client.cookie('cardnavi_staff')).toBeUndefined();
  });

  it('refuses a code used once already in its window (replay), telling the staff member to wait for the next code', async () => {
    const { deps } = testApp;
    testApp.setNow(new Date('2026-11-28T01:00:05Z'));
    const staff = await createTestStaff(deps, 'operator');
    const code = currentTotpCode(staff.totpSecret, deps.now());
    const first = await new TestClient(testApp).post('/support/login', {
      login: staff.login,
      password: staff.password,
      code,
    });
    expect(first.status).toBe(303);
    const replay = await new TestClient(testApp).post('/support/login', {
      login: staff.login,
      password: staff.password,
      code,
    });
    expect(replay.status).toBe(401);
    expect(await replay.text()).toContain('この認証コードはすでに使用されています');
    expect(await failures(staff.id, 'code_reused')).toBe(1);
  });

  it('locks after 10 failures for 30 minutes, refusing even the right password and code meanwhile', async () => {
    const { deps } = testApp;
    const start = new Date('2026-11-28T02:00:00Z');
    testApp.setNow(start);
    const staff = await createTestStaff(deps, 'supervisor');
    const client = new TestClient(testApp);
    for (let i = 0; i < 10; i++)
      expect((await staffLogIn(client, deps, staff, `wrong-password-${i}`)).status).toBe(401);
    const lock = await deps.db
      .selectFrom('staff')
      .select('locked_until')
      .where('id', '=', staff.id)
      .executeTakeFirstOrThrow();
    expect(lock.locked_until?.getTime()).toBe(start.getTime() + 30 * 60_000);

    testApp.setNow(new Date(start.getTime() + 29 * 60_000 + 50_000));
    expect((await staffLogIn(client, deps, staff)).status).toBe(401);
    expect(await failures(staff.id, 'locked')).toBe(1);

    testApp.setNow(new Date(start.getTime() + 30 * 60_000 + 30_000));
    const after = await staffLogIn(client, deps, staff);
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/support');
    const audit = await deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('staff_id', '=', staff.id)
      .where('action', '=', 'staff.lock')
      .execute();
    expect(audit).toHaveLength(1);
  }, 60_000);

  it('evaluates at most 10 of 50 concurrent wrong sign-ins', async () => {
    const { deps } = testApp;
    testApp.setNow(new Date('2026-11-28T04:00:00Z'));
    const staff = await createTestStaff(deps, 'admin');
    const client = new TestClient(testApp);
    await client.get('/support/login');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => staffLogIn(client, deps, staff, `concurrent-wrong-${i}`)),
    );
    expect(results.every((r) => r.status === 401)).toBe(true);
    expect(await failures(staff.id, 'wrong_credentials')).toBe(10);
    expect(await failures(staff.id, 'locked')).toBe(40);
    const row = await deps.db
      .selectFrom('staff')
      .select(['locked_until'])
      .where('id', '=', staff.id)
      .executeTakeFirstOrThrow();
    expect(row.locked_until).not.toBeNull();
  }, 120_000);

  it('signs out after 15 minutes idle and says why on the sign-in page', async () => {
    const { deps } = testApp;
    const start = new Date('2026-11-28T06:00:00Z');
    testApp.setNow(start);
    const staff = await createTestStaff(deps, 'operator');
    const client = new TestClient(testApp);
    expect((await staffLogIn(client, deps, staff)).status).toBe(303);
    testApp.setNow(new Date(start.getTime() + 14 * 60_000));
    expect((await client.get('/support')).status).toBe(200);
    testApp.setNow(new Date(start.getTime() + 29 * 60_000 + 1_000));
    const idle = await client.get('/support');
    expect(idle.status).toBe(303);
    expect(idle.headers.get('location')).toBe('/support/login?expired=1');
    const page = await client.get('/support/login?expired=1&lang=en');
    expect(await page.text()).toContain('15 minutes without activity');
  });

  it('stores only the SHA-256 of the session token', async () => {
    const { deps } = testApp;
    testApp.setNow(new Date('2026-11-28T07:00:00Z'));
    const staff = await createTestStaff(deps, 'operator');
    const client = new TestClient(testApp);
    await staffLogIn(client, deps, staff);
    const token = client.cookie('cardnavi_staff');
    expect(token).toBeTruthy();
    const rows = await deps.db
      .selectFrom('staff_sessions')
      .select('token_hash')
      .where('staff_id', '=', staff.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).not.toBe(token);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
