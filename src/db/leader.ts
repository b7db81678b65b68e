import pg from 'pg';
import type { Logger } from '../log.ts';

/** Something that runs in one process at a time and can be stopped (the background jobs). */
export interface Stoppable {
  stop(): Promise<void>;
}

export interface Leadership {
  /** True while this process holds the lock and runs the work. */
  readonly leading: boolean;
  /** Stops the work (if running) and gives the lock up. */
  stop(): Promise<void>;
}

/**
 * Runs `start()` in exactly one process of all those sharing the PostgreSQL database: whoever holds the
 * session-level advisory lock on its own dedicated connection. When that process dies (or its connection
 * does), PostgreSQL releases the lock and another process takes over within `retryMs`. Without a database
 * URL (the embedded database is single-process) the work simply runs here.
 */
export function runWhileLeader(
  options: { databaseUrl: string | undefined; retryMs: number; log: Logger; name: string },
  start: () => Stoppable,
): Leadership {
  const { databaseUrl, retryMs, log, name } = options;
  let work: Stoppable | undefined;
  let stopped = false;
  if (!databaseUrl) {
    work = start();
    return {
      get leading() {
        return !stopped;
      },
      async stop() {
        stopped = true;
        await work?.stop();
      },
    };
  }

  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let attempt: Promise<void> = Promise.resolve();

  const lose = async (reason: string) => {
    const running = work;
    work = undefined;
    const c = client;
    client = undefined;
    if (running) {
      if (!stopped) log.warn({ job: name, reason }, 'background jobs stopped here: lock lost');
      await running.stop();
    }
    await c?.end().catch(() => {});
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      attempt = tick();
    }, retryMs);
    timer.unref();
  };

  const tick = async () => {
    if (stopped) return;
    try {
      if (client && work) {
        // Leading: the heartbeat notices a connection that died silently (it holds the lock).
        await client.query('select 1');
      } else {
        const c = new pg.Client({
          connectionString: databaseUrl,
          // The process id lets an operator (and the hand-over test) see which process runs the jobs.
          application_name: `cardnavi ${name} ${process.pid}`,
        });
        c.on('error', () => {
          void lose('connection error');
        });
        await c.connect();
        const { rows } = await c.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [
          `cardnavi.${name}`,
        ]);
        if (rows[0]?.ok && !stopped) {
          client = c;
          work = start();
          log.info({ job: name, pid: process.pid }, 'background jobs run in this process');
        } else {
          await c.end();
        }
      }
    } catch (e) {
      await lose((e as Error).message);
    }
    schedule();
  };
  attempt = tick();

  return {
    get leading() {
      return work !== undefined;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await attempt;
      await lose('shutting down');
    },
  };
}
