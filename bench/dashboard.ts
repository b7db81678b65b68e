/**
 * Dashboard at scale: GET /portal (session check + card summary + recent transactions) for one logged-in
 * scale member, next to GET /healthz on the same server in the same run, 50 connections each. Also samples
 * the server's resident memory (RSS) under the dashboard load. Target: p99 ≤ 20 ms at 1M members / 10M
 * transactions. Seed first (npm run bench:growth does, or cardnavi seed-scale).
 *
 *   npm run bench:dashboard          (BENCH_SECONDS=10)
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { SCALE_MEMBER_PASSWORD } from '../src/scale/seed-scale.ts';
import { ensureBenchDatabase, machine, startServerProcess, stopServerProcess, writeResult } from './lib.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
const port = Number(process.env.BENCH_PORT ?? 3902);
const base = `http://127.0.0.1:${port}`;

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** Logs in through the form once, as a browser would, and returns the cookie header. */
async function logIn(userId: string): Promise<string> {
  const page = await fetch(`${base}/login`);
  const csrf = cookiesOf(page);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf, origin: base },
    body: new URLSearchParams({ _csrf: token, identifier: userId, password: SCALE_MEMBER_PASSWORD }),
  });
  if (res.status !== 303) throw new Error(`login of ${userId} answered ${res.status}`);
  return `${csrf}; ${cookiesOf(res)}`;
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return line ? Math.round(Number(line[1]) / 1024) : 0;
}

async function run(path: string, cookie: string, conns = connections) {
  const r = await autocannon({
    url: `${base}${path}`,
    connections: conns,
    duration: seconds,
    headers: { cookie },
  });
  return {
    path,
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

async function main() {
  const url = await ensureBenchDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts = (
    await client.query(
      `select (select count(*) from members)::int as members, (select count(*) from card_transactions)::int as transactions`,
    )
  ).rows[0] as { members: number; transactions: number };
  await client.end();
  if (counts.members < 1000) throw new Error('seed first: npm run bench:growth or cardnavi seed-scale');
  const server = await startServerProcess(
    {
      DATABASE_URL: url,
      DEMO_DATA: 'false',
      LOGIN_DELAY_MS: '0',
      DATA_DIR: process.env.DATA_DIR ?? '/tmp/bench-data',
    },
    port,
  );
  try {
    const cookie = await logIn(`scale-member-${Math.ceil(counts.members / 2)}`);
    const check = await fetch(`${base}/portal?lang=en`, { headers: { cookie } });
    const html = await check.text();
    if (check.status !== 200 || !html.includes('Recent')) throw new Error(`/portal answered ${check.status}`);
    const { pid } = server;
    if (pid === undefined) throw new Error('the server process has no pid');
    const rssIdle = rssMiB(pid);
    await run('/healthz', cookie); // warm-up of JIT and pool
    const health = await run('/healthz', cookie);
    let rssPeak = 0;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssMiB(pid));
    }, 200);
    const portal = await run('/portal', cookie);
    clearInterval(sampler);
    // One connection: the service time of one request without queueing behind 49 others.
    const portalSingle = await run('/portal', cookie, 1);
    const result = {
      scenario: 'dashboard',
      command: 'npm run bench:dashboard',
      machine: machine(),
      database: { members: counts.members, transactions: counts.transactions },
      connections,
      seconds,
      healthz: health,
      portal,
      portalOneConnection: portalSingle,
      targetP99Ms: 20,
      rssMiB: { idle: rssIdle, peakUnderDashboardLoad: rssPeak },
    };
    console.log(writeResult('dashboard', result));
    console.table({
      '/healthz': { 'req/s': health.requestsPerSecond, ...health.latencyMs, non2xx: health.non2xx },
      '/portal': { 'req/s': portal.requestsPerSecond, ...portal.latencyMs, non2xx: portal.non2xx },
      '/portal (1 connection)': {
        'req/s': portalSingle.requestsPerSecond,
        ...portalSingle.latencyMs,
        non2xx: portalSingle.non2xx,
      },
    });
    console.log(`RSS idle ${rssIdle} MiB, peak under /portal load ${rssPeak} MiB`);
  } finally {
    await stopServerProcess(server);
  }
}

await main();
