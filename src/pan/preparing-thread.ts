/**
 * Starts the preparing thread of a two-thread `origo pan` (prepare-thread.ts) as early as
 * possible: `origo pan` calls this before it loads the engine and the rest of the run (~0.1 s
 * on this machine), and the thread reads the pair lists and starts preparing meanwhile. This
 * module loads nothing else. What the thread sends before the main thread listens is kept.
 */
import { Worker } from 'node:worker_threads';
import type { PrepareMessage } from './prepared-messages.js';

export class PreparingThread {
  readonly worker: Worker;
  /** Pairs the main thread has aligned (shared memory: the preparing thread stays close ahead). */
  readonly consumed = new Int32Array(new SharedArrayBuffer(4));
  private queued: PrepareMessage[] = [];
  private failure: Error | null = null;
  private listener: ((m: PrepareMessage) => void) | null = null;
  private failed: ((err: Error) => void) | null = null;

  constructor(readonly corpusDir: string) {
    this.worker = new Worker(new URL('./prepare-thread.js', import.meta.url), { workerData: { corpusDir, consumed: this.consumed.buffer } });
    this.worker.on('message', (m: PrepareMessage) => {
      if (this.listener) this.listener(m);
      else this.queued.push(m);
    });
    const fail = (err: Error) => {
      this.failure ??= err;
      this.failed?.(err);
    };
    this.worker.once('error', fail);
    this.worker.once('exit', (code) => fail(new Error(`preparing thread exited (code ${code})`)));
  }

  /** Hands the messages (those queued first) to `listener`, and the thread's failure or exit to `failed`. */
  listen(listener: (m: PrepareMessage) => void, failed: (err: Error) => void): void {
    this.listener = listener;
    this.failed = failed;
    const queued = this.queued;
    this.queued = [];
    for (const m of queued) listener(m);
    if (this.failure) failed(this.failure);
  }

  /** The main thread has aligned `n` pairs. */
  aligned(n: number): void {
    Atomics.store(this.consumed, 0, n);
    Atomics.notify(this.consumed, 0);
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
