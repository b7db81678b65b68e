import type { Config } from './config.ts';

/** A CLI sub-command: `cardnavi <name> [args]`. Returns the process exit code. */
export interface Command {
  name: string;
  /** What follows the name, shown when the arguments do not fit (e.g. `--as-of YYYY-MM-DD`). */
  usage?: string;
  summary: string;
  /** Parses `args` with node:util parseArgs; throws UsageError (or parseArgs' own error) when they do not fit. */
  run(args: string[], config: Config): Promise<number>;
}

/** Arguments that do not fit a command: the CLI prints the command's usage line and exits 2. */
export class UsageError extends Error {}

/** A UsageError, or parseArgs refusing an unknown option, a missing value or a stray positional. */
export function isUsageError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | undefined)?.code;
  return error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_'));
}
