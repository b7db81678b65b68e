import cluster from 'node:cluster';
import { createServer, type Server } from 'node:http';
import {
  AggregatorRegistry,
  Counter,
  collectDefaultMetrics,
  Gauge,
  Histogram,
  Registry,
  register,
} from 'prom-client';
import { type Db, poolOf } from './db/database.ts';
import { outboxBacklog } from './mail/outbox-repository.ts';

/**
 * Prometheus series of this process, on prom-client's global registry (so cluster workers can be
 * aggregated by the primary's AggregatorRegistry). Served only on METRICS_PORT or behind METRICS_TOKEN
 * (docs/DEPLOY.md "Health and metrics"). Labels never carry a raw path, an identifier or an address.
 */
export const metricsRegistry = register;

collectDefaultMetrics({ register, prefix: 'cardnavi_' });

export const httpRequestDuration = new Histogram({
  name: 'cardnavi_http_request_duration_seconds',
  help: 'HTTP request duration by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

export const loginOutcomes = new Counter({
  name: 'cardnavi_login_attempts_total',
  help: 'Member login attempts by result code (ok, L01, M01, R01)',
  labelNames: ['result'] as const,
});

export const locksTotal = new Counter({
  name: 'cardnavi_locks_total',
  help: 'Locks set: member login, card start PIN, staff login',
  labelNames: ['kind'] as const,
});

// Every label value exists from the start (at 0), so a dashboard or alert sees the series before the first event.
for (const result of ['ok', 'L01', 'M01', 'R01']) loginOutcomes.inc({ result }, 0);
for (const kind of ['login', 'start_pin', 'staff']) locksTotal.inc({ kind }, 0);

export const mailSendFailures = new Counter({
  name: 'cardnavi_mail_send_failures_total',
  help: 'Outbox mail the SMTP server did not accept (each failed attempt)',
});

/** The database whose outbox and pool the gauges read (the serving process's one). */
let observed: Db | undefined;

/** Sum over workers would count one outbox several times: the largest worker report is the figure. */
new Gauge({
  name: 'cardnavi_outbox_pending',
  help: 'Outbox mail waiting to be sent',
  aggregator: 'max',
  async collect() {
    if (!observed) return;
    try {
      this.set((await outboxBacklog(observed)).pending);
    } catch {
      // database unreachable: the series keeps its last value, /readyz tells the rest
    }
  },
});

new Gauge({
  name: 'cardnavi_outbox_oldest_pending_age_seconds',
  help: 'Age of the oldest outbox mail waiting to be sent (0 when none)',
  aggregator: 'max',
  async collect() {
    if (!observed) return;
    try {
      const { oldest } = await outboxBacklog(observed);
      this.set(oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0);
    } catch {
      // as above
    }
  },
});

const pool = new Gauge({
  name: 'cardnavi_db_pool_connections',
  help: 'PostgreSQL pool connections by state (total, idle, waiting requests); absent on the embedded database',
  labelNames: ['state'] as const,
  collect() {
    const p = observed && poolOf(observed);
    if (!p) return;
    pool.set({ state: 'total' }, p.totalCount);
    pool.set({ state: 'idle' }, p.idleCount);
    pool.set({ state: 'waiting' }, p.waitingCount);
  },
});

/** Points the outbox and pool gauges at the serving process's database. */
export function observeDatabase(db: Db | undefined): void {
  observed = db;
}

/** The cluster primary's view over every worker (prom-client sums counters and histograms). */
let aggregator: AggregatorRegistry<typeof Registry.PROMETHEUS_CONTENT_TYPE> | undefined;
const pendingAsks = new Map<number, (text: string) => void>();
let nextAsk = 1;

interface MetricsMessage {
  type: 'cardnavi:metrics';
  id: number;
  text?: string;
}
function isMetricsMessage(m: unknown): m is MetricsMessage {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'cardnavi:metrics';
}

/**
 * In the cluster primary: aggregates the workers' series, and answers a worker that was asked for /metrics
 * (METRICS_TOKEN on the main port) with the aggregate too, so every scrape sees the whole instance.
 */
export function serveClusterMetrics(): void {
  const registry = new AggregatorRegistry<typeof Registry.PROMETHEUS_CONTENT_TYPE>();
  aggregator = registry;
  cluster.on('message', (worker, message: unknown) => {
    if (!isMetricsMessage(message) || message.text !== undefined) return;
    void registry
      .clusterMetrics()
      .catch((e: Error) => `# metrics aggregation failed: ${e.message}\n`)
      .then((text) => worker.send({ type: 'cardnavi:metrics', id: message.id, text }));
  });
}

if (cluster.isWorker) {
  // Constructing an AggregatorRegistry in a worker makes prom-client answer the primary's collection requests.
  new AggregatorRegistry();
  process.on('message', (message: unknown) => {
    if (!isMetricsMessage(message) || message.text === undefined) return;
    pendingAsks.get(message.id)?.(message.text);
    pendingAsks.delete(message.id);
  });
}

/** The Prometheus text of this instance: the aggregate over all workers under a cluster, else this process. */
export async function metricsText(): Promise<string> {
  if (aggregator) return aggregator.clusterMetrics();
  const send = process.send?.bind(process);
  if (cluster.isWorker && send) {
    const id = nextAsk++;
    return new Promise<string>((resolve) => {
      const timer = setTimeout(() => {
        pendingAsks.delete(id);
        resolve(register.metrics());
      }, 5_000);
      pendingAsks.set(id, (text) => {
        clearTimeout(timer);
        resolve(text);
      });
      send({ type: 'cardnavi:metrics', id });
    });
  }
  return register.metrics();
}

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/** /metrics on its own port (METRICS_PORT), for a scraper on the private network only. */
export async function startMetricsServer(host: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    metricsText().then(
      (text) => res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
