import type { Command } from 'commander';
import { registerAiCommand } from './ai.js';
import { registerBackupCommands } from './backup.js';
import { registerCompareCommand } from './compare.js';
import { registerExtractCommand } from './extract.js';
import { registerFirstStartLinkCommand } from './first-start-link.js';
import { registerPanCommand } from './pan.js';
import { registerServeCommand } from './serve.js';

/** Every `origo` sub-command registers itself here, one file per command. */
export function registerCommands(program: Command): void {
  registerAiCommand(program);
  registerBackupCommands(program);
  registerCompareCommand(program);
  registerExtractCommand(program);
  registerFirstStartLinkCommand(program);
  registerPanCommand(program);
  registerServeCommand(program);
}
