/**
 * The second thread of `origo pan` (aligning-thread-worker.ts). Both threads read the same
 * pair list and take groups of pairs (one suspicious document each) from one shared counter,
 * `next`, so they finish together whatever each costs; each prepares the documents of its own
 * groups and writes their detection files. The thread sends its passages once, at its end.
 * `origo pan` starts it before it loads the engine, so its start overlaps the main thread's;
 * this module loads nothing else.
 */
import { Worker } from 'node:worker_threads';
import type { Passage } from '../engine/text/index.js';

/** The thread's last message: its pairs' passages by pair index, or why it failed. */
export type AligningThreadMessage = { pairs: number; results: [number, Passage[]][] } | { error: string };

export class AligningThread {
  /** Index 0: the next group of pairs to take, shared by both threads. */
  readonly next = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;
  private readonly finished: Promise<{ pairs: number; results: [number, Passage[]][] }>;

  constructor(readonly corpusDir: string, readonly outDir: string) {
    this.worker = new Worker(new URL('./aligning-thread-worker.js', import.meta.url), { workerData: { corpusDir, outDir, next: this.next.buffer } });
    this.finished = new Promise((done, fail) => {
      this.worker.once('message', (m: AligningThreadMessage) => ('error' in m ? fail(new Error(m.error)) : done(m)));
      this.worker.once('error', fail);
      this.worker.once('exit', (code) => fail(new Error(`the aligning thread exited (code ${code})`)));
    });
    // Observed by result(); a thread stopped early must not reject unobserved.
    this.finished.catch(() => undefined);
  }

  /** The passages of the pairs this thread aligned (rejects with its failure). */
  result(): Promise<{ pairs: number; results: [number, Passage[]][] }> {
    return this.finished;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
