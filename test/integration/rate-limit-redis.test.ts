// Per-IP throttles shared through Redis when REDIS_URL is set; when Redis is unreachable the limiter falls
// back to a stricter in-process one (half the points), never to no limit.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiters, tryConsume } from '../../src/security/rate-limit.ts';
import { testConfig } from '../helpers/config.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl && process.env.CI === 'true') throw new Error('TEST_REDIS_URL is required when CI=true');
if (!redisUrl) console.warn('\n*** TEST_REDIS_URL is not set: the Redis rate-limit tier is SKIPPED ***\n');

describe.runIf(Boolean(redisUrl))('rate limits on Redis', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('shares one budget between two server instances', async () => {
    const config = testConfig({ REDIS_URL: redisUrl!, IP_LOGIN_POINTS: '3' });
    const a = createRateLimiters(config, database.db);
    const b = createRateLimiters(config, database.db);
    await Promise.all([a.ready(), b.ready()]);
    try {
      const ip = `203.0.113.${randomBytes(1)[0]}-${Date.now()}`;
      const results = [
        await tryConsume(a.loginByIp, ip),
        await tryConsume(b.loginByIp, ip),
        await tryConsume(a.loginByIp, ip),
        await tryConsume(b.loginByIp, ip),
      ];
      expect(results).toEqual([true, true, true, false]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('falls back to a stricter in-process limit while Redis is unreachable', async () => {
    const config = testConfig({ REDIS_URL: 'redis://127.0.0.1:1', IP_LOGIN_POINTS: '4' });
    const limiters = createRateLimiters(config, database.db);
    try {
      const ip = '203.0.113.99';
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await tryConsume(limiters.loginByIp, ip));
      expect(results).toEqual([true, true, false, false]);
    } finally {
      await limiters.close();
    }
  });
});
