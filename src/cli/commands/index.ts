import type { Command } from 'commander';
import { registerCompareCommand } from './compare.js';

/** Every `origo` sub-command registers itself here, one file per command. */
export function registerCommands(program: Command): void {
  registerCompareCommand(program);
}
