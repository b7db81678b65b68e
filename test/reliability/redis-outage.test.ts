// Redis outage (when REDIS_URL is configured): with Redis unreachable every limiter falls back to an
// in-process insurance limiter with half the points — stricter, never unlimited — and shared limiting
// resumes once Redis answers again (docs/ARCHITECTURE.md "Rate limits", bench/README.md).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tryConsume } from '../../src/security/rate-limit.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { TcpProxy } from '../helpers/tcp-proxy.ts';

const redisUrl = process.env.TEST_REDIS_URL;
const POINTS = 10;

describe.runIf(redisUrl)('Redis outage', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let direct: Redis;
  const run = randomBytes(4).toString('hex');

  beforeAll(async () => {
    const target = new URL(redisUrl!);
    proxy = new TcpProxy(target.hostname, Number(target.port || 6379));
    const port = await proxy.start();
    t = await createTestApp('pglite', {
      REDIS_URL: `redis://127.0.0.1:${port}`,
      IP_FORM_POINTS: String(POINTS),
    });
    await t.deps.limiters.ready(5000);
    direct = new Redis(redisUrl!);
  });

  afterAll(async () => {
    direct?.disconnect();
    await t?.close();
    await proxy?.cut();
  });

  async function burst(name: string, key: string, n: number) {
    const limiter = t.deps.limiters.create(name, POINTS, 60);
    let allowed = 0;
    for (let i = 0; i < n; i++) if (await tryConsume(limiter, key)) allowed++;
    return allowed;
  }

  /** The Redis key a limiter stores a key under (prefix and a keyed hash of the key, never the key itself). */
  function storedKey(name: string, key: string): string {
    return t.deps.limiters.create(name, POINTS, 60).getKey(key);
  }

  async function waitForRedis() {
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      const limiter = t.deps.limiters.create(`probe_${run}`, 1000, 60);
      await tryConsume(limiter, 'probe');
      if (await direct.exists(limiter.getKey('probe'))) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }

  it('limits exactly on Redis, falls back to half the points while Redis is cut, and shares again after', async () => {
    // Up: the shared store counts.
    expect(await burst(`rl_${run}`, 'up', POINTS * 2)).toBe(POINTS);
    expect(Number(await direct.get(storedKey(`rl_${run}`, 'up')))).toBeGreaterThanOrEqual(POINTS);

    // Down: stricter in-process limit — a burst beyond half the points is refused, never unlimited.
    await proxy.cut();
    expect(await burst(`rl_${run}`, 'down', POINTS * 3)).toBe(POINTS / 2);

    // The HTTP form budget behaves the same: the forgot-ID form answers R01 (429) beyond half, never 5xx.
    const client = new TestClient(t);
    await client.get('/forgot/id');
    const statuses: number[] = [];
    for (let i = 0; i < POINTS; i++)
      statuses.push((await client.post('/forgot/id', { email: `outage${i}@example.jp` })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(POINTS / 2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(POINTS / 2);

    // Back: Redis counts again (the key lands in Redis) with the full points.
    await proxy.restore();
    expect(await waitForRedis()).toBe(true);
    expect(await burst(`rl_${run}`, 'back', POINTS * 2)).toBe(POINTS);
    expect(Number(await direct.get(storedKey(`rl_${run}`, 'back')))).toBeGreaterThanOrEqual(POINTS);
  });
});
