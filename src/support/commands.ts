import type { Command } from '../cli-types.ts';

/** CLI commands of the support domain. */
export const supportCommands: Command[] = [];
