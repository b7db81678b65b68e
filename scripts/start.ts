/**
 * `npm start`: cardnavi (`cardnavi serve`), and in development also the sample group service
 * (examples/points-mall) beside it, so single sign-on can be tried from the top page. Each runs in its own
 * process; stopping this one (Ctrl-C) stops both.
 */
import { type ChildProcess, spawn } from 'node:child_process';

const production = process.env.NODE_ENV === 'production';
const run = (file: string, args: string[] = []): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: 'inherit' });

const children = [run('src/cli.ts', ['serve'])];
if (!production) children.push(run('examples/points-mall/server.ts'));

const stop = (signal: NodeJS.Signals) => {
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
// cardnavi ending ends the whole start; the sample service ending alone does not.
children[0]?.once('exit', (code) => {
  stop('SIGTERM');
  process.exitCode = code ?? 1;
});
