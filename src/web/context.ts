import type { Context } from 'hono';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Lang, Translate } from '../i18n/index.ts';
import type { Logger } from '../log.ts';
import type { RateLimiters } from '../security/rate-limit.ts';

/** Everything a request handler may use; built once per process (or per test). */
export interface AppDeps {
  config: Config;
  db: Db;
  log: Logger;
  limiters: RateLimiters;
  /** Current time; tests move it to check expiry. */
  now: () => Date;
}

/** The logged-in member as the session middleware found them. */
export interface CurrentMember {
  id: number;
  userId: string;
  email: string;
  lang: Lang;
  sessionTokenHash: string;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    lang: Lang;
    t: Translate;
    csrfToken: string;
    secureHeadersNonce?: string;
    member: CurrentMember | undefined;
    /** True when the request carried a session cookie that is no longer valid (for the S01 notice). */
    sessionExpired: boolean;
    ip: string;
  };
}

export type AppContext = Context<AppEnv>;
