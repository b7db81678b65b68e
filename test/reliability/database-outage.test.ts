// Database outage under load: pages answer a translated 503, /readyz fails, the process survives, and
// service comes back within 5 s of the database returning — without a restart.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { startTestServer } from '../e2e/harness.ts';
import { databaseKinds } from '../helpers/db.ts';
import { TcpProxy } from '../helpers/tcp-proxy.ts';

const onPostgres = databaseKinds().includes('postgres');

describe.runIf(onPostgres)('PostgreSQL outage', () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const dbName = `cn_outage_${randomBytes(4).toString('hex')}`;
  let proxy: TcpProxy;
  let server: RunningServer;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const target = new URL(adminUrl);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start();
    const url = new URL(adminUrl);
    url.host = `127.0.0.1:${port}`;
    url.pathname = `/${dbName}`;
    server = await startTestServer({ DATABASE_URL: url.toString(), DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    await server?.close();
    await proxy?.cut();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  async function load(n: number) {
    return Promise.all(
      Array.from({ length: n }, async () => {
        const res = await fetch(`${server.url}/dev/mailbox?lang=en`);
        return { status: res.status, body: await res.text() };
      }),
    );
  }

  it('answers 503 with a friendly page while the database is gone, then recovers by itself', async () => {
    expect((await load(10)).every((r) => r.status === 200)).toBe(true);

    const during = load(30);
    await proxy.cut();
    const mixed = await during;
    expect(mixed.every((r) => r.status === 200 || r.status === 503)).toBe(true);

    const down = await load(10);
    expect(down.map((r) => r.status)).toEqual(Array(10).fill(503));
    expect(down[0]?.body).toContain('Temporarily unavailable');
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await proxy.restore();
    const restoredAt = Date.now();
    let recoveredAfter = Number.POSITIVE_INFINITY;
    while (Date.now() - restoredAt < 10_000) {
      const ready = await fetch(`${server.url}/readyz`);
      const page = await fetch(`${server.url}/dev/mailbox`);
      if (ready.status === 200 && page.status === 200) {
        recoveredAfter = Date.now() - restoredAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(recoveredAfter).toBeLessThan(5_000);
  });
});
