import { Redis } from 'ioredis';
import { CompiledQuery } from 'kysely';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';

/**
 * Lets rate-limiter-flexible's PostgreSQL store run its SQL through Kysely, so one store serves both the
 * embedded PGlite database and a PostgreSQL server (table `rate_limits`, created by migration 0001).
 */
function kyselyStoreClient(db: Db) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const result = await db.executeQuery(CompiledQuery.raw(q.text, q.values ?? []));
      return { rows: result.rows, rowCount: Number(result.numAffectedRows ?? result.rows.length) };
    },
  };
}

export interface RateLimiters {
  /** Login POSTs per IP per minute (token bucket). */
  loginByIp: RateLimiterAbstract;
  /** Other anonymous form POSTs (registration, recovery) per IP per minute. */
  formByIp: RateLimiterAbstract;
  /** Consecutive login failures per typed identifier, known or not: drives the progressive delay. */
  loginFailuresByIdentifier: RateLimiterAbstract;
  /** Make a limiter for a domain flow (e.g. recovery requests per account) on the same store. */
  create(name: string, points: number, durationSeconds: number): RateLimiterAbstract;
  /** Resolves once the shared store answers (at once without Redis; gives up quietly after `ms`). */
  ready(ms?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Per-IP and per-identifier throttles. Store: Redis when REDIS_URL is set (shared by every instance),
 * otherwise the database. When Redis is unreachable each limiter falls back to a stricter in-process
 * limiter (half the points), never to no limit.
 */
export function createRateLimiters(config: Config, db: Db): RateLimiters {
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
    : undefined;
  redis?.on('error', () => {});
  const storeClient = kyselyStoreClient(db);
  const create = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const base = { keyPrefix: name, points, duration };
    if (redis) {
      return new RateLimiterRedis({
        ...base,
        storeClient: redis,
        insuranceLimiter: new RateLimiterMemory({ ...base, points: Math.max(1, Math.floor(points / 2)) }),
      });
    }
    return new RateLimiterPostgres({
      ...base,
      storeClient,
      storeType: 'client',
      tableName: 'rate_limits',
      tableCreated: true,
      clearExpiredByTimeout: false,
    });
  };
  return {
    loginByIp: create('login_ip', config.login.ipPointsPerMinute, 60),
    formByIp: create('form_ip', config.ipFormPointsPerMinute, 60),
    loginFailuresByIdentifier: create('login_fail_id', 1_000_000, 24 * 3600),
    create,
    async ready(ms = 3000) {
      if (!redis || redis.status === 'ready') return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        redis.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    async close() {
      redis?.disconnect();
    },
  };
}

/** Consumes one point; false when the limit is reached. Store errors other than the limit are rethrown. */
export async function tryConsume(limiter: RateLimiterAbstract, key: string, points = 1): Promise<boolean> {
  try {
    await limiter.consume(key, points);
    return true;
  } catch (e) {
    if (e instanceof RateLimiterRes) return false;
    throw e;
  }
}
