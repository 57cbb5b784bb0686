import type { Command } from 'commander';

/**
 * One thread by default: on the quiet 2-core machine a second thread has not been faster yet, its
 * share of the work lost to warming up its own copy of the code (docs/text-engine.md, "PAN runner").
 */
const DEFAULT_THREADS = 1;

/** `origo pan <corpus-dir> --out <dir>`: PAN text-alignment run with PAN's measures. */
export function registerPanCommand(program: Command): void {
  program
    .command('pan')
    .description('align every pair of a PAN text-alignment corpus, write PAN XML detections, print one JSON line of measures')
    .argument('<corpus-dir>', 'corpus in PAN 2013 layout (pairs, susp/, src/, optional 0X-* truth folders)')
    .requiredOption('--out <dir>', 'folder for the <susp>-<src>.xml detection files')
    .option('--workers <n>', 'threads: 1 does everything on one thread; 2 (or more) adds a second thread, both taking pairs from the same list', String(DEFAULT_THREADS))
    .action(async (corpusDir: string, opts: { out: string; workers: string }) => {
      const workers = Number(opts.workers);
      if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers must be a positive integer, got ${opts.workers}`);
      // The second thread starts first: it boots while this thread loads the engine.
      const thread = workers > 1 ? new (await import('../../pan/aligning-thread.js')).AligningThread(corpusDir, opts.out) : undefined;
      try {
        // Loaded here, not at the top: every CLI start would otherwise pay for the engine.
        const { runPan } = await import('../../pan/run.js');
        console.log(JSON.stringify({ ...(await runPan(corpusDir, opts.out, { workers, thread })), workers: Math.min(workers, 2) }));
      } catch (err) {
        await thread?.stop();
        throw err;
      }
    });
}
