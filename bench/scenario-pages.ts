/**
 * Session-checked pages at 50 connections: GET /settings and GET /portal as the demo member
 * (hanako@example.jp, 15 months of statements), logged in once through the form. Requests/s, p99, the
 * server's CPU ms per request (its process tree's CPU time ÷ requests), PostgreSQL CPU and statements per
 * request. Head also with `serve --workers 2`. Targets: head ≥ 2× base on /settings, ≥ 1.5× on /portal.
 */
import type { ChildProcess } from 'node:child_process';
import {
  alternate,
  type LoadFigures,
  measureLoad,
  type Row,
  rowsOf,
  type ScenarioContext,
} from './ab-lib.ts';
import { logIn } from './http.ts';
import { ensureDatabase } from './pg.ts';
import { startServer, stopServer } from './trees.ts';

const connections = 50;
const paths = ['/settings', '/portal'];

export async function pagesScenario(ctx: ScenarioContext): Promise<Row[]> {
  const urls = {
    base: await ensureDatabase(ctx.adminUrl, ctx.base.database),
    head: await ensureDatabase(ctx.adminUrl, ctx.head.database),
  };
  const env = (side: 'base' | 'head') => ({
    DATABASE_URL: urls[side],
    DEMO_DATA: 'true',
    LOGIN_DELAY_MS: '0',
    DATA_DIR: `/tmp/cardnavi-bench-data-${side}`,
  });
  const rows: Row[] = [];
  const runPair = async (label: string, headArgs: string[]) => {
    const ports = { base: 3921, head: 3922 };
    const servers: Record<'base' | 'head', ChildProcess> = {
      base: (await startServer(ctx.base, env('base'), ports.base)).child,
      head: (await startServer(ctx.head, env('head'), ports.head, { args: headArgs })).child,
    };
    try {
      const origin = (side: 'base' | 'head') => `http://127.0.0.1:${ports[side]}`;
      const cookie = {
        base: await logIn(origin('base'), 'hanako@example.jp', 'sakura-2026-demo'),
        head: await logIn(origin('head'), 'hanako@example.jp', 'sakura-2026-demo'),
      };
      for (const path of paths) {
        for (const side of ['base', 'head'] as const) {
          const res = await fetch(`${origin(side)}${path}?lang=en`, { headers: { cookie: cookie[side] } });
          const html = await res.text();
          if (res.status !== 200 || (path === '/portal' && !html.includes('9003')))
            throw new Error(`${side} ${path} answered ${res.status}`);
          // Warm-up.
          await measureLoad(
            servers[side],
            urls[side],
            { url: `${origin(side)}${path}`, connections, duration: 2, headers: { cookie: cookie[side] } },
            '2xx',
          );
        }
        const results = await alternate(ctx.rounds, (side) =>
          measureLoad(
            servers[side],
            urls[side],
            {
              url: `${origin(side)}${path}`,
              connections,
              duration: ctx.seconds,
              headers: { cookie: cookie[side] },
            },
            '2xx',
          ),
        );
        rows.push(
          ...rowsOf<LoadFigures>(`${path} 50 conn${label}`, results, {
            'requests/s': 'requestsPerSecond',
            'p99 ms': 'p99',
            'server CPU ms/request': 'serverCpuMsPerRequest',
            'PostgreSQL CPU ms/request': 'dbCpuMsPerRequest',
            'SQL statements/request': 'statementsPerRequest',
            'failed responses': 'bad',
          }),
        );
      }
    } finally {
      await Promise.all([stopServer(servers.base), stopServer(servers.head)]);
    }
  };
  await runPair('', []);
  if (process.env.BENCH_WORKERS !== '0')
    await runPair(' (head --workers 2, base 1 process)', ['--workers', '2']);
  return rows;
}
