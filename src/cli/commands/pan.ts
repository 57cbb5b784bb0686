import type { Command } from 'commander';
import { availableParallelism } from 'node:os';

/**
 * The TypeScript engine runs on one thread by default: on the quiet 2-core machine a second
 * thread has not been faster, its share of the work lost to warming up its own copy of the code
 * (docs/text-engine.md, "PAN runner"). The compiled kernel uses the cores (at most 2).
 */
const DEFAULT_JS_THREADS = 1;
/** The most threads the compiled kernel starts (native/addon.cc). */
const MAX_THREADS = 256;

/** `origo pan <corpus-dir> --out <dir>`: PAN text-alignment run with PAN's measures. */
export function registerPanCommand(program: Command): void {
  program
    .command('pan')
    .description('align every pair of a PAN text-alignment corpus, write PAN XML detections, print one JSON line of measures')
    .argument('<corpus-dir>', 'corpus in PAN 2013 layout (pairs, susp/, src/, optional 0X-* truth folders)')
    .requiredOption('--out <dir>', 'folder for the <susp>-<src>.xml detection files')
    .option('--workers <n>', 'threads (default: the cores, at most 2, with the compiled kernel; 1 with the TypeScript engine, where 2 adds a second thread taking pairs from the same list)')
    .option('--engine <engine>', 'auto (the compiled kernel when it is built), native or js (the TypeScript engine alone)', 'auto')
    .action(async (corpusDir: string, opts: { out: string; workers?: string; engine: string }) => {
      if (!['auto', 'native', 'js'].includes(opts.engine)) throw new Error(`--engine must be auto, native or js, got ${opts.engine}`);
      const workers = opts.workers === undefined ? undefined : Number(opts.workers);
      // At most 256: the compiled kernel refused more with "threads must be 1 to 256", naming no option.
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > MAX_THREADS)) throw new Error(`--workers must be an integer from 1 to ${MAX_THREADS}, got ${opts.workers}`);
      // Loaded here, not at the top: every CLI start would otherwise pay for the engine.
      const { nativeKernelAvailable } = await import('../../native/text-kernel.js');
      if (opts.engine === 'native' && !nativeKernelAvailable()) throw new Error('--engine native: the compiled text kernel is not built (npm install builds it when a C++ compiler is there; see docs/text-engine.md)');
      const engine = opts.engine === 'js' || !nativeKernelAvailable() ? 'js' : 'native';
      const threads = workers ?? (engine === 'native' ? Math.min(2, availableParallelism()) : DEFAULT_JS_THREADS);
      const thread = engine === 'js' && threads > 1 ? new (await import('../../pan/aligning-thread.js')).AligningThread(corpusDir, opts.out) : undefined;
      try {
        const { runPan } = await import('../../pan/run.js');
        console.log(JSON.stringify({ ...(await runPan(corpusDir, opts.out, { engine, workers: threads, thread })), engine, workers: engine === 'js' ? Math.min(threads, 2) : threads }));
        // The run is over (files written, line printed; standard output to a file or a pipe is
        // written synchronously): exiting now spares tearing down the prepared documents and the
        // heap, ~30 ms of a run of ~0.5 s (docs/benchmarks.md).
        process.exit(0);
      } catch (err) {
        await thread?.stop();
        throw err;
      }
    });
}
