// /metrics (docs/DEPLOY.md "Health and metrics"): never public by default, behind a bearer token on the main
// port (METRICS_TOKEN) or on its own port; the series an operator alerts on are there, labelled by route
// pattern, never by raw path. Every response carries a request id, and a proxy's id is kept only when it
// is trusted and safely shaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail } from '../../src/mail/outbox.ts';
import { deliverDueMail } from '../../src/mail/worker.ts';
import { observeDatabase } from '../../src/metrics.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';

const TOKEN = 'metrics-token-0123456789-abcdefghijklmnop';

function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics are not public by default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t?.close());

  it('answers 404 on /metrics when neither METRICS_TOKEN nor METRICS_PORT is set', async () => {
    const res = await t.app.request('/metrics');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('cardnavi_http_request_duration_seconds');
  });
});

describe.each(databaseKinds())('metrics behind a bearer token on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { METRICS_TOKEN: TOKEN, LOGIN_MAX_FAILURES: '3' });
    observeDatabase(t.deps.db);
  });
  afterAll(async () => {
    observeDatabase(undefined);
    await t?.close();
  });

  const scrape = async () => {
    const res = await t.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };

  it('refuses a scrape without the token or with a wrong one', async () => {
    expect((await t.app.request('/metrics')).status).toBe(401);
    const wrong = await t.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('cardnavi_');
  });

  it('counts requests by route pattern and status, login outcomes, locks, outbox backlog and failed sends', async () => {
    const before = await scrape();
    const member = await createMember(t.deps);
    const client = new TestClient(t);
    for (let i = 0; i < 3; i++)
      expect((await client.login(member.userId, 'wrong-password-1')).status).toBe(401);
    expect((await client.login(member.userId, member.password)).status).toBe(401); // locked: L01 again
    expect((await t.app.request('/help/errors/L01')).status).toBe(200);
    expect((await t.app.request('/help/errors/Z99')).status).toBe(404);
    expect((await t.app.request('/no/such/page-123456')).status).toBe(404);

    await enqueueMail(t.deps.db, t.deps.config, {
      to: 'metrics@example.jp',
      lang: 'ja',
      template: 'login_locked',
      params: { until: 'soon' },
    });
    const refused = { sendMail: async () => Promise.reject(new Error('421 try later')) };
    const report = await deliverDueMail(t.deps, refused);
    expect(report.retrying).toBeGreaterThan(0);

    const after = await scrape();
    const delta = (series: string) => (value(after, series) ?? 0) - (value(before, series) ?? 0);
    expect(delta('cardnavi_login_attempts_total{result="L01"}')).toBe(4);
    expect(value(after, 'cardnavi_login_attempts_total{result="ok"}')).toBeDefined();
    expect(delta('cardnavi_locks_total{kind="login"}')).toBe(1);
    expect(value(after, 'cardnavi_locks_total{kind="start_pin"}')).toBeDefined();
    expect(value(after, 'cardnavi_locks_total{kind="staff"}')).toBeDefined();
    expect(delta('cardnavi_mail_send_failures_total')).toBe(report.retrying);
    // The lock mail and the refused one are both still pending.
    expect(value(after, 'cardnavi_outbox_pending')).toBeGreaterThanOrEqual(2);
    expect(value(after, 'cardnavi_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0);
    // By route pattern: the code in the URL is a parameter, an unknown path is 'unmatched'.
    expect(
      delta('cardnavi_http_request_duration_seconds_count{method="POST",route="/login",status="401"}'),
    ).toBe(4);
    expect(
      delta(
        'cardnavi_http_request_duration_seconds_count{method="GET",route="/help/errors/:code",status="200"}',
      ),
    ).toBe(1);
    expect(
      delta(
        'cardnavi_http_request_duration_seconds_count{method="GET",route="/help/errors/:code",status="404"}',
      ),
    ).toBe(1);
    expect(after).toContain('route="unmatched",status="404"');
    expect(after).not.toContain('/help/errors/L01');
    expect(after).not.toContain('page-123456');
    expect(after).toMatch(/^cardnavi_nodejs_eventloop_lag_seconds \d/m);
    if (kind === 'postgres') {
      expect(value(after, 'cardnavi_db_pool_connections{state="total"}')).toBeGreaterThan(0);
      expect(value(after, 'cardnavi_db_pool_connections{state="waiting"}')).toBeDefined();
    }
    // Never an identifier or an address in a label.
    expect(after).not.toContain(member.userId);
    expect(after).not.toContain('metrics@example.jp');
  });
});

describe('request ids', () => {
  let direct: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    direct = await createTestApp('pglite');
    proxied = await createTestApp('pglite', { TRUST_PROXY: '1' });
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
  });

  it('gives every response a fresh X-Request-Id', async () => {
    const a = (await direct.app.request('/login')).headers.get('x-request-id');
    const b = (await direct.app.request('/help')).headers.get('x-request-id');
    expect(a).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(b).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(a).not.toBe(b);
  });

  it('ignores a client-supplied id unless the proxy is trusted, and a trusted one unless it is safely shaped', async () => {
    const sent = 'lb-7f3a9c21-0001';
    const untrusted = await direct.app.request('/login', { headers: { 'x-request-id': sent } });
    expect(untrusted.headers.get('x-request-id')).not.toBe(sent);
    const trusted = await proxied.app.request('/login', { headers: { 'x-request-id': sent } });
    expect(trusted.headers.get('x-request-id')).toBe(sent);
    for (const bad of [
      'a b c d e f g h',
      'x'.repeat(65),
      'short',
      '<script>alert(1)</script>',
      'id%0d%0aSet-Cookie:x=1',
    ]) {
      const res = await proxied.app.request('/login', { headers: { 'x-request-id': bad } });
      expect(res.headers.get('x-request-id')).not.toBe(bad);
      expect(res.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9_-]{16}$/);
    }
  });
});
