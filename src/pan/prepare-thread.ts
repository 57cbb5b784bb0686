/**
 * The preparing thread of `origo pan` with two threads (pipelined-align.ts): reads the pair
 * lists of the corpus (as the main thread does), then reads and prepares the documents pair after pair and sends the main thread, per pair, the alignment inputs it
 * lacks; pairs across languages it aligns itself (they need the whole prepared texts and the
 * dictionaries). It stays at most `AHEAD` pairs ahead of the main thread (`consumed`, shared
 * memory: pairs the main thread has aligned), and sends a batch as soon as the main thread has
 * caught up, else every `BATCH` pairs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { alignAcrossLanguages, docKey, DocumentPreparer, sameLanguagePair } from './align-pairs.js';
import type { PairJob } from './align-pairs.js';
import { readPanPairs } from './corpus.js';
import { DocumentEncoder } from './prepared-messages.js';
import type { PairItem, PrepareMessage } from './prepared-messages.js';

/** Pairs per message at most (one message per pair costs the main thread more). */
const BATCH = 16;
/** Pairs prepared ahead of the main thread at most (bounds the memory of queued documents). */
const AHEAD = 128;

const { corpusDir, consumed: shared } = workerData as { corpusDir: string; consumed: SharedArrayBuffer };
const consumed = new Int32Array(shared);

async function run(): Promise<void> {
  const jobs: PairJob[] = readPanPairs(corpusDir, { truth: false }).map((p) => ({ susp: p.susp, src: p.src }));
  const docs = new DocumentPreparer(corpusDir, jobs);
  const encoder = new DocumentEncoder();
  const sent = new Set<string>();
  let batch: PairItem[] = [];
  let posted = 0;
  const flush = () => {
    if (!batch.length) return;
    parentPort!.postMessage({ pairs: jobs.length, items: batch } satisfies PrepareMessage);
    posted += batch.length;
    batch = [];
  };
  for (const [i, job] of jobs.entries()) {
    for (let done = Atomics.load(consumed, 0); i - done >= AHEAD; done = Atomics.load(consumed, 0)) {
      flush();
      Atomics.wait(consumed, 0, done, 100);
    }
    const susp = await docs.get('susp', job.susp);
    const src = await docs.get('src', job.src);
    const item: PairItem = { i, docs: [] };
    if (sameLanguagePair(susp, src)) {
      for (const [key, p] of [[docKey('susp', job.susp), susp], [docKey('src', job.src), src]] as const) {
        if (sent.has(key)) continue;
        sent.add(key);
        encoder.add(item, key, p);
      }
    } else {
      item.passages = alignAcrossLanguages(susp, src);
    }
    docs.release(i, job);
    batch.push(item);
    // The main thread waits when it has aligned every pair sent.
    if (batch.length >= BATCH || Atomics.load(consumed, 0) >= posted) flush();
  }
  flush();
}

// The message only: the main thread reports it as the run's error, as a one-thread run would.
run().catch((err: unknown) => parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) } satisfies PrepareMessage));
