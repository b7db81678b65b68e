/**
 * The two builds an A/B run compares: "head" is this checkout as it is; "base" is REF checked out in a
 * temporary git worktree under /tmp (kept for the next run), with node_modules hard-linked from here when
 * both package-lock.json files match, else installed with `npm ci`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Tree {
  /** "base" or "head". */
  side: 'base' | 'head';
  dir: string;
  commit: string;
  /** Database name in the bench cluster (one per schema: the base's migrations may differ from head's). */
  database: string;
}

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

export function headTree(): Tree {
  const dir = resolve(import.meta.dirname, '..');
  const dirty = git(dir, 'status', '--porcelain', '--untracked-files=no') ? '+changes' : '';
  return {
    side: 'head',
    dir,
    commit: `${git(dir, 'rev-parse', '--short=12', 'HEAD')}${dirty}`,
    database: 'cardnavi_bench_head',
  };
}

export function baseTree(ref: string, head: Tree): Tree {
  const commit = git(head.dir, 'rev-parse', '--short=12', `${ref}^{commit}`);
  const dir = join(process.env.BENCH_TREES_DIR ?? '/tmp', `cardnavi-bench-${commit}`);
  if (!existsSync(join(dir, 'package.json'))) {
    console.error(`bench: checking out ${ref} (${commit}) in ${dir}`);
    git(head.dir, 'worktree', 'add', '--detach', '--force', dir, commit);
  }
  if (!existsSync(join(dir, 'node_modules', '.package-lock.json'))) {
    const same =
      readFileSync(join(dir, 'package-lock.json'), 'utf8') ===
      readFileSync(join(head.dir, 'package-lock.json'), 'utf8');
    if (same) {
      console.error('bench: same package-lock.json, linking node_modules');
      execFileSync('cp', ['-al', join(head.dir, 'node_modules'), join(dir, 'node_modules')]);
    } else {
      console.error('bench: package-lock.json differs, npm ci in the base tree');
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
    }
  }
  return { side: 'base', dir, commit, database: `cardnavi_bench_${commit.slice(0, 7)}` };
}

/** Starts `cardnavi serve` of a tree as a child process and waits for a 200 from `readyPath`. */
export async function startServer(
  tree: Tree,
  env: Record<string, string>,
  port: number,
  { args = [] as string[], readyPath = '/readyz', nodeArgs = [] as string[], timeoutMs = 120_000 } = {},
): Promise<{ child: ChildProcess; readyMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/cli.ts', 'serve', ...args], {
    cwd: tree.dir,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${readyPath}`);
      await res.arrayBuffer();
      if (res.ok) return { child, readyMs: performance.now() - started };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  throw new Error(`${tree.side} server did not answer ${readyPath} (${exited ? 'exited' : 'timeout'})`);
}

export function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** CPU milliseconds (user + system) used so far by a process and all its descendants. */
export function treeCpuMs(pid: number): number {
  const tick = 1000 / 100; // CLK_TCK is 100 on Linux
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop() as number;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime, and cutime, cstime of children already reaped (PostgreSQL backends that ended)
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * tick;
      for (const task of readdirTasks(p)) {
        const kids = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (kids) stack.push(...kids.split(' ').map(Number));
      }
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

function readdirTasks(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
}
