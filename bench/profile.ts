/**
 * CPU profile of this checkout's server under load on one page: starts `serve` with `node --cpu-prof`, logs
 * the demo member in, runs autocannon, stops the server (the profile is written at exit) and prints the
 * functions with the most self time and the files that take the most time inclusive of what they call.
 *
 *   npx tsx bench/profile.ts /settings [seconds]      (/login: POST /login, 2,000 members at 4 connections)
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { hashSecret } from '../src/security/password.ts';
import { csrfOf } from './ab-lib.ts';
import { logIn } from './http.ts';
import { benchCluster, ensureDatabase } from './pg.ts';
import { loginLoad, password, seedMembers } from './scenario-login.ts';
import { headTree, startServer, stopServer } from './trees.ts';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const path = process.argv[2] ?? '/settings';
const seconds = Number(process.argv[3] ?? 10);
const head = headTree();
const url = await ensureDatabase(await benchCluster(), head.database);
const dir = mkdtempSync(join(tmpdir(), 'cardnavi-prof-'));
const port = 3951;
const spawned = performance.now();
const { child } = await startServer(
  head,
  {
    DATABASE_URL: url,
    DEMO_DATA: 'true',
    LOGIN_DELAY_MS: '0',
    DATA_DIR: '/tmp/cardnavi-bench-data-head',
    // /login: the login scenario's many-member load (one client address per request).
    IP_LOGIN_POINTS: '100000000',
    TRUST_PROXY: 'true',
  },
  port,
  { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] },
);
const origin = `http://127.0.0.1:${port}`;
let options: autocannon.Options;
if (path === '/login') {
  // POST /login with the right password, 2,000 members round robin at 4 connections (bench/scenario-login.ts).
  await seedMembers(url, await hashSecret(password));
  options = loginLoad(origin, await csrfOf(origin), 'many', 4, seconds);
} else {
  const cookie = await logIn(origin, 'hanako@example.jp', 'sakura-2026-demo');
  options = { url: `${origin}${path}`, connections: 50, duration: seconds, headers: { cookie } };
}
// Warm-up, then only samples taken after it count (module loading and JIT at start are not the page).
await autocannon({ ...options, duration: 3 });
const skipMs = performance.now() - spawned;
const r = await autocannon(options);
console.log(`${path}: ${r.requests.average} req/s, ${r.non2xx} non-2xx`);
await stopServer(child);

// Thread 0 is the main thread (tsx's loader runs in a worker thread with its own profile).
const file = readdirSync(dir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f));
if (!file) throw new Error('no profile written');
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const self = new Map<number, number>();
let at = 0;
let total = 0;
profile.samples.forEach((s, i) => {
  at += (profile.timeDeltas[i] ?? 0) / 1000;
  if (at < skipMs) return;
  total++;
  self.set(s, (self.get(s) ?? 0) + 1);
});
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const name = (n: Node) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
const selfByName = new Map<string, number>();
for (const [id, count] of self) {
  const n = byId.get(id);
  if (n) selfByName.set(name(n), (selfByName.get(name(n)) ?? 0) + count);
}
console.log(`\nself time (${total} samples, ${join(dir, file)})`);
for (const [n, c] of [...selfByName].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`${((100 * c) / total).toFixed(1).padStart(5)}%  ${n}`);

// Inclusive time per source file (each sample counted once per file on its stack).
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const fileOf = (n: Node) => n.callFrame.url.replace(/^.*\/(node_modules\/(@[^/]+\/)?[^/]+|src\/.*)$/, '$1');
const inclusive = new Map<string, number>();
for (const [id, count] of self) {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur);
    if (!n?.callFrame.url) continue;
    const f = fileOf(n);
    if (!seen.has(f)) {
      seen.add(f);
      inclusive.set(f, (inclusive.get(f) ?? 0) + count);
    }
  }
}
console.log('\ninclusive time by file');
for (const [f, c] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`${((100 * c) / total).toFixed(1).padStart(5)}%  ${f}`);
process.exit(0);
