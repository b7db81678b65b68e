import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';
import type { DataKey } from './security/data-keys.ts';

/** Raised when an environment variable is missing or malformed; the message names the variable. */
export class ConfigError extends Error {}

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const positiveInt = z.coerce.number().int().positive();
const dataKeys = z
  .string()
  .regex(
    /^([A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/,
    'must be kid:base64key[,kid:base64key…]',
  )
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('cardnavi <no-reply@cardnavi.example>'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DATA_KEYS: dataKeys,
  /** Deprecated name of DATA_KEYS (it always covered more than card numbers); read with a warning. */
  CARD_DATA_KEYS: dataKeys,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: bool.optional(),
  TRUST_PROXY: z.string().default('false'),
  WEB_CONCURRENCY: positiveInt.max(256).default(1),
  DATABASE_POOL_SIZE: positiveInt.max(1000).default(10),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  JOBS_LEADER_RETRY_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  LOGIN_MAX_FAILURES: positiveInt.max(100).default(10),
  LOGIN_LOCK_MINUTES: positiveInt.default(15),
  LOGIN_LOCK_MAX_MINUTES: positiveInt.default(24 * 60),
  LOGIN_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(250),
  IP_LOGIN_POINTS: positiveInt.default(30),
  IP_FORM_POINTS: positiveInt.default(60),
  RECOVERY_MIN_RESPONSE_MS: z.coerce.number().int().min(0).max(5_000).default(150),
  START_PIN_MAX_FAILURES: positiveInt.max(10).default(5),
  ENROLL_ATTEMPTS_PER_HOUR: positiveInt.default(10),
  /** After an operator-assisted email change, no reset link goes to the new address for this long. */
  OPERATOR_EMAIL_CHANGE_HOLD_HOURS: z.coerce.number().int().min(0).max(720).default(24),
  CONTACT_PHONE_NAVI: z.string().min(3).default('0570-000-000'),
  CONTACT_PHONE_LANDLINE: z.string().min(3).default('03-0000-0000'),
  CONTACT_HOURS: z
    .string()
    .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'must look like 09:30-17:30')
    .default('09:30-17:30'),
  CONTACT_TIME_ZONE: z.string().default('Asia/Tokyo'),
  STATEMENT_FINAL_DAY: z.coerce.number().int().min(1).max(26).default(12),
  CARD_FEE_ANNUAL_RATE: z
    .string()
    .regex(/^\d{1,2}(\.\d{1,2})?$/, 'must be a percentage like 15.00')
    .default('15.00'),
  REVOLVING_MONTHLY_PRINCIPAL: positiveInt.default(10_000),
  PAYMENT_CHANGE_CUTOFF_DAY: z.coerce.number().int().min(2).max(26).default(12),
  POINTS_YEN_PER_POINT: positiveInt.default(100),
  POINTS_EXPIRY_MONTHS: positiveInt.max(120).default(12),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  production: boolean;
  port: number;
  host: string;
  publicUrl: URL;
  /** Cookies use the __Host- prefix and Secure only when the public URL is https. */
  secureCookies: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionSecret: string;
  /** AES-256-GCM keys by key id (security/data-keys.ts); the first one encrypts, all of them decrypt. */
  dataKeys: DataKey[];
  logLevel: Env['LOG_LEVEL'];
  demoData: boolean;
  /**
   * Which proxies may name the client in X-Forwarded-For: none, the nearest `hops` (counted from the right),
   * or the listed addresses/CIDRs. The client IP is never the left-most entry a client can write itself.
   */
  trustProxy: TrustProxy;
  /** HTTP worker processes for `serve` (WEB_CONCURRENCY; `--workers` overrides). */
  workers: number;
  databasePoolSize: number;
  /** /metrics: on its own port (METRICS_PORT on METRICS_HOST) and/or on the main port with a bearer token. */
  metrics: { port: number | undefined; host: string; token: string | undefined };
  shutdown: {
    /** After SIGTERM: how long /readyz answers 503 while new requests are still served (lets a balancer notice). */
    delayMs: number;
    /** Then: how long in-flight requests may take before their connections are closed. */
    graceMs: number;
  };
  /** How often a process that is not running the background jobs tries to take them over. */
  jobsLeaderRetryMs: number;
  login: {
    maxFailures: number;
    lockMinutes: number;
    lockMaxMinutes: number;
    delayMs: number;
    ipPointsPerMinute: number;
  };
  ipFormPointsPerMinute: number;
  /** Forgot-ID and forgot-password requests answer no sooner than this (uniform timing). */
  recoveryMinResponseMs: number;
  startPin: { maxFailures: number; enrollAttemptsPerHour: number };
  /**
   * Operator-assisted email change (support/email-change.ts): hours after the supervisor's approval during
   * which no password-reset link is sent to the new address (docs/RECOVERY.md).
   */
  operatorEmailChangeHoldHours: number;
  contact: { phoneNavi: string; phoneLandline: string; opens: string; closes: string; timeZone: string };
  statements: {
    /** A closed month's statement becomes final (確定) on this day of the next month. */
    finalDay: number;
    /** Revolving and instalment fees: annual rate in basis points (15.00% → 1500), integer arithmetic. */
    feeRateBasisPoints: number;
    /** Revolving: principal billed per month (fixed-amount plan) until the balance is paid. */
    revolvingMonthlyPrincipal: number;
    /**
     * After-the-fact revolving and instalments: a line can be changed (and the change undone) until the day
     * before this day of its payment month (the month after its usage month).
     */
    changeCutoffDay: number;
  };
  points: {
    /** One point per this many yen of eligible usage, per transaction. */
    yenPerPoint: number;
    /** The whole balance expires when no point has been earned for this many months. */
    expiryMonths: number;
  };
  /** Configuration that works but should change (deprecated names), for the log at start; never a secret. */
  warnings: string[];
}

export type TrustProxy =
  | { kind: 'none' }
  | { kind: 'hops'; hops: number }
  | { kind: 'addresses'; addresses: string[] };

/** TRUST_PROXY: false | a number of trusted hops | a comma-separated list of proxy addresses/CIDRs (proxy-addr names too). */
function parseTrustProxy(value: string, warnings: string[]): TrustProxy {
  const v = value.trim().toLowerCase();
  if (v === 'false' || v === '0') return { kind: 'none' };
  if (v === 'true') {
    warnings.push(
      'TRUST_PROXY=true is read as 1 trusted hop: set the number of proxies in front (e.g. 1) or their addresses',
    );
    return { kind: 'hops', hops: 1 };
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) throw new ConfigError('TRUST_PROXY: at most 10 trusted hops');
    return { kind: 'hops', hops };
  }
  const addresses = v.split(',').map((a) => a.trim());
  try {
    proxyaddr.compile(addresses);
  } catch {
    throw new ConfigError(
      'TRUST_PROXY: must be false, a number of trusted hops, or proxy addresses/CIDRs separated by commas',
    );
  }
  return { kind: 'addresses', addresses };
}

interface Secrets {
  sessionSecret: string;
  dataKeys: string;
}

/** Embedded mode keeps generated key material next to its data so restarts keep sessions and card data readable. */
function loadOrCreateSecrets(dataDir: string): Secrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    // Data directories created before DATA_KEYS was named store the keys as cardDataKeys.
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Secrets & { cardDataKeys?: string };
    return { sessionSecret: stored.sessionSecret, dataKeys: stored.dataKeys ?? stored.cardDataKeys ?? '' };
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets: Secrets = {
    sessionSecret: randomBytes(32).toString('base64url'),
    dataKeys: `k1:${randomBytes(32).toString('base64')}`,
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** '15.00' → 1500 without floating point ('15.5' → 1550). */
function percentToBasisPoints(value: string): number {
  const [whole, fraction = ''] = value.split('.') as [string, string?];
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

function parseKeys(value: string): DataKey[] {
  return value.split(',').map((pair) => {
    const [kid, b64] = pair.split(':') as [string, string];
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new ConfigError(`DATA_KEYS: key ${kid} must be 32 bytes (base64)`);
    return { kid, key };
  });
}

/**
 * Reads and validates the environment. Throws ConfigError with a one-line message naming the variable.
 * In production SESSION_SECRET, DATA_KEYS (or its deprecated name CARD_DATA_KEYS), PUBLIC_URL and
 * DATABASE_URL are required; elsewhere missing secrets are generated into DATA_DIR/secrets.json.
 */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new ConfigError(issue ? `${issue.path.join('.')}: ${issue.message}` : parsed.error.message);
  }
  const env = parsed.data;
  const warnings: string[] = [];
  if (env.CARD_DATA_KEYS)
    warnings.push(
      env.DATA_KEYS
        ? 'CARD_DATA_KEYS is ignored because DATA_KEYS is set: remove CARD_DATA_KEYS'
        : 'CARD_DATA_KEYS is deprecated: rename it to DATA_KEYS (same value)',
    );
  const configuredKeys = env.DATA_KEYS ?? env.CARD_DATA_KEYS;
  const production = env.NODE_ENV === 'production';
  if (production) {
    const required = {
      SESSION_SECRET: env.SESSION_SECRET,
      DATA_KEYS: configuredKeys,
      PUBLIC_URL: env.PUBLIC_URL,
      DATABASE_URL: env.DATABASE_URL,
    };
    for (const [name, value] of Object.entries(required)) {
      if (!value) throw new ConfigError(`${name}: required when NODE_ENV=production`);
    }
    // The demo cast's passwords and staff TOTP secrets are published (README, top page): never in production.
    if (env.DEMO_DATA) throw new ConfigError('DEMO_DATA: not allowed when NODE_ENV=production');
  }
  // 'memory://' keeps an embedded database in memory (tests, throwaway demos).
  const dataDir = env.DATA_DIR === 'memory://' ? env.DATA_DIR : resolve(env.DATA_DIR);
  // Generated (and DATA_DIR/secrets.json read) only when the environment leaves a secret out.
  let generated: { sessionSecret: string; dataKeys: string } | undefined;
  const generate = () =>
    (generated ??=
      dataDir === 'memory://'
        ? {
            sessionSecret: randomBytes(32).toString('base64url'),
            dataKeys: `k1:${randomBytes(32).toString('base64')}`,
          }
        : loadOrCreateSecrets(dataDir));
  const publicUrl = new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`);
  if (production && publicUrl.protocol !== 'https:')
    throw new ConfigError('PUBLIC_URL: must be https in production');
  const [opens, closes] = env.CONTACT_HOURS.split('-') as [string, string];
  try {
    new Intl.DateTimeFormat('en', { timeZone: env.CONTACT_TIME_ZONE });
  } catch {
    throw new ConfigError('CONTACT_TIME_ZONE: not a known IANA time zone');
  }
  return {
    env: env.NODE_ENV,
    production,
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    secureCookies: publicUrl.protocol === 'https:',
    dataDir,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    sessionSecret: env.SESSION_SECRET ?? generate().sessionSecret,
    dataKeys: parseKeys(configuredKeys ?? generate().dataKeys),
    logLevel: env.LOG_LEVEL,
    demoData: env.DEMO_DATA ?? (!production && !env.DATABASE_URL),
    trustProxy: parseTrustProxy(env.TRUST_PROXY, warnings),
    workers: env.WEB_CONCURRENCY,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    metrics: { port: env.METRICS_PORT, host: env.METRICS_HOST, token: env.METRICS_TOKEN },
    shutdown: { delayMs: env.SHUTDOWN_DELAY_MS, graceMs: env.SHUTDOWN_GRACE_MS },
    jobsLeaderRetryMs: env.JOBS_LEADER_RETRY_MS,
    login: {
      maxFailures: env.LOGIN_MAX_FAILURES,
      lockMinutes: env.LOGIN_LOCK_MINUTES,
      lockMaxMinutes: env.LOGIN_LOCK_MAX_MINUTES,
      delayMs: env.LOGIN_DELAY_MS,
      ipPointsPerMinute: env.IP_LOGIN_POINTS,
    },
    ipFormPointsPerMinute: env.IP_FORM_POINTS,
    recoveryMinResponseMs: env.RECOVERY_MIN_RESPONSE_MS,
    startPin: {
      maxFailures: env.START_PIN_MAX_FAILURES,
      enrollAttemptsPerHour: env.ENROLL_ATTEMPTS_PER_HOUR,
    },
    operatorEmailChangeHoldHours: env.OPERATOR_EMAIL_CHANGE_HOLD_HOURS,
    contact: {
      phoneNavi: env.CONTACT_PHONE_NAVI,
      phoneLandline: env.CONTACT_PHONE_LANDLINE,
      opens,
      closes,
      timeZone: env.CONTACT_TIME_ZONE,
    },
    statements: {
      finalDay: env.STATEMENT_FINAL_DAY,
      feeRateBasisPoints: percentToBasisPoints(env.CARD_FEE_ANNUAL_RATE),
      revolvingMonthlyPrincipal: env.REVOLVING_MONTHLY_PRINCIPAL,
      changeCutoffDay: env.PAYMENT_CHANGE_CUTOFF_DAY,
    },
    points: { yenPerPoint: env.POINTS_YEN_PER_POINT, expiryMonths: env.POINTS_EXPIRY_MONTHS },
    warnings,
  };
}
