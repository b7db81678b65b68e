import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { SCALE_MEMBER_PASSWORD } from '../src/scale/seed-scale.ts';

/** The cookie header a browser would send back after `res`. */
export const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** Logs a scale member in through the form once, as a browser would, and returns the cookie header. */
export async function logIn(base: string, userId: string, password = SCALE_MEMBER_PASSWORD): Promise<string> {
  const page = await fetch(`${base}/login`);
  const csrf = cookiesOf(page);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf, origin: base },
    body: new URLSearchParams({ _csrf: token, identifier: userId, password }),
  });
  if (res.status !== 303) throw new Error(`login of ${userId} answered ${res.status}`);
  return `${csrf}; ${cookiesOf(res)}`;
}

/** The newest closed statement month of the logged-in member: the first month page offering the CSV. */
export async function newestClosedMonth(base: string, cookie: string): Promise<string> {
  const index = await (await fetch(`${base}/portal/statements?lang=en`, { headers: { cookie } })).text();
  for (const [, m] of index.matchAll(/href="\/portal\/statements\/(\d{4}-\d{2})"/g)) {
    const html = await (
      await fetch(`${base}/portal/statements/${m}?lang=en`, { headers: { cookie } })
    ).text();
    if (m && html.includes(`${m}.csv`)) return m;
  }
  throw new Error('no closed month with a CSV download');
}

/** A closed-loop autocannon run of `path` with `connections` connections. */
export async function load(base: string, path: string, cookie: string, connections: number, seconds: number) {
  const r = await autocannon({ url: `${base}${path}`, connections, duration: seconds, headers: { cookie } });
  return {
    path,
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/** Resident memory of a process in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return line ? Math.round(Number(line[1]) / 1024) : 0;
}

/** CPU time (user + system) a process has used so far, in milliseconds (Linux /proc; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After "pid (comm) ": state is field 0, utime field 11, stime field 12 (proc(5) fields 14 and 15).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Members and transactions in the benchmark database; refuses an unseeded one. */
export async function seededCounts(url: string): Promise<{ members: number; transactions: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts = (
      await client.query(
        `select (select count(*) from members)::int as members, (select count(*) from card_transactions)::int as transactions`,
      )
    ).rows[0] as { members: number; transactions: number };
    if (counts.members < 1000) throw new Error('seed first: npm run bench:growth or cardnavi seed-scale');
    return counts;
  } finally {
    await client.end();
  }
}
