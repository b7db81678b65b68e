import type { Hono } from 'hono';
import { createApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { AppDeps } from '../../src/deps.ts';
import { createLogger } from '../../src/log.ts';
import { createRateLimiters } from '../../src/security/rate-limit.ts';
import type { AppEnv } from '../../src/web/context.ts';
import { testConfig } from './config.ts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './db.ts';

export interface TestApp {
  deps: AppDeps;
  app: Hono<AppEnv>;
  database: TestDatabase;
  /** Moves the application clock (expiry tests). */
  setNow(date: Date | undefined): void;
  close(): Promise<void>;
}

/** The whole app over a fresh database, called in process (no socket). */
export async function createTestApp(
  kind: DatabaseKind = 'pglite',
  overrides: Record<string, string> = {},
): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  return appOver(database, overrides, () => database.destroy());
}

/**
 * Another app over the same database with other settings, as after a restart with a changed environment.
 * Closing it leaves the database to its first app.
 */
export function restartTestApp(previous: TestApp, overrides: Record<string, string> = {}): TestApp {
  return appOver(previous.database, overrides, async () => {});
}

function appOver(
  database: TestDatabase,
  overrides: Record<string, string>,
  release: () => Promise<void>,
): TestApp {
  const config: Config = testConfig(overrides);
  let now: Date | undefined;
  const deps: AppDeps = {
    config,
    db: database.db,
    log: createLogger('silent'),
    limiters: createRateLimiters(config, database.db),
    now: () => now ?? new Date(),
  };
  return {
    deps,
    app: createApp(deps),
    database,
    setNow(date) {
      now = date;
    },
    async close() {
      await deps.limiters.close();
      await release();
    },
  };
}

/**
 * A browser-like client for in-process requests: keeps cookies, sends the same Origin a browser would,
 * and fills in the CSRF token from the last page it saw (or fetches one).
 */
export class TestClient {
  private cookies = new Map<string, string>();
  private csrf: string | undefined;
  constructor(
    private readonly target: TestApp,
    private readonly headers: Record<string, string> = {},
    /** Server bindings, e.g. `{ incoming: { socket: { remoteAddress } } }` to act as a socket peer. */
    private readonly env?: object,
  ) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.target.app.request(
      path,
      {
        headers: { ...this.headers, ...headers, cookie: this.cookieHeader() },
      },
      this.env,
    );
    await this.remember(res);
    return res;
  }

  /** POSTs a form. `_csrf` is added unless the fields carry their own. */
  async post(
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    if (!this.csrf && !('_csrf' in fields)) await this.get('/login');
    const body = new URLSearchParams({ _csrf: this.csrf ?? '', ...fields });
    const res = await this.target.app.request(
      path,
      {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: this.target.deps.config.publicUrl.origin,
          ...this.headers,
          ...headers,
          cookie: this.cookieHeader(),
        },
      },
      this.env,
    );
    await this.remember(res);
    return res;
  }

  /** Logs in and returns the response (303 to /portal on success). */
  login(identifier: string, password: string): Promise<Response> {
    return this.post('/login', { identifier, password });
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private async remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    if ((res.headers.get('content-type') ?? '').includes('text/html')) {
      const html = await res.clone().text();
      const m = /name="_csrf" value="([^"]+)"/.exec(html);
      if (m) this.csrf = m[1];
    }
  }
}
