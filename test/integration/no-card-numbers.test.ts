// PCI DSS 3.4.1: no page shows more than the last 4 digits of a card number — including the development
// top page that lists the demo cast, and the mailbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { demoMembers } from '../../src/demo/cast.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { createLogger } from '../../src/log.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';

describe('pages outside the portal', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    await seedDemo(t.deps);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(['/', '/?lang=en', '/dev/mailbox', '/login', '/help', '/help/contact'])(
    '%s holds no 12–19 digit run',
    async (path) => {
      const res = await t.app.request(path);
      expect(res.status).toBe(200);
      const text = (await res.text()).replace(/<[^>]+>/g, ' ');
      expect(text).not.toMatch(/\d(?:[ -]?\d){11,18}/);
    },
  );
});

// PCI DSS 3.4.1 / 10.3: the log lines of a request (the request line, the flows' own lines, the error
// handler's) carry its request id and never a card number, password, PIN or session token.
describe('log lines of requests', () => {
  let base: TestApp;
  let t: TestApp;
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];

  beforeAll(async () => {
    base = await createTestApp('pglite', { ENROLL_ATTEMPTS_PER_HOUR: '1000', LOGIN_MAX_FAILURES: '3' });
    const log = createLogger('debug', {
      write: (line: string) => {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    });
    const deps = { ...base.deps, log };
    await seedDemo(deps);
    t = { ...base, deps, app: createApp(deps) };
  }, 120_000); // the demo cast hashes a password per member
  afterAll(() => base?.close());

  it('hold the request id of the response and no card number, password, PIN or token', async () => {
    const member = demoMembers.find((m) => m.login === 'newcard@example.jp')!;
    const client = new TestClient(t);
    const ids: string[] = [];
    const seen = (res: Response) => {
      ids.push(res.headers.get('x-request-id') ?? 'missing');
      return res;
    };
    for (let i = 0; i < 3; i++) seen(await client.login('hanako@example.jp', `wrong-${i}-4980123456789003`));
    seen(await client.login(member.login, member.password));
    const wrongPin = seen(
      await client.post('/portal/enroll', {
        cardNumber: '4980 1234 5678 9011',
        birthDate: '1990-04-01',
        startPin: '0000',
      }),
    );
    expect(wrongPin.status).toBeLessThan(500);
    seen(
      await client.post('/portal/enroll', {
        cardNumber: '4980123456789011',
        birthDate: '1990-04-01',
        startPin: '4721',
      }),
    );
    seen(await client.post('/forgot/password', { identifier: '4980123456789037' }));
    seen(await client.get('/portal'));

    const session = client.cookie('cardnavi_session') ?? '';
    const secrets = [member.password, 'sakura-2026-demo', '4721', session].filter((s) => s.length >= 4);
    // Something was logged by the flows themselves, inside requests (not only the request lines).
    const flowLines = lines.filter((l) => l.msg === 'enrollment');
    expect(flowLines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines.filter((l) => l.msg === 'request'))
      expect(line.requestId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // A flow's line carries the id of the response it belongs to.
    for (const line of flowLines) expect(ids).toContain(line.requestId);
    for (const line of raw) {
      // The epoch-millisecond timestamp is the one long digit run a line may hold.
      expect(line.replace(/"time":\d+/, '')).not.toMatch(/\d(?:[ -]?\d){11,18}/);
      for (const secret of secrets) expect(line).not.toContain(secret);
    }
    // The three wrong passwords were logged as requests, with their ids and not their query or body.
    expect(
      lines.filter((l) => l.msg === 'request' && l.method === 'POST' && l.path === '/login'),
    ).toHaveLength(4);
  });
});
