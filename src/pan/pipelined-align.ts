/**
 * `origo pan` on two threads, as a pipeline: a worker thread reads and prepares the documents
 * (prepare-thread.ts) while the main thread aligns the pairs. Each stage's code is compiled by
 * one thread only: splitting the pairs between two threads that each prepare and align made
 * both compile (and warm up) everything, which cost more than it saved on 2 cores.
 */
import { alignInputs } from '../engine/text/index.js';
import type { AlignmentInput, Passage } from '../engine/text/index.js';
import { docKey, lastUses } from './align-pairs.js';
import type { PairJob } from './align-pairs.js';
import { DocumentDecoder } from './prepared-messages.js';
import type { PrepareMessage } from './prepared-messages.js';
import type { PreparingThread } from './preparing-thread.js';

/**
 * Aligns the pairs in order with the documents `thread` prepares (it reads the same pair lists),
 * `onPair` hearing of each pair as soon as it is aligned.
 */
export function alignPairsPipelined(thread: PreparingThread, jobs: readonly PairJob[], onPair?: (index: number, passages: Passage[]) => void): Promise<Passage[][]> {
  const last = lastUses(jobs);
  const cache = new Map<string, AlignmentInput>();
  const decoder = new DocumentDecoder();
  const out: Passage[][] = new Array(jobs.length);
  let next = 0;
  return new Promise<Passage[][]>((done, fail) => {
    let finished = false;
    const stop = (err: unknown) => {
      if (finished) return;
      finished = true;
      void thread.stop();
      fail(err);
    };
    thread.listen((m: PrepareMessage) => {
      if (finished) return;
      if ('error' in m) { stop(new Error(m.error)); return; }
      try {
        if (m.pairs !== jobs.length) throw new Error(`the preparing thread read ${m.pairs} pairs, this one ${jobs.length}`);
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
          thread.aligned(next);
          onPair?.(item.i, passages);
        }
      } catch (err) {
        stop(err);
        return;
      }
      if (next === jobs.length) { finished = true; done(out); }
    }, (err) => { if (next < jobs.length) stop(err); });
  });
}
