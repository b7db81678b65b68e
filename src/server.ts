import { type ServerType, serve } from '@hono/node-server';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { openConfiguredDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo } from './demo/seed.ts';
import { type AppDeps, buildDeps } from './deps.ts';
import { createLogger, type Logger } from './log.ts';
import { startMailDelivery } from './mail/worker.ts';
import { deleteExpiredMemberData } from './members/repository.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './members/session.ts';
import { deleteExpiredPayloads } from './oidc/repository.ts';
import { appPaths } from './paths.ts';
import { deleteExpiredStaffSessions } from './support/repository.ts';
import { STAFF_ABSOLUTE_MS, STAFF_IDLE_MS } from './support/session.ts';

export interface RunningServer {
  deps: AppDeps;
  server: ServerType;
  url: string;
  close(): Promise<void>;
}

/** Migrates, seeds the demo cast when configured, and serves HTTP with the background workers. */
export async function startServer(
  config: Config,
  log: Logger = createLogger(config.logLevel),
): Promise<RunningServer> {
  const started = performance.now();
  for (const warning of config.warnings) log.warn(warning);
  // Assets, help articles and migrations: found (or a clear error) before anything else starts.
  const paths = appPaths();
  log.debug({ paths }, 'paths resolved');
  const db = await openConfiguredDatabase(config);
  const applied = await migrateToLatest(db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const deps = buildDeps(config, db, log);
  await deps.limiters.ready();
  if (config.demoData) {
    await seedDemo(deps);
    log.info('demo data ready: see the top page for the demo accounts');
  }
  const app = createApp(deps);
  const mail = startMailDelivery(deps);
  const housekeeping = setInterval(() => {
    const now = deps.now();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    Promise.all([
      deleteExpiredMemberData(db, ago(SESSION_IDLE_MS), ago(SESSION_ABSOLUTE_MS), now),
      deleteExpiredStaffSessions(db, ago(STAFF_IDLE_MS), ago(STAFF_ABSOLUTE_MS)),
      deleteExpiredPayloads(db, now),
    ]).catch((e: Error) => log.warn({ err: { message: e.message } }, 'housekeeping failed'));
  }, 60_000);
  housekeeping.unref();
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
  return {
    deps,
    server,
    url,
    async close() {
      clearInterval(housekeeping);
      await mail.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deps.limiters.close();
      await db.destroy();
    },
  };
}
