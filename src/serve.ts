import cluster, { type Worker } from 'node:cluster';
import { parseArgs } from 'node:util';
import { UsageError } from './cli-types.ts';
import type { Config } from './config.ts';
import { demoMembers, demoStaff } from './demo/cast.ts';
import { createLogger } from './log.ts';
import { serveClusterMetrics, startMetricsServer } from './metrics.ts';
import { prepareDatabase, type RunningServer, startServer } from './server.ts';

/** Exit code of a configuration error (as for a bad environment variable, see cli.ts). */
const CONFIG_ERROR = 78;

function printDemoCast(config: Config): void {
  // Published demo secrets are printed only outside production (where demo data is refused anyway).
  if (!config.demoData || config.production) return;
  console.log(`\n  cardnavi is running at ${config.publicUrl}\n  Demo members (password):`);
  for (const m of demoMembers) console.log(`    ${m.login.padEnd(24)} ${m.password}`);
  console.log('  Demo staff at /support (password, TOTP secret):');
  for (const s of demoStaff)
    console.log(`    ${s.login.padEnd(24)} ${s.password.padEnd(26)} ${s.totpSecret}`);
  console.log(`  Dev mailbox: ${new URL('/dev/mailbox', config.publicUrl)}\n`);
}

/**
 * SIGTERM or SIGINT: drain (see RunningServer.drain), then exit 0. The handlers are in place before the
 * server starts, so a signal during start-up stops it as soon as it is up. Further signals while draining
 * are ignored (a cluster worker can get one from the terminal and one from its primary); a second Ctrl-C in
 * a single process exits at once.
 */
function exitAfterDrain(starting: Promise<RunningServer>): Promise<number> {
  return new Promise<number>(() => {
    let draining = false;
    const stop = (signal: NodeJS.Signals) => {
      if (draining) {
        if (signal === 'SIGINT' && !cluster.isWorker) process.exit(1);
        return;
      }
      draining = true;
      starting
        .then((running) => running.drain())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

/**
 * The cluster primary: prepares the database once, forks the HTTP workers (they share the port), replaces a
 * worker that dies, serves METRICS_PORT aggregated over the workers, and on SIGTERM passes the signal on
 * and exits 0 once every worker has drained.
 */
async function runPrimary(config: Config, workers: number): Promise<number> {
  const log = createLogger(config.logLevel);
  await prepareDatabase(config, log);
  serveClusterMetrics();
  const metricsServer = config.metrics.port
    ? await startMetricsServer(config.metrics.host, config.metrics.port)
    : undefined;
  let stopping = false;
  const fork = () => cluster.fork({ CARDNAVI_CLUSTER_WORKER: '1' });
  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) return;
    log.error({ worker: worker.process.pid, code, signal }, 'worker exited: starting another');
    setTimeout(() => {
      if (!stopping) fork();
    }, 1_000).unref();
  });
  for (let i = 0; i < workers; i++) fork();
  await new Promise<void>((resolve) => {
    let online = 0;
    cluster.on('listening', () => {
      online += 1;
      if (online === workers) resolve();
    });
  });
  log.info({ workers, port: config.port }, 'cardnavi cluster listening');
  printDemoCast(config);
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        if (signal === 'SIGINT') process.exit(1);
        return;
      }
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
      let failed = false;
      let left = alive.length;
      const done = () => {
        metricsServer?.close();
        resolve(failed ? 1 : 0);
        process.exit(failed ? 1 : 0);
      };
      if (left === 0) done();
      for (const w of alive) {
        // A worker still starting up has no handler yet and ends by the signal itself: nothing was in flight.
        w.once('exit', (code, signal) => {
          if (code !== 0 && signal !== 'SIGTERM') failed = true;
          left -= 1;
          if (left === 0) done();
        });
        w.process.kill('SIGTERM');
      }
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

/** `cardnavi serve [--workers N]`. */
export async function serveCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args, options: { workers: { type: 'string' } } });
  let workers = config.workers;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 256)
      throw new UsageError('--workers must be a whole number from 1 to 256');
  }
  if (cluster.isWorker) {
    // A worker forked by the primary below: the primary migrated and seeded already.
    return exitAfterDrain(startServer(config, createLogger(config.logLevel), { prepare: false }));
  }
  if (workers > 1 && !config.databaseUrl) {
    console.error(
      `cardnavi serve: configuration error: ${workers} workers need DATABASE_URL (the embedded database runs in one process)`,
    );
    return CONFIG_ERROR;
  }
  if (workers > 1) return runPrimary(config, workers);
  const starting = startServer(config);
  const stopped = exitAfterDrain(starting);
  await starting;
  printDemoCast(config);
  return stopped;
}
