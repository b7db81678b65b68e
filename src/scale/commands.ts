import type { Command } from '../cli-types.ts';

/** CLI commands for filling a database at scale (benchmarks). */
export const scaleCommands: Command[] = [];
