import type { Command } from 'commander';
import { registerAiCommand } from './ai.js';
import { registerServeCommand } from './serve.js';
import { registerPanCommand } from './pan.js';

/** Every `origo` sub-command registers itself here, one file per command. */
export function registerCommands(program: Command): void {
  registerServeCommand(program);
  registerPanCommand(program);
  registerAiCommand(program);
}
