import { Piscina } from 'piscina';
import { alignTask, type AlignTask, type AlignedPair } from './align-task.js';

/**
 * Alignment on worker threads, so that one process's analysis can use more cores: a document's
 * missing pairs are split across the threads, and the process's event loop (HTTP, the job queue,
 * the database) stays free while they run. ORIGO_ANALYSIS_THREADS sets the number; 0 (the
 * default) aligns in the calling thread: on 2 cores, where the extraction processes already take
 * the second core, threads made ingest slower (each thread prepares texts again; docs/benchmarks.md,
 * Ingest). Idle threads do not keep a process alive.
 */
let threads = 0;
let pool: Piscina | null = null;

/** Sets the number of analysis threads (before the first alignment; a running pool is replaced). */
export function configureAnalysisThreads(n: number): void {
  if (n === threads) return;
  threads = n;
  const old = pool;
  pool = null;
  void old?.destroy();
}

export function analysisThreads(): number {
  return threads;
}

/** Tasks the threads have finished, and threads running now (for tests and diagnostics). */
export function analysisThreadStats(): { completed: number; threads: number } {
  return { completed: pool?.completed ?? 0, threads: pool?.threads.length ?? 0 };
}

function thePool(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./align-thread.js', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    // A thread keeps its prepared-text cache while work keeps coming; an idle one leaves after a minute.
    idleTimeout: 60_000,
  });
  return pool;
}

/**
 * Aligns the pairs of `task` and returns their results in the task's order: on the analysis
 * threads in up to one share per thread, or in this thread when threads are off.
 */
export async function alignPairs(task: AlignTask): Promise<AlignedPair[]> {
  if (task.pairs.length === 0) return [];
  if (threads === 0) return alignTask(task);
  const shares = Math.min(threads, task.pairs.length);
  // Consecutive slices: pairs of one submission stay together, so a thread prepares it once.
  const size = Math.ceil(task.pairs.length / shares);
  const parts: AlignTask[] = [];
  for (let i = 0; i < task.pairs.length; i += size) {
    const pairs = task.pairs.slice(i, i + size);
    const texts: Record<number, string> = {};
    for (const p of pairs) {
      texts[p.submissionId] = task.texts[p.submissionId];
      texts[p.sourceId] = task.texts[p.sourceId];
    }
    parts.push({ ...task, pairs, texts });
  }
  const results = await Promise.all(parts.map((part) => thePool().run(part) as Promise<AlignedPair[]>));
  return results.flat();
}

/** Stops the analysis threads (a process that ends; tests). */
export async function closeAnalysisThreads(): Promise<void> {
  const old = pool;
  pool = null;
  await old?.destroy();
}
