import type { Command } from 'commander';
import { registerAiCommand } from './ai.js';

/** Every `origo` sub-command registers itself here, one file per command. */
export function registerCommands(program: Command): void {
  registerAiCommand(program);
}
