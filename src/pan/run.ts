import { mkdirSync, writeFile } from 'node:fs';
import { join } from 'node:path';
import { alignTexts, loadStemmers, needsSnowball, prepareText } from '../engine/index.js';
import type { PreparedText } from '../engine/index.js';
import { readPanPairs, readPanText, pairFileName } from './corpus.js';
import type { Annotation, Measures } from './measures.js';
import { panMeasures } from './measures.js';
import { detectionXml } from './xml.js';

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
export async function runPan(corpusDir: string, outDir: string): Promise<PanRunResult> {
  const pairs = readPanPairs(corpusDir);
  mkdirSync(outDir, { recursive: true });
  const cache = new Map<string, PreparedText>();
  let snowballLoaded = false;
  const prepared = async (folder: 'susp' | 'src', name: string): Promise<PreparedText> => {
    const key = `${folder}/${name}`;
    let p = cache.get(key);
    if (!p) {
      const text = readPanText(corpusDir, folder, name);
      p = prepareText(text);
      if (p.stemmer === null && needsSnowball(p.language) && !snowballLoaded) {
        await loadStemmers();
        snowballLoaded = true;
        p = prepareText(text);
      }
      cache.set(key, p);
    }
    return p;
  };

  const truth = new Map<string, { cases: Annotation[]; found: Annotation[] }>();
  let hasTruth = false;
  const writes: Promise<void>[] = [];
  for (const pair of pairs) {
    const susp = await prepared('susp', pair.susp);
    const src = await prepared('src', pair.src);
    const found: Annotation[] = alignTexts(susp, src).map((p) => ({
      doc: pair.susp, offset: p.offset, length: p.length, source: pair.src, sourceOffset: p.sourceOffset, sourceLength: p.sourceLength,
    }));
    // Written in the background (libuv's thread pool) while the next pairs are aligned.
    writes.push(new Promise<void>((done, fail) => {
      writeFile(join(outDir, pairFileName(pair.susp, pair.src)), detectionXml(pair.susp, found), (err) => (err ? fail(err) : done()));
    }));
    if (pair.truth) {
      hasTruth = true;
      for (const name of [pair.subCorpus || 'entire', 'entire']) {
        let t = truth.get(name);
        if (!t) truth.set(name, t = { cases: [], found: [] });
        t.cases.push(...pair.truth);
        t.found.push(...found);
        if (name === 'entire') break;
      }
    }
  }
  await Promise.all(writes);
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
