import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { Lang } from './i18n/index.ts';
import { createLogger, type Logger } from './log.ts';
import { createRateLimiters, type RateLimiters } from './security/rate-limit.ts';

/** Everything a flow may use; built once per process (or per test) by the composition root. */
export interface AppDeps {
  config: Config;
  db: Db;
  log: Logger;
  limiters: RateLimiters;
  /** Current time; tests move it to check expiry. */
  now: () => Date;
}

/** The logged-in member as the session lookup found them. */
export interface CurrentMember {
  id: number;
  userId: string;
  email: string;
  /** The user ID is the email address (it follows an email change). */
  userIdIsEmail: boolean;
  lang: Lang;
  sessionTokenHash: string;
}

/** Builds the dependencies every request handler and command uses. */
export function buildDeps(config: Config, db: Db, log: Logger = createLogger(config.logLevel)): AppDeps {
  return { config, db, log, limiters: createRateLimiters(config, db), now: () => new Date() };
}
