/**
 * Code comparison on several threads. Tokenising (tree-sitter) and pair matching are most of a
 * large comparison's time and both split cleanly: every thread tokenises the next untaken
 * submission until none is left, the main thread builds the plan (fingerprints, exclusions,
 * shared-fingerprint index), and the rows of the pair triangle are matched in slices of about
 * equal work, one per thread. The result is the same as on one thread, pair for pair; if a helper
 * thread fails, the main thread does its part.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  comparisonOf,
  matchPlanRows,
  planPrepared,
  prepareForComparison,
  planSlice,
  rowStart,
  type CodeCompareOptions,
  type CodeComparison,
  type CodeComparisonPlan,
  type CodeFragment,
  type CodeSubmission,
  type PreparedSubmission,
  type RowMatches,
} from '../engine/code/index.js';
import type { CompareWorkerData, CompareWorkerMessage } from './compare-worker.js';
import type { SourceSubmission } from './source-files.js';

/** Below this many submissions a comparison runs on one thread (starting a thread costs ~0.1 s). */
export const THREADS_MIN_SUBMISSIONS = 150;

/** Threads used by default: one per core, at most 4, and one for small comparisons. */
export function defaultThreads(submissions: number): number {
  return submissions < THREADS_MIN_SUBMISSIONS ? 1 : Math.max(1, Math.min(4, availableParallelism()));
}

type Tokenize = (sub: SourceSubmission) => Promise<CodeSubmission>;

interface Helper {
  worker: Worker;
  /** Resolves when the helper has tokenised its last submission (false: it failed). */
  tokenized: Promise<boolean>;
  /** The next 'matched' or 'error' message. */
  matched(): Promise<Extract<CompareWorkerMessage, { type: 'matched' }> | undefined>;
}

function startHelper(data: CompareWorkerData, onTokens: (items: [number, PreparedSubmission][]) => void): Helper {
  // A worker inherits the process's Node options; --input-type (node -e) would stop it loading a file.
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
  const worker = new Worker(new URL('./compare-worker.js', import.meta.url), { workerData: data, execArgv });
  let failed = false;
  let settleTokenized: (ok: boolean) => void = () => {};
  const tokenized = new Promise<boolean>((resolve) => (settleTokenized = resolve));
  let settleMatched: (m: Extract<CompareWorkerMessage, { type: 'matched' }> | undefined) => void = () => {};
  const fail = () => {
    failed = true;
    settleTokenized(false);
    settleMatched(undefined);
  };
  worker.on('message', (msg: CompareWorkerMessage) => {
    if (msg.type === 'tokens') {
      onTokens(msg.items);
      if (msg.done) settleTokenized(true);
    } else if (msg.type === 'matched') settleMatched(msg);
    else fail();
  });
  worker.on('error', fail);
  worker.on('exit', fail);
  return {
    worker,
    tokenized,
    matched: () => (failed ? Promise.resolve(undefined) : new Promise((resolve) => (settleMatched = resolve))),
  };
}

/**
 * Row boundaries splitting the plan's pair matching into `parts` slices of about equal work (a
 * candidate pair costs about as much as a few of its shared fingerprints).
 */
export function balancedRows(plan: CodeComparisonPlan, parts: number): number[] {
  const n = plan.subs.length;
  const rowCost = new Float64Array(n);
  let total = 0;
  for (let i = 0, p = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, p++) if (plan.shared[p] > 0) rowCost[i] += 4 + plan.shared[p];
    total += rowCost[i];
  }
  const bounds = [0];
  let acc = 0;
  for (let i = 0; i < n && bounds.length < parts; i++) {
    acc += rowCost[i];
    if (acc >= (total * bounds.length) / parts) bounds.push(i + 1);
  }
  while (bounds.length < parts) bounds.push(n);
  bounds.push(n);
  return bounds;
}

export async function compareInThreads(
  submissions: readonly SourceSubmission[],
  tokenize: Tokenize,
  language: string | undefined,
  options: CodeCompareOptions,
  threads: number,
  onTokenized?: (done: number, total: number) => void,
): Promise<CodeComparison> {
  const n = submissions.length;
  const prepared: (PreparedSubmission | undefined)[] = new Array(n);
  let done = 0;
  const got = (items: [number, PreparedSubmission][]) => {
    for (const [i, sub] of items) prepared[i] = sub;
    done += items.length;
    if (items.length) onTokenized?.(done, n);
  };
  const next = new Int32Array(new SharedArrayBuffer(4));
  const helpers: Helper[] = [];
  try {
    for (let t = 1; t < threads; t++) helpers.push(startHelper({ subs: submissions as SourceSubmission[], language, preparation: { kgramLength: options.kgramLength, windowLength: options.windowLength, canonicalOrder: options.canonicalOrder }, next }, got));
  } catch {
    // No helper thread could start: the main thread does all of it.
  }
  try {
    for (let i = Atomics.add(next, 0, 1); i < n; i = Atomics.add(next, 0, 1)) got([[i, prepareForComparison(await tokenize(submissions[i]), options)]]);
    const ok = await Promise.all(helpers.map((h) => h.tokenized));
    // What a failed helper took and did not deliver is tokenised here.
    for (let i = 0; i < n; i++) if (!prepared[i]) got([[i, prepareForComparison(await tokenize(submissions[i]), options)]]);
    const plan = planPrepared(prepared as PreparedSubmission[], options);
    const working = helpers.filter((_, x) => ok[x]);
    const bounds = balancedRows(plan, working.length + 1);
    const replies = working.map((h, x) => {
      const slice = planSlice(plan, bounds[x + 1], bounds[x + 2]);
      h.worker.postMessage({ type: 'match', plan: slice }, [slice.shared.buffer as ArrayBuffer, slice.offsets.buffer as ArrayBuffer, slice.sharedSeeds.buffer as ArrayBuffer]);
      return h.matched();
    });
    const own = matchPlanRows({ ...plan, rows: bounds[1] }, options.onProgress);
    const all: RowMatches = {
      similarity: new Float64Array(rowStart(n, n)),
      longestFragment: new Uint32Array(rowStart(n, n)),
      fragments: own.fragments,
    };
    all.similarity.set(own.similarity);
    all.longestFragment.set(own.longestFragment);
    for (let x = 0; x < working.length; x++) {
      const from = bounds[x + 1], to = bounds[x + 2];
      const p0 = rowStart(from, n);
      let part: RowMatches | undefined;
      const reply = await replies[x];
      if (reply) part = { similarity: reply.similarity, longestFragment: reply.longestFragment, fragments: new Map(reply.fragments as [number, CodeFragment[]][]) };
      else part = matchPlanRows(planSlice(plan, from, to));
      all.similarity.set(part.similarity, p0);
      all.longestFragment.set(part.longestFragment, p0);
      for (const [p, f] of part.fragments) all.fragments.set(p0 + p, f);
      options.onProgress?.(to, n);
    }
    return comparisonOf(plan, all);
  } finally {
    for (const h of helpers) void h.worker.terminate();
  }
}
