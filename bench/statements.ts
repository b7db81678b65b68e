/**
 * Statements at scale (issue 12): for one logged-in scale member, GET /portal/statements/YYYY-MM (the newest
 * closed month) and its CSV download at 50 connections, next to GET /healthz on the same server in the same
 * run; then the server's CPU time per request for each of them and per PDF document (process CPU time ÷ requests,
 * one request at a time).
 *
 * Growth: give two databases seeded at two sizes; the run measures them alternately (round 1 small then large,
 * round 2 large then small, …) so that the shared machine's load falls on both alike, and reports each figure's
 * median per size and its growth as a cost (time and CPU: large ÷ small; requests/s: small ÷ large) (see bench/README.md):
 *
 *   BENCH_DATABASE=cardnavi_bench_statements npx tsx src/cli.ts seed-scale --members 10000 --transactions 100000
 *   BENCH_DATABASE=cardnavi_bench_statements_1m npx tsx src/cli.ts seed-scale --members 1000000 --transactions 10000000
 *   BENCH_DATABASE=cardnavi_bench_statements,cardnavi_bench_statements_1m npm run bench:statements
 *
 * (seed-scale takes DATABASE_URL; the plans at 1M: bench/statements-explain.ts.) BENCH_ROUNDS (default 2),
 * BENCH_SECONDS (10 per load run), BENCH_PDFS (30).
 */
import { cpuMs, load, logIn, newestClosedMonth, seededCounts } from './http.ts';
import { ensureBenchDatabase, machine, startServerProcess, stopServerProcess, writeResult } from './lib.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const connections = 50;
const pdfDocuments = Number(process.env.BENCH_PDFS ?? 30);
const port = Number(process.env.BENCH_PORT ?? 3903);
const base = `http://127.0.0.1:${port}`;
const databases = (process.env.BENCH_DATABASE ?? 'cardnavi_bench').split(',');

/** One measurement of one database: a fresh server, the loads, then CPU per request one at a time. */
async function measure(database: string) {
  const url = await ensureBenchDatabase(false, database);
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
    // depends least on how busy the shared machine is.
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
    const loadAverage = Number((await import('node:os')).loadavg()[0]?.toFixed(1));
    return { database, counts, month, loadAverage, healthz, statement, csv, cpu };
  } finally {
    await stopServerProcess(server);
  }
}

type Measurement = Awaited<ReturnType<typeof measure>>;

/** The figures a row of the table reports, from one measurement. */
const figures: Record<string, (m: Measurement) => number> = {
  '/healthz req/s': (m) => m.healthz.requestsPerSecond,
  'statement page req/s': (m) => m.statement.requestsPerSecond,
  'statement page p50 ms': (m) => m.statement.latencyMs.p50,
  'statement page p99 ms': (m) => m.statement.latencyMs.p99,
  'statement page req/s ÷ /healthz req/s (‰)': (m) =>
    (1000 * m.statement.requestsPerSecond) / m.healthz.requestsPerSecond,
  'CSV req/s': (m) => m.csv.requestsPerSecond,
  'CSV p50 ms': (m) => m.csv.latencyMs.p50,
  'CSV p99 ms': (m) => m.csv.latencyMs.p99,
  'server CPU ms per statement page': (m) => m.cpu.statement.serverCpuMsPerRequest,
  'server CPU ms per CSV': (m) => m.cpu.csv.serverCpuMsPerRequest,
  'server CPU ms per PDF document': (m) => m.cpu.pdf.serverCpuMsPerRequest,
  'server CPU ms per /healthz': (m) => m.cpu.healthz.serverCpuMsPerRequest,
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function main() {
  const runs: Measurement[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? databases : [...databases].reverse();
    for (const database of order) {
      console.error(`round ${round + 1}: ${database}`);
      runs.push(await measure(database));
    }
  }
  const table = Object.fromEntries(
    Object.entries(figures).map(([name, of]) => {
      const perDatabase = databases.map((d) => median(runs.filter((r) => r.database === d).map(of)));
      const first = perDatabase[0] ?? 0;
      const last = perDatabase.at(-1) ?? 0;
      // Growth as a cost: time and CPU grow when they rise, throughput when it falls.
      const growth = /req\/s/.test(name) ? first / last : last / first;
      return [name, [...perDatabase.map((v) => Math.round(v * 10) / 10), Math.round(growth * 100) / 100]];
    }),
  );
  const sizes = databases.map((d) => runs.find((r) => r.database === d)?.counts);
  const result = {
    scenario: 'statements',
    command: `BENCH_DATABASE=${databases.join(',')} npm run bench:statements`,
    machine: machine(),
    connections,
    seconds,
    rounds,
    sizes,
    medians: table,
    runs,
  };
  console.log(writeResult('statements', result));
  const header = sizes.map((s) => `${s?.members} members`);
  console.table(
    Object.fromEntries(
      Object.entries(table).map(([name, values]) => [
        name,
        Object.fromEntries([
          ...header.map((h, i) => [h, values[i]]),
          ['growth (cost, last vs first)', values.at(-1)],
        ]),
      ]),
    ),
  );
  console.log(`load average per run: ${runs.map((r) => `${r.counts.members}: ${r.loadAverage}`).join(', ')}`);
}

await main();
