/**
 * A helper thread of `compareInThreads` (compare-threads.ts). It tokenises and prepares
 * submissions, taking the next untaken index from a counter shared with the other threads, and
 * posts them back in batches; then it matches the slice of rows it is sent and posts the figures back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { matchPlanRows, prepareForComparison, type CodeCompareOptions, type CodeComparisonPlan, type PreparedSubmission } from '../engine/code/index.js';
import { tokenizeSubmission } from './compare-sources.js';
import type { SourceSubmission } from './source-files.js';

export interface CompareWorkerData {
  subs: SourceSubmission[];
  language?: string;
  /** The comparison's k-gram settings, for `prepareForComparison`. */
  preparation: Pick<CodeCompareOptions, 'kgramLength' | 'windowLength' | 'canonicalOrder'>;
  /** next[0]: the next submission index to tokenise, shared by every thread. */
  next: Int32Array;
}

export type CompareWorkerMessage =
  | { type: 'tokens'; items: [number, PreparedSubmission][]; done: boolean }
  | { type: 'matched'; similarity: Float64Array; longestFragment: Uint32Array; fragments: [number, unknown][] }
  | { type: 'error'; message: string };

const port = parentPort!;
const { subs, language, preparation, next } = workerData as CompareWorkerData;
const BATCH = 32;

async function tokenizeShare(): Promise<void> {
  let items: [number, PreparedSubmission][] = [];
  for (let i = Atomics.add(next, 0, 1); i < subs.length; i = Atomics.add(next, 0, 1)) {
    items.push([i, prepareForComparison(await tokenizeSubmission(subs[i], language), preparation)]);
    if (items.length === BATCH) {
      port.postMessage({ type: 'tokens', items, done: false } satisfies CompareWorkerMessage);
      items = [];
    }
  }
  port.postMessage({ type: 'tokens', items, done: true } satisfies CompareWorkerMessage);
}

function fail(err: unknown): void {
  port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies CompareWorkerMessage);
}

port.on('message', (msg: { type: 'match'; plan: CodeComparisonPlan }) => {
  try {
    const m = matchPlanRows(msg.plan);
    const reply: CompareWorkerMessage = { type: 'matched', similarity: m.similarity, longestFragment: m.longestFragment, fragments: [...m.fragments] };
    port.postMessage(reply, [m.similarity.buffer as ArrayBuffer, m.longestFragment.buffer as ArrayBuffer]);
  } catch (err) {
    fail(err);
  }
});

tokenizeShare().catch(fail);
