import type { Config } from './config.ts';

/** A CLI sub-command: `cardnavi <name> [args]`. Returns the process exit code. */
export interface Command {
  name: string;
  summary: string;
  run(args: string[], config: Config): Promise<number>;
}
