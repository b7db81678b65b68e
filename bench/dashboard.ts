/**
 * Dashboard at scale: GET /portal (session check + card summary + recent transactions) for one logged-in
 * scale member, next to GET /healthz on the same server in the same run, 50 connections each. Also samples
 * the server's resident memory (RSS) under the dashboard load. Target: p99 ≤ 20 ms at 1M members / 10M
 * transactions. Seed first (npm run bench:growth does, or cardnavi seed-scale).
 *
 *   npm run bench:dashboard          (BENCH_SECONDS=10)
 */
import { load, logIn, rssMiB, seededCounts } from './http.ts';
import { ensureBenchDatabase, machine, startServerProcess, stopServerProcess, writeResult } from './lib.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
const port = Number(process.env.BENCH_PORT ?? 3902);
const base = `http://127.0.0.1:${port}`;

const run = (path: string, cookie: string, conns = connections) => load(base, path, cookie, conns, seconds);

async function main() {
  const url = await ensureBenchDatabase();
  const counts = await seededCounts(url);
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
    const cookie = await logIn(base, `scale-member-${Math.ceil(counts.members / 2)}`);
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
