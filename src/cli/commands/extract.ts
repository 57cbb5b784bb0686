import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

interface ExtractCommandOptions {
  mime?: string;
  blocks?: boolean;
  timeout: string;
  memory: string;
  isolation: 'process' | 'worker';
}

/** A whole number in [min, max] from a flag, or an error naming the flag. */
function integerFlag(name: string, value: string, min: number, max: number): number {
  const x = Number(value);
  if (!Number.isInteger(x) || x < min || x > max) throw new Error(`--${name} must be an integer from ${min} to ${max} (got "${value}")`);
  return x;
}

/** `origo extract <file>`: the extraction as JSON; exit code 1 with the reason when the file cannot be read. */
export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('extract text, counts, language and integrity signals from a document (JSON on stdout)')
    .argument('<file>', 'the document to read')
    .option('--mime <type>', 'declared MIME type (a hint; the bytes decide)')
    .option('--blocks', 'include the offset map (blocks) in the output')
    .option('--timeout <ms>', 'time limit for the extraction (ms)', '60000')
    .option('--memory <mb>', 'heap limit of the extraction process (MB, at least 16)', '1024')
    .option('--isolation <mode>', 'run the extraction in a child "process" or a "worker" thread', 'process')
    .action(async (file: string, options: ExtractCommandOptions) => {
      // Checked before anything runs: a bad value used to come back as the file's outcome
      // ("timeout: extraction took longer than NaN ms"; --memory 1 as "corrupt").
      const timeoutMs = integerFlag('timeout', options.timeout, 1, 2_147_483_647); // setTimeout's largest delay
      const maxMemoryMb = integerFlag('memory', options.memory, 16, 1_048_576);
      if (options.isolation !== 'process' && options.isolation !== 'worker') throw new Error(`--isolation must be "process" or "worker" (got "${options.isolation}")`);
      const { extractDocumentIsolated } = await import('../../extract/index.js');
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file));
      } catch (err) {
        console.error(`origo extract: cannot open ${file}: ${(err as Error).message}`);
        process.exitCode = 2;
        return;
      }
      const outcome = await extractDocumentIsolated(bytes, { filename: basename(file), mime: options.mime ?? null }, {
        timeoutMs,
        maxMemoryMb,
        isolation: options.isolation,
      });
      if (!outcome.ok) {
        console.log(JSON.stringify({ ok: false, file, code: outcome.code, reason: outcome.reason }, null, 2));
        console.error(`origo extract: ${file}: ${outcome.reason} (${outcome.code})`);
        process.exitCode = 1;
        return;
      }
      const { blocks, ...rest } = outcome.extraction;
      const { text, ...summary } = rest;
      console.log(JSON.stringify({ ok: true, file, ...summary, ...(options.blocks ? { blocks } : {}), text }, null, 2));
    });
}
