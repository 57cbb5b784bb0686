/**
 * `origo pan` on two threads, as a pipeline: a worker thread reads and prepares the documents
 * (prepare-thread.ts) while the main thread aligns the pairs. Each stage's code is compiled by
 * one thread only: splitting the pairs between two threads that each prepare and align made
 * both compile (and warm up) everything, which cost more than it saved on 2 cores.
 */
import { Worker } from 'node:worker_threads';
import { alignInputs } from '../engine/text/index.js';
import type { AlignmentInput, Passage } from '../engine/text/index.js';
import { docKey, lastUses } from './align-pairs.js';
import type { PairJob } from './align-pairs.js';
import { DocumentDecoder } from './prepared-messages.js';
import type { PrepareMessage } from './prepared-messages.js';

/** Aligns the pairs in order, `onPair` hearing of each as soon as it is aligned. */
export function alignPairsPipelined(corpusDir: string, jobs: readonly PairJob[], onPair?: (index: number, passages: Passage[]) => void): Promise<Passage[][]> {
  const consumedBuffer = new SharedArrayBuffer(4);
  const consumed = new Int32Array(consumedBuffer);
  const worker = new Worker(new URL('./prepare-thread.js', import.meta.url), { workerData: { corpusDir, jobs, consumed: consumedBuffer } });
  const last = lastUses(jobs);
  const cache = new Map<string, AlignmentInput>();
  const decoder = new DocumentDecoder();
  const out: Passage[][] = new Array(jobs.length);
  let next = 0;
  return new Promise<Passage[][]>((done, fail) => {
    let failed = false;
    const stop = (err: unknown) => {
      if (failed) return;
      failed = true;
      void worker.terminate();
      fail(err);
    };
    worker.on('message', (m: PrepareMessage) => {
      if (failed) return;
      if ('error' in m) { stop(new Error(m.error)); return; }
      try {
        for (const item of m.items) {
          if (item.i !== next) throw new Error(`pair ${item.i} arrived, ${next} expected`);
          for (const [key, input] of decoder.decode(item)) cache.set(key, input);
          const job = jobs[item.i];
          const susp = docKey('susp', job.susp);
          const src = docKey('src', job.src);
          let passages = item.passages;
          if (!passages) {
            const a = cache.get(susp);
            const b = cache.get(src);
            if (!a || !b) throw new Error(`pair ${item.i}: documents not sent`);
            passages = alignInputs(a, b);
          }
          for (const key of [susp, src]) if (last.get(key) === item.i) cache.delete(key);
          out[item.i] = passages;
          next++;
          Atomics.store(consumed, 0, next);
          Atomics.notify(consumed, 0);
          onPair?.(item.i, passages);
        }
      } catch (err) {
        stop(err);
        return;
      }
      if (next === jobs.length) done(out);
    });
    worker.once('error', stop);
    worker.once('exit', (code) => { if (next < jobs.length) stop(new Error(`preparing thread exited (code ${code}) after ${next} of ${jobs.length} pairs`)); });
  });
}
