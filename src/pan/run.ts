import { makeFoldersSync } from '../files/make-folders.js';
import { availableParallelism } from 'node:os';
import { readPanPairs, readPanTruth } from './corpus.js';
import type { AligningThread } from './aligning-thread.js';
import type { Measures } from './measures.js';
import { scoreRun } from './run-scores.js';
import { alignPairsNative } from './native-align-pairs.js';
import { nativeKernelAvailable } from '../native/text-kernel.js';

export interface PanRunResult {
  pairs: number;
  /** Wall-clock seconds since the process started (process start included). */
  seconds: number;
  pairsPerSecond: number;
  /** Measures per sub-corpus and "entire", when the corpus has truth files. */
  measures?: Record<string, Measures>;
}

export interface PanRunOptions {
  /**
   * `native`: the compiled text kernel (native/; the TypeScript engine for the pairs it leaves
   * out); `js`: the TypeScript engine alone. Default: `native` when it is built.
   */
  engine?: 'native' | 'js';
  /**
   * Threads. With the kernel, its threads (default: the cores, at most 2). With the TypeScript engine, 1 aligns on
   * this thread alone; 2 (or more) adds a second thread taking pairs from the same list.
   */
  workers?: number;
  /** The second thread, when the caller started it already (`AligningThread`; implies 2 threads). */
  thread?: AligningThread;
}

/**
 * Runs text alignment on every pair of a PAN corpus, writes one detection XML per pair into
 * `outDir`, and scores the detections when the corpus has truth files. The compiled kernel and
 * the TypeScript engine give the same detections (src/pan/pan-golden.test.ts), whatever the
 * number of threads. The TypeScript engine is loaded only when it runs.
 */
export async function runPan(corpusDir: string, outDir: string, options: PanRunOptions = {}): Promise<PanRunResult> {
  if (options.engine === 'native' && options.thread) throw new Error('the second thread belongs to the TypeScript engine');
  const engine = options.engine ?? (options.thread ? 'js' : nativeKernelAvailable() ? 'native' : 'js');
  if (engine === 'native') return runPanNative(corpusDir, outDir, Math.max(1, options.workers ?? Math.min(2, availableParallelism())));
  const { runPanTypeScript } = await import('./typescript-run.js');
  return runPanTypeScript(corpusDir, outDir, options.workers, options.thread);
}

/**
 * `runPan` with the compiled text kernel: the documents are prepared and the pairs aligned on
 * `threads` threads, which then write the detection files; this thread reads the truth files
 * while they align and computes the measures while they write.
 */
async function runPanNative(corpusDir: string, outDir: string, threads: number): Promise<PanRunResult> {
  const pairs = readPanPairs(corpusDir, { truth: false });
  const jobs = pairs.map((p) => ({ susp: p.susp, src: p.src }));
  makeFoldersSync(outDir);
  // The truth files are read while the kernel aligns, the measures computed while it writes the files.
  const { passages, written } = await alignPairsNative(corpusDir, outDir, jobs, threads, () => readPanTruth(corpusDir, pairs));
  const scores = scoreRun(pairs, passages);
  await written;
  const seconds = process.uptime();
  return { ...scores, seconds: Number(seconds.toFixed(3)), pairsPerSecond: Number((pairs.length / seconds).toFixed(1)) };
}

