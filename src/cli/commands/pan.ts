import type { Command } from 'commander';

/**
 * One thread by default: on the quiet 2-core machine the two-thread pipeline was slower than one
 * thread on pan-dev (577-596 against 656-664 pairs/s, docs/benchmarks.md), its gain in
 * parallel work lost to a second thread compiling and to the messages between the two.
 */
const DEFAULT_THREADS = 1;

/** `origo pan <corpus-dir> --out <dir>`: PAN text-alignment run with PAN's measures. */
export function registerPanCommand(program: Command): void {
  program
    .command('pan')
    .description('align every pair of a PAN text-alignment corpus, write PAN XML detections, print one JSON line of measures')
    .argument('<corpus-dir>', 'corpus in PAN 2013 layout (pairs, susp/, src/, optional 0X-* truth folders)')
    .requiredOption('--out <dir>', 'folder for the <susp>-<src>.xml detection files')
    .option('--workers <n>', 'threads: 1 does everything on one thread; 2 (or more) adds a thread that reads and prepares the documents while the main thread aligns the pairs', String(DEFAULT_THREADS))
    .action(async (corpusDir: string, opts: { out: string; workers: string }) => {
      const workers = Number(opts.workers);
      if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers must be a positive integer, got ${opts.workers}`);
      // The preparing thread starts first: it boots and reads while this thread loads the rest.
      const preparing = workers > 1 ? new (await import('../../pan/preparing-thread.js')).PreparingThread(corpusDir) : undefined;
      try {
        // Loaded here, not at the top: every CLI start would otherwise pay for the engine.
        const { runPan } = await import('../../pan/run.js');
        console.log(JSON.stringify({ ...(await runPan(corpusDir, opts.out, { workers, preparing })), workers: Math.min(workers, 2) }));
      } catch (err) {
        await preparing?.stop();
        throw err;
      }
    });
}
