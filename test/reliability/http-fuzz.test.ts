// Hostile input over HTTP: ≥ 10,000 generated requests (SOAK: 50,000) across every route of the app, as an
// anonymous visitor, a logged-in member and a logged-in supervisor: long strings, broken percent-encoding,
// invalid UTF-8, control characters, SQL and HTML injection, wrong content types, duplicate parameters and
// bodies over 64 KB. OWASP ASVS 5.0 V1.2 (output encoding) / V2.2 (input validation): zero 5xx, zero
// unescaped reflection of the injected marker, and no table an invalid request must not touch changes.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaff } from '../../src/demo/cast.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { currentTotpCode } from '../../src/support/totp.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { FORM_FIELDS, FUZZ_TAG, hostileString } from '../helpers/reliability-fuzz.ts';

const REQUESTS = process.env.SOAK ? 50_000 : 10_000;
const FIELDS = [...FORM_FIELDS, 'lang', 'card', 'step', 'expired', 'done', 'page'];
// Routes whose whole purpose is to end the fuzzer's own sessions. "This was not me" takes only its confirmation
// (confirm=yes): a POST with it and the member's CSRF token is the member's real request to end every session.
const SKIP = new Set(['POST /logout', 'POST /support/logout', 'POST /settings/sign-ins/not-me']);

/** Percent-encoding that is broken or decodes to invalid UTF-8. */
const brokenEncoding = fc.constantFrom(
  '%',
  '%%',
  '%zz',
  '%E0%A4%A',
  '%FF%FE',
  '%C0%80',
  '%ED%A0%80',
  '%00',
  '%0d%0aX:1',
  '+%2B%',
);

/** Percent-encodes UTF-8 bytes (lone surrogates become U+FFFD instead of throwing like encodeURIComponent). */
const enc = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');

function encodePairs(pairs: [string, string][], broken: string | null): string {
  const text = pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  return broken ? `${text}&${broken}=${broken}&q=${broken}` : text;
}

/** Every snapshot an invalid request must leave alone. */
async function snapshot(t: TestApp) {
  const tables = {
    members: 'select id, user_id, email, password_hash, status, locked_until from members order by id',
    cards:
      'select id, member_id, status, start_pin_failures, start_pin_locked_at, points_balance from cards order by id',
    card_enrollments: 'select card_id, member_id from card_enrollments order by card_id',
    card_transactions: 'select count(*) from card_transactions',
    staff: 'select id, login, role, password_hash from staff order by id',
    password_resets: 'select count(*) from password_resets',
    email_changes: 'select count(*) from email_changes',
    released_user_ids: 'select count(*) from released_user_ids',
  };
  const out: Record<string, string> = {};
  for (const [name, q] of Object.entries(tables))
    out[name] = JSON.stringify((await sql.raw(q).execute(t.deps.db)).rows);
  return out;
}

describe('HTTP fuzzer', () => {
  let t: TestApp;
  const who: Record<'anonymous' | 'member' | 'staff', { cookie: string; csrf: string }> = {
    anonymous: { cookie: '', csrf: '' },
    member: { cookie: '', csrf: '' },
    staff: { cookie: '', csrf: '' },
  };

  async function identity(client: TestClient, page: string) {
    const res = await client.get(page);
    const html = await res.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const names = ['cardnavi_csrf', 'cardnavi_session', 'cardnavi_staff', 'cardnavi_lang'];
    const cookie = names
      .map((n) => [n, client.cookie(n)] as const)
      .filter(([, v]) => v)
      .map(([n, v]) => `${n}=${v}`)
      .join('; ');
    return { cookie, csrf };
  }

  beforeAll(async () => {
    t = await createTestApp('pglite', { IP_LOGIN_POINTS: '200' });
    await seedDemo(t.deps);
    who.anonymous = await identity(new TestClient(t), '/login');
    const member = new TestClient(t);
    expect((await member.login('taro0123', 'fuji-san-3776m')).status).toBe(303);
    who.member = await identity(member, '/settings');
    const staff = new TestClient(t);
    const s = demoStaff.find((x) => x.role === 'supervisor')!;
    await staff.get('/support/login');
    const res = await staff.post('/support/login', {
      login: s.login,
      password: s.password,
      code: currentTotpCode(s.totpSecret, new Date()),
    });
    expect(res.status).toBe(303);
    who.staff = await identity(staff, '/support');
    expect(who.staff.cookie).toMatch(/staff/);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('GET /assets/<unknown name> answers 404, not 500 (found by this fuzzer)', async () => {
    const res = await t.app.request('/assets/%3Cx%3E');
    expect(res.status).toBe(404);
  });

  it('GET /support/members?q=<NUL> answers 400, not 500 (found by this fuzzer)', async () => {
    const res = await t.app.request('/support/members?q=%00', { headers: { cookie: who.staff.cookie } });
    expect(res.status).toBe(400);
  });

  it('a form field carrying NUL is refused as unreadable (400) before it can reach a query', async () => {
    const res = await t.app.request('/login', {
      method: 'POST',
      headers: {
        cookie: who.anonymous.cookie,
        origin: t.deps.config.publicUrl.origin,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `_csrf=${who.anonymous.csrf}&identifier=taro0123%00&password=x`,
    });
    expect(res.status).toBe(400);
  });

  it(`answers ${REQUESTS} hostile requests without a 5xx, an unescaped reflection or an unwanted write`, async () => {
    const routes = [
      ...new Map(
        t.app.routes
          .filter((r) => (r.method === 'GET' || r.method === 'POST') && !SKIP.has(`${r.method} ${r.path}`))
          .filter((r) => !r.path.includes('*'))
          .map((r) => [`${r.method} ${r.path}`, r] as const),
      ).values(),
    ];
    expect(routes.length).toBeGreaterThan(40);
    const before = await snapshot(t);

    const request = fc.record({
      route: fc.constantFrom(...routes),
      as: fc.constantFrom('anonymous', 'member', 'member', 'staff', 'staff') as fc.Arbitrary<
        keyof typeof who
      >,
      param: hostileString(200),
      query: fc.array(fc.tuple(fc.constantFrom(...FIELDS), hostileString(300)), { maxLength: 4 }),
      fields: fc.array(fc.tuple(fc.constantFrom(...FIELDS), hostileString()), { maxLength: 8 }),
      duplicate: fc.boolean(),
      broken: fc.option(brokenEncoding, { freq: 4 }),
      contentType: fc.constantFrom(
        'application/x-www-form-urlencoded',
        'application/x-www-form-urlencoded',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=xyz',
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded; charset=shift_jis',
        '',
      ),
      withCsrf: fc.boolean(),
      huge: fc.nat(40),
    });

    const samples = fc.sample(request, { numRuns: REQUESTS, seed: Number(process.env.FUZZ_SEED ?? 4242) });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const r of samples) {
      const param = /^\d+$/.test(r.param) ? '99999999' : r.param;
      const path = r.route.path.replace(/:[a-zA-Z]+(\{[^}]*\})?/g, () => enc(param));
      const pairs = [...r.query];
      if (r.duplicate && pairs[0]) pairs.push([pairs[0][0], `${pairs[0][1]}<${FUZZ_TAG}>`]);
      const query = encodePairs(pairs, r.broken);
      const url = `${path}${query ? `?${query}` : ''}`;
      const id = who[r.as];
      const headers: Record<string, string> = { cookie: id.cookie, origin: t.deps.config.publicUrl.origin };
      let body: string | undefined;
      if (r.route.method === 'POST') {
        const fields: [string, string][] = [...r.fields];
        if (r.withCsrf) fields.unshift(['_csrf', id.csrf]);
        if (r.duplicate && fields[1]) fields.push([fields[1][0], `<${FUZZ_TAG}>`]);
        if (r.huge === 0) fields.push(['password', 'x'.repeat(70 * 1024)]);
        body = r.contentType.startsWith('application/json')
          ? JSON.stringify(Object.fromEntries(fields))
          : encodePairs(fields, r.broken);
        if (r.contentType) headers['content-type'] = r.contentType;
      }
      let res: Response;
      try {
        res = await t.app.request(url, { method: r.route.method, headers, body });
      } catch (e) {
        failures.push(`${r.route.method} ${url} threw ${(e as Error).message}`);
        continue;
      }
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const text = await res.text();
      if (res.status >= 500) failures.push(`${res.status} ${r.route.method} ${url.slice(0, 200)} as ${r.as}`);
      if (text.includes(`<${FUZZ_TAG}`))
        failures.push(`unescaped marker: ${r.route.method} ${url.slice(0, 200)} as ${r.as}`);
    }
    console.log(
      `fuzzer: ${samples.length} requests over ${routes.length} routes; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(await snapshot(t)).toEqual(before);
  });
});
