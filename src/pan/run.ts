import { mkdirSync } from 'node:fs';
import type { Passage } from '../engine/text/index.js';
import { readPanPairs, readPanTruth } from './corpus.js';
import type { PanPair } from './corpus.js';
import { alignTakenGroups, groupBySuspicious } from './align-pairs.js';
import { AligningThread } from './aligning-thread.js';
import type { Annotation, Measures } from './measures.js';
import { panMeasures } from './measures.js';
import { pairDetections, writePairDetections } from './detections.js';

export interface PanRunResult {
  pairs: number;
  /** Wall-clock seconds since the process started (process start included). */
  seconds: number;
  pairsPerSecond: number;
  /** Measures per sub-corpus and "entire", when the corpus has truth files. */
  measures?: Record<string, Measures>;
}

export interface PanRunOptions {
  /** Threads: 1 aligns on this thread alone; 2 (or more) adds a second thread taking pairs from the same list. */
  workers?: number;
  /** The second thread, when the caller started it already (`AligningThread`; implies 2 threads). */
  thread?: AligningThread;
}

/**
 * Runs text alignment on every pair of a PAN corpus, writes one detection XML per pair into
 * `outDir`, and scores the detections when the corpus has truth files. With two threads, both
 * take groups of pairs from one shared counter (aligning-thread.ts); the detections are the
 * same as with one.
 */
export async function runPan(corpusDir: string, outDir: string, options: PanRunOptions = {}): Promise<PanRunResult> {
  const threads = options.thread ? 2 : Math.max(1, options.workers ?? 1);
  const thread = threads > 1 ? options.thread ?? new AligningThread(corpusDir, outDir) : null;
  const passages: Passage[][] = [];
  let pairs: PanPair[];
  try {
    if (thread && (thread.corpusDir !== corpusDir || thread.outDir !== outDir)) throw new Error('the second thread reads another corpus or writes another folder');
    pairs = readPanPairs(corpusDir, { truth: false });
    const jobs = pairs.map((p) => ({ susp: p.susp, src: p.src }));
    mkdirSync(outDir, { recursive: true });
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

  const truth = new Map<string, { cases: Annotation[]; found: Annotation[] }>();
  let hasTruth = false;
  pairs.forEach((pair, i) => {
    if (pair.truth) {
      hasTruth = true;
      for (const name of [pair.subCorpus || 'entire', 'entire']) {
        let t = truth.get(name);
        if (!t) truth.set(name, t = { cases: [], found: [] });
        t.cases.push(...pair.truth);
        t.found.push(...pairDetections(pair, passages[i]));
        if (name === 'entire') break;
      }
    }
  });
  const seconds = process.uptime();
  const result: PanRunResult = { pairs: pairs.length, seconds: Number(seconds.toFixed(3)), pairsPerSecond: Number((pairs.length / seconds).toFixed(1)) };
  if (hasTruth) {
    const entire = truth.get('entire');
    truth.delete('entire');
    const measures: Record<string, Measures> = {};
    for (const [name, t] of [...truth].sort((a, b) => a[0].localeCompare(b[0]))) measures[name] = round(panMeasures(t.cases, t.found));
    if (entire) measures.entire = round(panMeasures(entire.cases, entire.found));
    result.measures = measures;
  }
  return result;
}

function round(m: Measures): Measures {
  const r = (x: number) => Number(x.toFixed(4));
  return { ...m, precision: r(m.precision), recall: r(m.recall), granularity: r(m.granularity), plagdet: r(m.plagdet) };
}
