import { makeFoldersSync } from '../files/make-folders.js';
import type { Passage } from '../engine/text/index.js';
import { readPanPairs, readPanTruth } from './corpus.js';
import type { PanPair } from './corpus.js';
import { alignTakenGroups, groupBySuspicious } from './align-pairs.js';
import { AligningThread } from './aligning-thread.js';
import { writePairDetections } from './detections.js';
import { scoreRun } from './run-scores.js';
import type { PanRunResult } from './run.js';

/**
 * `runPan` with the TypeScript engine. With two threads (`workers` 2, or the second thread the
 * caller started already), both take groups of pairs from one shared counter
 * (aligning-thread.ts); the detections are the same as with one.
 */
export async function runPanTypeScript(corpusDir: string, outDir: string, workers: number | undefined, startedThread: AligningThread | undefined): Promise<PanRunResult> {
  const threads = startedThread ? 2 : Math.max(1, workers ?? 1);
  const thread = threads > 1 ? startedThread ?? new AligningThread(corpusDir, outDir) : null;
  const passages: Passage[][] = [];
  let pairs: PanPair[];
  try {
    if (thread && (thread.corpusDir !== corpusDir || thread.outDir !== outDir)) throw new Error('the second thread reads another corpus or writes another folder');
    pairs = readPanPairs(corpusDir, { truth: false });
    const jobs = pairs.map((p) => ({ susp: p.susp, src: p.src }));
    makeFoldersSync(outDir);
    const groups = groupBySuspicious(jobs);
    const taken = await alignTakenGroups(corpusDir, jobs, groups, thread?.next ?? new Int32Array(1), (i, ps) => {
      passages[i] = ps;
      writePairDetections(outDir, jobs[i], ps);
    });
    // The truth files are read while the other thread finishes its last pairs.
    readPanTruth(corpusDir, pairs);
    if (thread && taken < groups.start.length - 1) {
      const theirs = await thread.result();
      if (theirs.pairs !== jobs.length) throw new Error(`the second thread read ${theirs.pairs} pairs, this one ${jobs.length}`);
      for (const [i, ps] of theirs.results) passages[i] = ps;
    } else {
      // This thread took every group (a small corpus): the other one has nothing to send.
      await thread?.stop();
    }
  } catch (err) {
    await thread?.stop();
    throw err;
  }

  return scoreRun(pairs, passages);
}
