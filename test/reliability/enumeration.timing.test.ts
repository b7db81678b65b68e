// ASVS 5.0 V6.3.8: an existing and an unknown account must not be told apart — same status, same body,
// and (measured here) median response times within 5% over 200 samples each, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';

const kind = databaseKinds().includes('postgres') ? 'postgres' : 'pglite';
const SAMPLES = 200;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const normalise = (html: string, typed: string[]) =>
  typed.reduce((h, s) => h.replaceAll(s, '<typed>'), html).replace(/nonce="[^"]+"/g, '');

/** Alternates the two requests so drift in machine load hits both equally. */
async function compare(send: (variant: 'known' | 'unknown') => Promise<{ status: number; body: string }>) {
  const times = { known: [] as number[], unknown: [] as number[] };
  const seen = { known: new Set<string>(), unknown: new Set<string>() };
  for (let i = 0; i < SAMPLES; i++) {
    for (const variant of i % 2 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const)) {
      const started = performance.now();
      const { status, body } = await send(variant);
      times[variant].push(performance.now() - started);
      seen[variant].add(`${status}\n${body}`);
    }
  }
  return { known: median(times.known), unknown: median(times.unknown), seen };
}

describe(`enumeration on ${kind}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { LOGIN_MAX_FAILURES: '100', RECOVERY_MIN_RESPONSE_MS: '50' });
    await createMember(t.deps, {
      userId: 'existing-member',
      email: 'existing@example.jp',
      password: 'the-right-password-1',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('login: a wrong password and an unknown ID are identical in status, body and median time', async () => {
    const client = new TestClient(t);
    await client.get('/login');
    const r = await compare(async (v) => {
      const id = v === 'known' ? 'existing-member' : 'missing-member';
      const res = await client.post('/login', { identifier: id, password: 'wrong-password-123' });
      return { status: res.status, body: normalise(await res.text(), [id]) };
    });
    console.log(`median ms known=${r.known.toFixed(2)} unknown=${r.unknown.toFixed(2)}`);
    expect(r.seen.known).toEqual(r.seen.unknown);
    expect(r.seen.known.size).toBe(1);
    expect(Math.abs(r.known - r.unknown) / r.unknown).toBeLessThan(0.05);
  });

  it('registration: a taken and a free user ID are identical in status, body and median time', async () => {
    const client = new TestClient(t);
    await client.get('/register');
    let n = 0;
    const r = await compare(async (v) => {
      n++;
      const id = v === 'known' ? 'existing-member' : `fresh-member-${n}`;
      const res = await client.post('/register', {
        userId: id,
        email: `probe${n}@example.jp`,
        password: 'cherry blossoms in april',
      });
      return { status: res.status, body: normalise(await res.text(), [id, `probe${n}@example.jp`]) };
    });
    console.log(`median ms known=${r.known.toFixed(2)} unknown=${r.unknown.toFixed(2)}`);
    expect(r.seen.known).toEqual(r.seen.unknown);
    expect(r.seen.known.size).toBe(1);
    expect(Math.abs(r.known - r.unknown) / r.unknown).toBeLessThan(0.05);
  });

  /** The per-identifier recovery limit (5/hour) is lifted before every sample, so each one does the full work. */
  async function forgot(client: TestClient, path: string, field: string, value: string, key: string) {
    await t.deps.limiters.recoveryByIdentifier.delete(key);
    const res = await client.post(path, { [field]: value });
    return { status: res.status, body: normalise(await res.text(), [value]) };
  }

  it('forgot user ID: a registered and an unknown email are identical in status, body and median time', async () => {
    const client = new TestClient(t);
    await client.get('/forgot/id');
    const r = await compare((v) => {
      const email = v === 'known' ? 'existing@example.jp' : 'missing@example.jp';
      return forgot(client, '/forgot/id', 'email', email, `id:${email}`);
    });
    console.log(`forgot id: median ms known=${r.known.toFixed(2)} unknown=${r.unknown.toFixed(2)}`);
    expect(r.seen.known).toEqual(r.seen.unknown);
    expect(r.seen.known.size).toBe(1);
    expect(Math.abs(r.known - r.unknown) / r.unknown).toBeLessThan(0.05);
  });

  it.each([
    ['user ID', 'existing-member', 'missing-member'],
    ['email', 'existing@example.jp', 'missing@example.jp'],
  ])(
    'forgot password by %s: existing and unknown are identical in status, body and median time',
    async (_, known, unknown) => {
      const client = new TestClient(t);
      await client.get('/forgot/password');
      const r = await compare((v) => {
        const id = v === 'known' ? known : unknown;
        return forgot(client, '/forgot/password', 'identifier', id, `pw:${id}`);
      });
      console.log(`forgot password: median ms known=${r.known.toFixed(2)} unknown=${r.unknown.toFixed(2)}`);
      expect(r.seen.known).toEqual(r.seen.unknown);
      expect(r.seen.known.size).toBe(1);
      expect(Math.abs(r.known - r.unknown) / r.unknown).toBeLessThan(0.05);
    },
  );
});
