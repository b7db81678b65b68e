// `npm run build` must give a dist/ that starts: assets, help articles and migrations are found from the
// package root resolved at start, not from the TypeScript sources.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/help/articles.ts';
import { createFreshPostgresDatabase, HttpSession } from '../helpers/reliability-server.ts';

const root = join(import.meta.dirname, '..', '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Resolves once `url` answers, or rejects with the server's output when it exits or takes too long. */
async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the built server exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the built server did not answer within 90 s:\n${output()}`);
}

/** `npm run build`, once for the file (both servers below run its output). */
let build: Promise<unknown> | undefined;
const buildOnce = () => {
  build ??= promisify(execFile)('npm', ['run', 'build'], { cwd: root });
  return build;
};

/**
 * Starts `node dist/cli.js serve …` from `dataDir` (another directory: nothing may be looked up relative to the
 * working directory) on a free port, and waits until `readyPath` answers.
 */
async function startBuilt(args: string[], dataDir: string, env: Record<string, string>, readyPath: string) {
  await buildOnce();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), 'serve', ...args], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: base,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  await waitUntilServing(`${base}${readyPath}`, child, () => output);
  return { child, base };
}

/** SIGTERM, then waits for the exit. */
async function stopBuilt(child: ChildProcess | undefined) {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

describe('the built server (npm run build, then node dist/cli.js serve)', () => {
  let child: ChildProcess | undefined;
  let base = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'cardnavi-built-'));

  beforeAll(async () => {
    ({ child, base } = await startBuilt([], dataDir, { DEMO_DATA: 'false' }, '/healthz'));
  }, 180_000);

  afterAll(async () => {
    await stopBuilt(child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('serves a help article from content/help with its title', async () => {
    const file = readFileSync(join(root, 'content', 'help', 'en', 'cannot-log-in.md'), 'utf8');
    const { meta } = parseFrontMatter(file, 'en/cannot-log-in.md');
    const res = await fetch(`${base}/help/login/cannot-log-in?lang=en`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(meta.title);
  });

  it('serves the stylesheet and answers an unknown asset with a plain 404', async () => {
    const css = await fetch(`${base}/assets/app.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toBe(readFileSync(join(root, 'src', 'web', 'assets', 'app.css'), 'utf8'));
    for (const name of ['constructor', '__proto__', 'toString', 'nothing.css']) {
      const res = await fetch(`${base}/assets/${name}`);
      expect(res.status, name).toBe(404);
    }
  });

  it('stops on SIGTERM, and bin/cardnavi.js runs the build and finds the migrations already applied', async () => {
    const running = child;
    if (!running) throw new Error('the server did not start');
    const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
    running.kill('SIGTERM');
    expect(await exited).toBe(0);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(root, 'bin', 'cardnavi.js'), 'migrate'],
      {
        cwd: dataDir,
        env: { PATH: process.env.PATH, NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      },
    );
    expect(stdout.trim()).toBe('database is up to date');
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('the built server with two workers on PostgreSQL', () => {
  let child: ChildProcess | undefined;
  let base = '';
  let database: Awaited<ReturnType<typeof createFreshPostgresDatabase>> | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'cardnavi-built-workers-'));

  beforeAll(async () => {
    database = await createFreshPostgresDatabase('cn_built');
    ({ child, base } = await startBuilt(
      ['--workers', '2'],
      dataDir,
      {
        DATABASE_URL: database.url,
        SESSION_SECRET: 'built-workers-session-secret-0123456789-abc',
        DATA_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
        DEMO_DATA: 'true',
      },
      '/readyz',
    ));
  }, 240_000);

  afterAll(async () => {
    await stopBuilt(child);
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the demo cast: hanako logs in and sees her card', async () => {
    const session = new HttpSession(base);
    const login = await session.login('hanako@example.jp', 'sakura-2026-demo');
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toMatch(/\/portal$/);
    const page = await session.get('/portal?lang=en');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('**** **** **** 9003');
  });
});
