import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/helpers/app.ts';
import { createMember } from '../../test/helpers/factories.ts';
import { setCardStatus } from '../cards/repository.ts';
import { seedCardsDemo } from '../cards/seed.ts';

let app: TestApp;
const password = 'correct-horse-battery-9';
const ids = new Map<string, number>();

beforeAll(async () => {
  app = await createTestApp('pglite');
  for (const login of [
    'hanako@example.jp',
    'pinlock@example.jp',
    'renewal@example.jp',
    'suspended@example.jp',
    'nocard01',
  ])
    ids.set(login, (await createMember(app.deps, { userId: login, password })).id);
  await seedCardsDemo(app.deps, ids);
  // A fresh migrated database, the demo cards' argon2 hashes and 16 months of history: slow on a shared machine.
}, 180_000);
afterAll(() => app?.close());

async function portalOf(userId: string, lang: 'en' | 'ja' = 'en') {
  const client = new TestClient(app, { 'accept-language': lang });
  await client.login(userId, password);
  return client.get(`/portal?lang=${lang}`);
}

describe('GET /portal', () => {
  it('takes a member without an enrolled card straight to the start procedure', async () => {
    const res = await portalOf('nocard01');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal/enroll');
  });

  it('shows the P01 lock page with what to have ready to a member whose card is PIN-locked', async () => {
    const res = await portalOf('pinlock@example.jp');
    expect(res.status).toBe(403);
    const body = await res.text();
    expect(body).toContain('P01');
    expect(body).toContain('Please have ready when you call');
    expect(body).toContain('/help/errors/P01');
  });

  it('does not suggest withdrawing the membership to a member whose card is suspended', async () => {
    for (const lang of ['en', 'ja'] as const) {
      const res = await portalOf('suspended@example.jp', lang);
      expect(res.status).toBe(403);
      const body = await res.text();
      expect(body).toContain('C01');
      expect(body).not.toMatch(lang === 'en' ? /withdraw/i : /退会/);
    }
  });

  it('shows C03 with the contact box and what still works for a card cancelled at renewal', async () => {
    const res = await portalOf('renewal@example.jp');
    expect(res.status).toBe(403);
    const body = await res.text();
    for (const text of ['C03', '/help/errors/C03', 'contact-box', 'What still works', 'href="/settings"'])
      expect(body).toContain(text);
  });

  it('shows the dashboard of an active card: masked number, limit, bill, payment day, points, last 10', async () => {
    app.setNow(new Date('2026-11-10T03:00:00Z'));
    try {
      const res = await portalOf('hanako@example.jp');
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).toContain('**** **** **** 9003');
      expect(body).toContain('Fri, 27 Nov 2026');
      expect(body).toContain('¥500,000');
      expect(body).toMatch(/id="points-balance">[\d,]+ points/);
      expect(body.match(/<td class="num">¥/g)).toHaveLength(10);
    } finally {
      app.setNow(new Date());
    }
  });

  it('shows C01 when an enrolled card is suspended later', async () => {
    const [card] = await app.deps.db
      .selectFrom('cards')
      .select('id')
      .where('member_id', '=', ids.get('hanako@example.jp')!)
      .execute();
    await setCardStatus(app.deps.db, card!.id, 'suspended', 'test', new Date());
    const res = await portalOf('hanako@example.jp');
    expect(await res.text()).toContain('C01');
    await setCardStatus(app.deps.db, card!.id, 'active', 'test', new Date());
  });
});
