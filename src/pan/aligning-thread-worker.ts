/** The thread of `AligningThread`: takes groups of pairs from the shared counter until none is left. */
import { makeFoldersSync } from '../files/make-folders.js';
import { parentPort, workerData } from 'node:worker_threads';
import type { Passage } from '../engine/text/index.js';
import { alignTakenGroups, groupBySuspicious } from './align-pairs.js';
import type { AligningThreadMessage } from './aligning-thread.js';
import { readPanPairs } from './corpus.js';
import { writePairDetections } from './detections.js';

const { corpusDir, outDir, next } = workerData as { corpusDir: string; outDir: string; next: SharedArrayBuffer };

async function run(): Promise<void> {
  const jobs = readPanPairs(corpusDir, { truth: false }).map((p) => ({ susp: p.susp, src: p.src }));
  makeFoldersSync(outDir);
  const results: [number, Passage[]][] = [];
  await alignTakenGroups(corpusDir, jobs, groupBySuspicious(jobs), new Int32Array(next), (i, passages) => {
    writePairDetections(outDir, jobs[i], passages);
    results.push([i, passages]);
  });
  parentPort!.postMessage({ pairs: jobs.length, results } satisfies AligningThreadMessage);
}

// The message only: the main thread reports it as the run's error, as a one-thread run would.
run().catch((err: unknown) => parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) } satisfies AligningThreadMessage));
