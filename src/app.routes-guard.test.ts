/**
 * Issue 10: a page cannot exist outside its audience's guard. Every route the app registers is requested
 * without a session: member pages must send the visitor to /login, console staff pages to /support/login,
 * and no route, public or not, may answer 500 (what a page that assumes a member did when it forgot its guard).
 * Routes are read from the router itself, so a route added later is walked too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../test/helpers/app.ts';
import { memberRouteGroups, staffRouteGroups } from './app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp('pglite');
}, 120_000);
afterAll(() => testApp?.close());

type RouteEntry = { method: string; path: string };
const key = (r: RouteEntry) => `${r.method} ${r.path}`;
const routesOf = (routes: RouteEntry[], prefix = '') =>
  new Set(routes.filter((r) => r.method !== 'ALL').map((r) => key({ ...r, path: prefix + r.path })));

const memberRoutes = () => new Set(memberRouteGroups.flatMap((g) => [...routesOf(g.routes)]));
// Staff groups are mounted under /support; their '/' is '/support' itself.
const staffRoutes = () =>
  new Set(
    staffRouteGroups.flatMap((g) => [...routesOf(g.routes, '/support')].map((k) => k.replace(/\/$/, ''))),
  );

/** Every (method, path) the app answers, as registered in its router. */
const registered = () => [...routesOf(testApp.app.routes)];

/** A request path for a route pattern: every parameter becomes 1. */
const concrete = (path: string) => path.replace(/:\w+/g, '1');

async function callAnonymously(route: string) {
  const [method = '', path = ''] = route.split(' ');
  const client = new TestClient(testApp);
  return method === 'GET' ? client.get(concrete(path)) : client.post(concrete(path), {});
}

describe('route groups', () => {
  it('registers every member and staff route in the app router', () => {
    const all = new Set(registered());
    expect(memberRoutes().size).toBeGreaterThan(5);
    expect(staffRoutes().size).toBeGreaterThan(5);
    for (const route of [...memberRoutes(), ...staffRoutes()]) expect(all.has(route), route).toBe(true);
  });

  it('sends a visitor without a session from every member route to /login', async () => {
    for (const route of memberRoutes()) {
      const res = await callAnonymously(route);
      expect(`${route} → ${res.status} ${res.headers.get('location')}`).toBe(`${route} → 303 /login`);
    }
  });

  it('sends a visitor without a staff session from every console staff route to /support/login', async () => {
    for (const route of staffRoutes()) {
      const res = await callAnonymously(route);
      expect(`${route} → ${res.status} ${res.headers.get('location')}`).toBe(`${route} → 303 /support/login`);
    }
  });

  it('answers every other registered route without a session, never with a 500', async () => {
    const guarded = new Set([...memberRoutes(), ...staffRoutes()]);
    const open = registered().filter((route) => !guarded.has(route));
    expect(open).toContain('GET /help');
    for (const route of open) {
      const res = await callAnonymously(route);
      expect(res.status, route).toBeLessThan(500);
    }
  });

  it('keeps a group guard off paths outside its group (an unknown path is a 404, not a login redirect)', async () => {
    const res = await new TestClient(testApp).get('/no-such-page');
    expect(res.status).toBe(404);
    expect((await new TestClient(testApp).get('/help')).status).toBe(200);
  });
});
