/**
 * Writes many small files from a worker thread. Creating a file costs ~0.3 ms of system time on
 * our machines (ext4 on a virtual disk), and a PAN run writes one per pair: done with async
 * `writeFile`, the open, write and close callbacks still run on the main thread between
 * alignments (~0.1-0.2 s of a ~1.2 s run). Here the main thread only posts the files' names and
 * texts, a batch of BATCH files per message (one message per file cost the main thread ~30 ms
 * of a PAN run); the worker writes them one after another on the other core.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Files posted to the worker per message. */
const BATCH = 16;

export class BackgroundFileWriter {
  private readonly worker: Worker | null;
  private pending: [string, string][] = [];
  private readonly finished: Promise<void>;

  constructor(private readonly dir: string) {
    let worker: Worker | null = null;
    try {
      worker = new Worker(new URL('./file-writer-worker.js', import.meta.url), { workerData: { dir } });
    } catch {
      worker = null;
    }
    this.worker = worker;
    this.finished = worker
      ? new Promise<void>((done, fail) => {
          worker!.on('message', (m: { error?: string }) => (m.error ? fail(new Error(m.error)) : done()));
          worker!.once('error', fail);
          worker!.once('exit', (code) => (code === 0 ? done() : fail(new Error(`file writer exited with ${code}`))));
        })
      : Promise.resolve();
    // A failure surfaces in close(); until then nothing may reject unobserved.
    this.finished.catch(() => undefined);
  }

  write(name: string, text: string): void {
    if (!this.worker) { writeFileSync(join(this.dir, name), text); return; }
    this.pending.push([name, text]);
    if (this.pending.length >= BATCH) this.flush();
  }

  private flush(): void {
    if (this.pending.length) this.worker?.postMessage(this.pending);
    this.pending = [];
  }

  /** Resolves when every file is written (rejects with the first write error). */
  async close(): Promise<void> {
    this.flush();
    this.worker?.postMessage(null);
    await this.finished;
  }
}
