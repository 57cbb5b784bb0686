import { mkdirSync } from 'node:fs';
import type { Passage } from '../engine/text/index.js';
import { readPanPairs, readPanTruth, pairFileName } from './corpus.js';
import type { PanPair } from './corpus.js';
import { alignPairs } from './align-pairs.js';
import { alignPairsPipelined } from './pipelined-align.js';
import { PreparingThread } from './preparing-thread.js';
import type { Annotation, Measures } from './measures.js';
import { panMeasures } from './measures.js';
import { detectionXml } from './xml.js';
import { BackgroundFileWriter } from './file-writer.js';

export interface PanRunResult {
  pairs: number;
  /** Wall-clock seconds since the process started (process start included). */
  seconds: number;
  pairsPerSecond: number;
  /** Measures per sub-corpus and "entire", when the corpus has truth files. */
  measures?: Record<string, Measures>;
}

/**
 * Runs text alignment on every pair of a PAN corpus, writes one detection XML per pair into
 * `outDir`, and scores the detections when the corpus has truth files.
 */
export interface PanRunOptions {
  /** Threads: 1 aligns on this thread alone; 2 or more adds a thread preparing the documents. */
  workers?: number;
  /** The preparing thread, when the caller started it already (`PreparingThread`; implies 2 threads). */
  preparing?: PreparingThread;
}

export async function runPan(corpusDir: string, outDir: string, options: PanRunOptions = {}): Promise<PanRunResult> {
  const pairs = readPanPairs(corpusDir, { truth: false });
  mkdirSync(outDir, { recursive: true });
  const found = (i: number, ps: Passage[]): Annotation[] =>
    ps.map((p) => ({ doc: pairs[i].susp, offset: p.offset, length: p.length, source: pairs[i].src, sourceOffset: p.sourceOffset, sourceLength: p.sourceLength }));
  // Each pair's file is written on another thread as soon as the pair is aligned.
  let writer: BackgroundFileWriter | null = null;
  const write = (i: number, ps: Passage[]) => {
    writer ??= new BackgroundFileWriter(outDir);
    writer.write(pairFileName(pairs[i].susp, pairs[i].src), detectionXml(pairs[i].susp, found(i, ps)));
  };
  let passages: Passage[][];
  try {
    // The truth files are read while the preparing thread starts (with two threads).
    const aligned = alignAll(corpusDir, pairs, options, write);
    readPanTruth(corpusDir, pairs);
    passages = await aligned;
  } catch (err) {
    await (writer as BackgroundFileWriter | null)?.close().catch(() => undefined);
    throw err;
  }
  await (writer as BackgroundFileWriter | null)?.close();

  const truth = new Map<string, { cases: Annotation[]; found: Annotation[] }>();
  let hasTruth = false;
  pairs.forEach((pair, i) => {
    if (pair.truth) {
      hasTruth = true;
      for (const name of [pair.subCorpus || 'entire', 'entire']) {
        let t = truth.get(name);
        if (!t) truth.set(name, t = { cases: [], found: [] });
        t.cases.push(...pair.truth);
        t.found.push(...found(i, passages[i]));
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

/**
 * Aligns all pairs, calling `onPair` once per pair: on this thread alone (1 thread), or with a
 * second thread preparing the documents while this one aligns (2 or more; a third thread would
 * find nothing of its own to do in this pipeline). The detections are the same either way.
 */
async function alignAll(corpusDir: string, pairs: readonly PanPair[], options: PanRunOptions, onPair: (index: number, passages: Passage[]) => void): Promise<Passage[][]> {
  const jobs = pairs.map((p) => ({ susp: p.susp, src: p.src }));
  const threads = options.preparing ? 2 : Math.max(1, options.workers ?? 1);
  if (threads <= 1) return alignPairs(corpusDir, jobs, onPair);
  const thread = options.preparing ?? new PreparingThread(corpusDir);
  if (thread.corpusDir !== corpusDir) throw new Error('the preparing thread reads another corpus');
  return alignPairsPipelined(thread, jobs, onPair);
}
