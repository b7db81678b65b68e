import type { Command } from '../cli-types.ts';

/** CLI commands of the cards domain. */
export const cardCommands: Command[] = [];
