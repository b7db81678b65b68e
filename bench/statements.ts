/**
 * Statements at scale (issue 12): for one logged-in scale member, GET /portal/statements/YYYY-MM (the newest
 * closed month) and its CSV download at 50 connections, next to GET /healthz on the same server in the same
 * run; then the server's CPU time per request for each of them and per PDF document (process CPU time ÷ requests,
 * one request at a time).
 * Run it at two sizes of the same database to get the growth ratio (see bench/README.md):
 *
 *   BENCH_DATABASE=cardnavi_bench_statements npx tsx src/cli.ts seed-scale --members 10000 --transactions 100000
 *   BENCH_DATABASE=cardnavi_bench_statements npm run bench:statements
 *   … seed-scale --members 1000000 --transactions 10000000, then bench:statements again
 *
 * The per-query plans at 1M are in the growth bench's EXPLAIN file (the same statement functions).
 */
import { cpuMs, load, logIn, newestClosedMonth, seededCounts } from './http.ts';
import { ensureBenchDatabase, machine, startServerProcess, stopServerProcess, writeResult } from './lib.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
const pdfDocuments = Number(process.env.BENCH_PDFS ?? 30);
const port = Number(process.env.BENCH_PORT ?? 3903);
const base = `http://127.0.0.1:${port}`;

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
    const { pid } = server;
    if (pid === undefined) throw new Error('the server process has no pid');
    const cookie = await logIn(base, `scale-member-${Math.ceil(counts.members / 2)}`);
    const month = await newestClosedMonth(base, cookie);
    const page = `/portal/statements/${month}`;
    for (const path of [page, `${page}.csv`, `${page}.pdf`]) {
      const res = await fetch(`${base}${path}?lang=en`, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    }
    await load(base, '/healthz', cookie, connections, seconds); // warm-up of JIT and pool
    const healthz = await load(base, '/healthz', cookie, connections, seconds);
    const statement = await load(base, page, cookie, connections, seconds);
    const csv = await load(base, `${page}.csv`, cookie, connections, seconds);
    // Server CPU time per request, one request at a time (the client's work is not counted): the figure that
    // does not depend on how busy the shared machine is.
    const cpuPerRequest = async (path: string, n: number) => {
      const before = cpuMs(pid);
      const t0 = performance.now();
      let bytes = 0;
      for (let i = 0; i < n; i++) {
        const res = await fetch(`${base}${path}`, { headers: { cookie } });
        bytes = (await res.arrayBuffer()).byteLength;
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      }
      return {
        requests: n,
        serverCpuMsPerRequest: Math.round(((cpuMs(pid) - before) / n) * 10) / 10,
        wallMsPerRequest: Math.round(((performance.now() - t0) / n) * 10) / 10,
        bytes,
      };
    };
    const cpu = {
      healthz: await cpuPerRequest('/healthz', 200),
      statement: await cpuPerRequest(page, 50),
      csv: await cpuPerRequest(`${page}.csv`, 50),
      pdf: await cpuPerRequest(`${page}.pdf`, pdfDocuments),
    };
    const result = {
      scenario: 'statements',
      command: 'npm run bench:statements',
      machine: machine(),
      database: counts,
      month,
      connections,
      seconds,
      healthz,
      statement,
      csv,
      cpu,
    };
    console.log(writeResult('statements', result));
    const row = (r: typeof healthz) => ({ 'req/s': r.requestsPerSecond, ...r.latencyMs, non2xx: r.non2xx });
    console.table({ '/healthz': row(healthz), [page]: row(statement), [`${page}.csv`]: row(csv) });
    console.table(
      Object.fromEntries(
        Object.entries(cpu).map(([k, v]) => [
          k,
          { 'server CPU ms/request': v.serverCpuMsPerRequest, 'wall ms': v.wallMsPerRequest, bytes: v.bytes },
        ]),
      ),
    );
    console.log(`${counts.members} members, ${counts.transactions} transactions`);
  } finally {
    await stopServerProcess(server);
  }
}

await main();
