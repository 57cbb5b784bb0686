import type { Command } from 'commander';
import { registerExtractCommand } from './extract.js';
import { registerPanCommand } from './pan.js';
import { registerServeCommand } from './serve.js';

/** Every `origo` sub-command registers itself here, one file per command. */
export function registerCommands(program: Command): void {
  registerExtractCommand(program);
  registerPanCommand(program);
  registerServeCommand(program);
}
