import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A fresh, empty PostgreSQL database on the TEST_DATABASE_URL server; `drop()` removes it. */
export async function createFreshPostgresDatabase(prefix = 'cn_rel') {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A cookie-keeping HTTP client for a real server (fetch), with the CSRF token of the last page seen. */
export class HttpSession {
  readonly cookies = new Map<string, string>();
  csrf = '';
  /** `headers` go with every request (e.g. X-Forwarded-For behind a trusted proxy). */
  constructor(
    readonly base: string,
    readonly headers: Record<string, string> = {},
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }

  async get(path: string): Promise<Response> {
    const res = await fetch(`${this.base}${path}`, {
      headers: { ...this.headers, cookie: this.cookieHeader() },
      redirect: 'manual',
    });
    this.remember(res);
    const token = /name="_csrf" value="([^"]+)"/.exec(await res.clone().text())?.[1];
    if (token) this.csrf = token;
    return res;
  }

  /** POSTs a form without updating cookies (safe to run many at once). */
  async post(path: string, fields: Record<string, string>, keepCookies = true): Promise<Response> {
    if (!this.csrf) await this.get('/login');
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: this.cookieHeader(),
        origin: this.base,
        ...this.headers,
      },
      body: new URLSearchParams({ _csrf: this.csrf, ...fields }),
    });
    if (keepCookies) this.remember(res);
    return res;
  }

  async login(identifier: string, password: string): Promise<Response> {
    await this.get('/login');
    return this.post('/login', { identifier, password });
  }
}
