/**
 * The benchmark's own PostgreSQL cluster: `pg_stat_statements` needs `shared_preload_libraries`, which the
 * machine's shared server (used by every test run) does not load and cannot restart for. So the A/B bench
 * starts a private cluster under /tmp (initdb once, kept between runs) on its own port with default settings
 * plus that library. BENCH_ADMIN_URL points at another server instead (then statements are not counted
 * unless that server loads the library).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const root = process.env.BENCH_PG_DIR ?? '/tmp/cardnavi-bench-pg';
const port = Number(process.env.BENCH_PG_PORT ?? 5439);

function pgBin(name: string): string {
  const base = '/usr/lib/postgresql';
  const version = readdirSync(base).sort((a, b) => Number(b) - Number(a))[0];
  if (!version) throw new Error(`no PostgreSQL under ${base}`);
  return join(base, version, 'bin', name);
}

/** Runs a PostgreSQL binary as the postgres user when we are root (PostgreSQL refuses to run as root). */
function asPostgres(bin: string, args: string[]) {
  const cmd = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd[0] as string, cmd[1] as string[], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Admin URL of the bench cluster, started (and created) if needed. */
export async function benchCluster(): Promise<string> {
  if (process.env.BENCH_ADMIN_URL) return process.env.BENCH_ADMIN_URL;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  if (await answers(url)) return url;
  const data = join(root, 'data');
  if (!existsSync(join(data, 'PG_VERSION'))) {
    mkdirSync(root, { recursive: true });
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', root]);
    asPostgres(pgBin('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust']);
  }
  asPostgres(pgBin('pg_ctl'), [
    '-D',
    data,
    '-l',
    join(root, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements -c max_connections=200`,
    'start',
  ]);
  return url;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Creates the database if absent (with pg_stat_statements when it can be loaded); returns its URL. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  await db.query('create extension if not exists pg_stat_statements').catch(() => undefined);
  await db.end();
  return url.toString();
}

/** Statement counter over pg_stat_statements for one database; `undefined` counts when not loaded. */
export class StatementCounter {
  private constructor(private client: pg.Client) {}

  static async open(url: string): Promise<StatementCounter | undefined> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('select pg_stat_statements_reset()');
      return new StatementCounter(client);
    } catch {
      await client.end();
      return undefined;
    }
  }

  async reset() {
    await this.client.query('select pg_stat_statements_reset()');
  }

  /** Statements and commits executed in this database since the reset (this counter's own excluded). */
  async read(): Promise<{ statements: number; commits: number }> {
    const { rows } = await this.client.query(
      `select coalesce(sum(calls), 0)::int as statements,
              coalesce(sum(calls) filter (where query ilike 'commit%'), 0)::int as commits
         from pg_stat_statements
        where dbid = (select oid from pg_database where datname = current_database())
          and query not ilike '%pg_stat_statements%'`,
    );
    return rows[0] as { statements: number; commits: number };
  }

  async close() {
    await this.client.end();
  }
}
