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
import { hmac } from './tokens.ts';

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

interface RateLimit {
  /** Store key prefix: changing it resets the counts. */
  name: string;
  points: number;
  durationSeconds: number;
}

/** Every rate limit of the application, in one table so the numbers can be read side by side. */
function rateLimitTable(config: Config) {
  return {
    /** Login POSTs per IP per minute (token bucket). */
    loginByIp: { name: 'login_ip', points: config.login.ipPointsPerMinute, durationSeconds: 60 },
    /** Other anonymous form POSTs (registration, recovery) per IP per minute. */
    formByIp: { name: 'form_ip', points: config.ipFormPointsPerMinute, durationSeconds: 60 },
    /** Consecutive login failures per typed identifier, known or not: drives the progressive delay. */
    loginFailuresByIdentifier: { name: 'login_fail_id', points: 1_000_000, durationSeconds: 24 * 3600 },
    /**
     * Forgot-ID and forgot-password requests per typed identifier (email or user ID, known or not, so the
     * limit reveals nothing): 5 an hour. Keeps a mailbox from being flooded and links from being churned.
     */
    recoveryByIdentifier: { name: 'recovery_id', points: 5, durationSeconds: 3600 },
    /**
     * Current-password checks in settings (email change, password change, withdrawal) per member: 10 in
     * 15 minutes, so a stolen session cannot be used to guess the password (NIST 800-63B-4 throttling).
     */
    reauthByMember: { name: 'reauth_member', points: 10, durationSeconds: 900 },
    /** Enrollment attempts per member ID per hour, across all cards (so card numbers cannot be probed). */
    enrollByMember: {
      name: 'enroll_member',
      points: config.startPin.enrollAttemptsPerHour,
      durationSeconds: 3600,
    },
    /**
     * Identity verification attempts per member per hour, across all staff: a caller guessing details (or an
     * insider probing them) gets a few tries, then the case goes to a supervisor. A pass gives them back.
     */
    supportVerifyByMember: { name: 'support_verify', points: 5, durationSeconds: 3600 },
    /**
     * Console searches that match on a verification item (phone number; card last 4 + birth date) per staff
     * member per hour: without it the search is an unlimited oracle beside the limited identity check.
     */
    supportItemSearchByStaff: { name: 'support_item_search', points: 20, durationSeconds: 3600 },
  } satisfies Record<string, RateLimit>;
}

type RateLimitName = keyof ReturnType<typeof rateLimitTable>;

export interface RateLimiters extends Record<RateLimitName, RateLimiterAbstract> {
  /** A limiter outside the table on the same store (tests probing the store). */
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
  // Keys are what a client typed (an identifier, or a password typed into the ID field): the store only ever
  // holds a keyed hash of them, of fixed length, under a key derived from the server secret.
  const keySecret = hmac(config.sessionSecret, 'rate-limit-keys');
  const create = (name: string, points: number, duration: number): RateLimiterAbstract =>
    keyedByHash(createPlain(name, points, duration), keySecret);
  const createPlain = (name: string, points: number, duration: number): RateLimiterAbstract => {
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
  const table = rateLimitTable(config);
  const limiters = Object.fromEntries(
    Object.entries(table).map(([key, l]) => [key, create(l.name, l.points, l.durationSeconds)]),
  ) as Record<RateLimitName, RateLimiterAbstract>;
  return {
    ...limiters,
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

/**
 * Makes a limiter store HMAC(secret, key) in place of the key. rate-limiter-flexible builds every store key
 * with getKey() (consume, get, penalty, reward, delete, block), so one override covers all of them; the
 * insurance limiter receives the already-hashed key.
 */
function keyedByHash<T extends RateLimiterAbstract>(limiter: T, secret: string): T {
  const prefixed = limiter.getKey.bind(limiter);
  limiter.getKey = (key: string | number) => prefixed(hmac(secret, String(key)));
  return limiter;
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
