/**
 * Console access control (issue 7): every console route walked as each role, as a member and anonymously;
 * a member cookie grants nothing under /support and a staff cookie nothing on member pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleRouteAccess, type RouteAccess, roleAtLeast } from '../../src/support/roles.ts';
import { consoleRoutes, staffRoutes } from '../../src/support/routes.tsx';
import type { StaffRole } from '../../src/support/tables.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import { createCard, createTestStaff, staffLogIn } from '../helpers/support-factories.ts';

describe.each(databaseKinds())('support console access on %s', (kind) => {
  let testApp: TestApp;
  const clients: Record<'anonymous' | 'member' | StaffRole, TestClient> = {} as never;
  let memberId: number;
  let cardId: number;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    const { deps } = testApp;
    const member = await createMember(deps);
    memberId = member.id;
    cardId = (await createCard(deps, memberId)).id;
    clients.anonymous = new TestClient(testApp);
    clients.member = new TestClient(testApp);
    expect((await clients.member.login(member.userId, member.password)).status).toBe(303);
    for (const role of ['operator', 'supervisor', 'admin'] as const) {
      clients[role] = new TestClient(testApp);
      const res = await staffLogIn(clients[role], deps, await createTestStaff(deps, role));
      expect(res.headers.get('location')).toBe('/support');
    }
  }, 240_000);
  afterAll(() => testApp?.close());

  it('declares every route the console registers, and nothing it does not', () => {
    const declared = (routes: { method: string; path: string }[]) =>
      [...new Set(routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].sort();
    const access = Object.entries(consoleRouteAccess);
    // Public routes in the public group, every other one in the staff group (behind requireStaff).
    expect(declared(consoleRoutes.routes)).toEqual(
      access
        .filter(([, a]) => a === 'public')
        .map(([route]) => route)
        .sort(),
    );
    expect(declared(staffRoutes.routes)).toEqual(
      access
        .filter(([, a]) => a !== 'public')
        .map(([route]) => route)
        .sort(),
    );
  });

  const concrete = (route: string) =>
    route
      .split(' ')[1]!
      .replace(':memberId', String(memberId))
      .replace(':cardId', String(cardId))
      .replace(':requestId', '1')
      .replace(/^\/$/, '');

  async function call(who: keyof typeof clients, route: string) {
    const [method] = route.split(' ');
    const path = `/support${concrete(route)}`;
    // Bodies that would act are left empty: access is decided before the form is read.
    return method === 'GET' ? clients[who].get(path) : clients[who].post(path, {});
  }

  it('walks every console route as anonymous, member, operator, supervisor and admin', async () => {
    const seen: string[] = [];
    for (const [route, access] of Object.entries(consoleRouteAccess) as [string, RouteAccess][]) {
      if (route === 'POST /logout') continue; // would end the session the rest of the walk needs
      for (const who of ['anonymous', 'member', 'operator', 'supervisor', 'admin'] as const) {
        const res = await call(who, route);
        const isStaff = who !== 'anonymous' && who !== 'member';
        let expected: 'login' | 'forbidden' | 'allowed';
        if (access === 'public') expected = 'allowed';
        else if (!isStaff) expected = 'login';
        else expected = roleAtLeast(who, access) ? 'allowed' : 'forbidden';
        const got =
          res.status === 303 && res.headers.get('location') === '/support/login'
            ? 'login'
            : res.status === 403
              ? 'forbidden'
              : 'allowed';
        seen.push(`${route} as ${who}: ${got}`);
        expect(`${route} as ${who}: ${got}`).toBe(`${route} as ${who}: ${expected}`);
        if (expected === 'allowed') expect(res.status).toBeLessThan(500);
      }
    }
    expect(seen.length).toBe((Object.keys(consoleRouteAccess).length - 1) * 5);
  }, 60_000);

  it('lets the logout route end a staff session without any role', async () => {
    const res = await clients.anonymous.post('/support/logout', {});
    expect(res.headers.get('location')).toBe('/support/login?loggedOut=1');
  });

  it('gives a member cookie nothing under /support, not even a member name in the page', async () => {
    const res = await clients.member.get('/support');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/support/login');
    const login = await clients.member.get('/support/login');
    expect(await login.text()).not.toContain('/logout"');
  });

  it('gives a staff cookie nothing on member pages (the member login still asks to log in)', async () => {
    // A member session would redirect /login to /portal; a staff cookie is not a member session.
    const res = await clients.admin.get('/login');
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('action="/logout"');
  });

  it('answers 404 for an undeclared console path, signed in or not', async () => {
    expect((await clients.anonymous.get('/support/secret-admin')).status).toBe(404);
    expect((await clients.admin.get('/support/members/abc')).status).toBe(404);
  });

  it('refuses a force-withdrawal from an operator (403) and performs it for a supervisor', async () => {
    const { deps } = testApp;
    const target = await createMember(deps);
    const reason = { reason: 'Repeated fraudulent chargebacks (case 2026-114)' };
    const asOperator = await clients.operator.post(`/support/members/${target.id}/force-withdraw`, reason);
    expect(asOperator.status).toBe(403);
    expect(
      (
        await deps.db
          .selectFrom('members')
          .select('status')
          .where('id', '=', target.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('active');

    const asSupervisor = await clients.supervisor.post(
      `/support/members/${target.id}/force-withdraw`,
      reason,
    );
    expect(asSupervisor.status).toBe(303);
    expect(asSupervisor.headers.get('location')).toBe(`/support/members/${target.id}?done=withdrawn`);
    const row = await deps.db
      .selectFrom('members')
      .select(['status', 'force_withdrawn_reason'])
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'force_withdrawn', force_withdrawn_reason: reason.reason });
    const audit = await deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'member.force_withdraw')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.reason).toBe(reason.reason);

    const memberLogin = await new TestClient(testApp).login(target.userId, target.password);
    expect(memberLogin.status).toBe(403);
    expect(await memberLogin.text()).toContain('M01');
  });
});
