import type { Command } from 'commander';

/** `origo pan <corpus-dir> --out <dir>`: PAN text-alignment run with PAN's measures. */
export function registerPanCommand(program: Command): void {
  program
    .command('pan')
    .description('align every pair of a PAN text-alignment corpus, write PAN XML detections, print one JSON line of measures')
    .argument('<corpus-dir>', 'corpus in PAN 2013 layout (pairs, susp/, src/, optional 0X-* truth folders)')
    .requiredOption('--out <dir>', 'folder for the <susp>-<src>.xml detection files')
    .option('--workers <n>', 'threads aligning pairs (a second one costs ~30% more CPU: it pays only on an idle machine)', '1')
    .action(async (corpusDir: string, opts: { out: string; workers: string }) => {
      // Loaded here, not at the top: every CLI start would otherwise pay for the engine.
      const { runPan } = await import('../../pan/run.js');
      const workers = Number(opts.workers);
      if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers must be a positive integer, got ${opts.workers}`);
      console.log(JSON.stringify({ ...(await runPan(corpusDir, opts.out, { workers })), workers }));
    });
}
