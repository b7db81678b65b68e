import cluster from 'node:cluster';
import type { Server } from 'node:http';
import { type ServerType, serve } from '@hono/node-server';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { openConfiguredDatabase } from './db/database.ts';
import { type Leadership, runWhileLeader, type Stoppable } from './db/leader.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo } from './demo/seed.ts';
import { type AppDeps, buildDeps } from './deps.ts';
import { createLogger, type Logger } from './log.ts';
import { startMailDelivery } from './mail/worker.ts';
import { deleteExpiredMemberData } from './members/repository.ts';
import { memberSessions } from './members/session.ts';
import { observeDatabase, startMetricsServer } from './metrics.ts';
import { deleteExpiredPayloads } from './oidc/repository.ts';
import { appPaths } from './paths.ts';
import { deleteExpiredStaffSessions } from './support/repository.ts';
import { staffSessions } from './support/session.ts';

export interface RunningServer {
  deps: AppDeps;
  server: ServerType;
  url: string;
  /** Whether this process runs the outbox worker and the scheduled jobs right now (one process does). */
  readonly runsBackgroundJobs: boolean;
  /** Stops at once: background jobs, listener, connections, database. */
  close(): Promise<void>;
  /**
   * Graceful stop (SIGTERM): /readyz answers 503 (for SHUTDOWN_DELAY_MS new requests are still served),
   * then no new connection is accepted, in-flight requests finish within SHUTDOWN_GRACE_MS, and the rest
   * is closed. Resolves when everything is stopped.
   */
  drain(): Promise<void>;
}

export interface StartOptions {
  /** Apply pending migrations and seed the demo cast (the cluster primary does it once for its workers). */
  prepare?: boolean;
}

/** The outbox worker and the scheduled clean-ups: run by one process at a time (see runWhileLeader). */
function startBackgroundJobs(deps: AppDeps): Stoppable {
  const { db, log } = deps;
  const mail = startMailDelivery(deps);
  const housekeeping = setInterval(() => {
    const now = deps.now();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    Promise.all([
      deleteExpiredMemberData(db, ago(memberSessions.idleMs), ago(memberSessions.absoluteMs), now),
      deleteExpiredStaffSessions(db, ago(staffSessions.idleMs), ago(staffSessions.absoluteMs)),
      deleteExpiredPayloads(db, now),
    ]).catch((e: Error) => log.warn({ err: { message: e.message } }, 'housekeeping failed'));
  }, 60_000);
  housekeeping.unref();
  return {
    async stop() {
      clearInterval(housekeeping);
      await mail.stop();
    },
  };
}

/** Migrates and seeds the demo cast when configured (before any HTTP worker starts). */
export async function prepareDatabase(config: Config, log: Logger): Promise<void> {
  const db = await openConfiguredDatabase(config);
  try {
    const applied = await migrateToLatest(db);
    if (applied.length) log.info({ applied }, 'migrations applied');
    if (config.demoData) {
      const deps = buildDeps(config, db, log);
      try {
        await deps.limiters.ready();
        await seedDemo(deps);
        log.info('demo data ready: see the top page for the demo accounts');
      } finally {
        await deps.limiters.close();
      }
    }
  } finally {
    await db.destroy();
  }
}

/** Migrates, seeds the demo cast when configured, and serves HTTP with the background workers. */
export async function startServer(
  config: Config,
  log: Logger = createLogger(config.logLevel),
  options: StartOptions = {},
): Promise<RunningServer> {
  const started = performance.now();
  for (const warning of config.warnings) log.warn(warning);
  // Assets, help articles and migrations: found (or a clear error) before anything else starts.
  const paths = appPaths();
  log.debug({ paths }, 'paths resolved');
  const db = await openConfiguredDatabase(config);
  const deps = buildDeps(config, db, log);
  if (options.prepare ?? true) {
    const applied = await migrateToLatest(db);
    if (applied.length) log.info({ applied }, 'migrations applied');
  }
  await deps.limiters.ready();
  if ((options.prepare ?? true) && config.demoData) {
    await seedDemo(deps);
    log.info('demo data ready: see the top page for the demo accounts');
  }
  observeDatabase(db);
  let draining = false;
  const app = createApp(deps, { draining: () => draining });
  const jobs: Leadership = runWhileLeader(
    { databaseUrl: config.databaseUrl, retryMs: config.jobsLeaderRetryMs, log, name: 'background_jobs' },
    () => startBackgroundJobs(deps),
  );
  // Under a cluster the primary serves METRICS_PORT (aggregated over the workers).
  const metricsServer: Server | undefined =
    config.metrics.port && !cluster.isWorker
      ? await startMetricsServer(config.metrics.host, config.metrics.port)
      : undefined;
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  log.info(
    { url, publicUrl: config.publicUrl.toString(), ms: Math.round(performance.now() - started) },
    'cardnavi listening',
  );

  const release = async () => {
    await jobs.stop();
    if (metricsServer) await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
    await deps.limiters.close();
    observeDatabase(undefined);
    await db.destroy();
  };
  let closing: Promise<void> | undefined;
  return {
    deps,
    server,
    url,
    get runsBackgroundJobs() {
      return jobs.leading;
    },
    close() {
      closing ??= (async () => {
        draining = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        (server as Server).closeAllConnections?.();
        await closed;
        await release();
      })();
      return closing;
    },
    drain() {
      closing ??= (async () => {
        draining = true;
        log.info({ delayMs: config.shutdown.delayMs, graceMs: config.shutdown.graceMs }, 'draining');
        if (config.shutdown.delayMs > 0) await new Promise((r) => setTimeout(r, config.shutdown.delayMs));
        const http = server as Server;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive connections that finish their request become idle: close them as they do.
        const sweep = setInterval(() => http.closeIdleConnections?.(), 50);
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<'late'>((resolve) => {
          timer = setTimeout(() => resolve('late'), config.shutdown.graceMs);
        });
        if ((await Promise.race([closed, late])) === 'late') {
          log.warn({ graceMs: config.shutdown.graceMs }, 'grace period over: closing open connections');
          http.closeAllConnections?.();
          await closed;
        }
        clearInterval(sweep);
        clearTimeout(timer);
        await release();
        log.info('stopped');
      })();
      return closing;
    },
  };
}
