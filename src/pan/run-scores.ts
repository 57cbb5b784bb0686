import type { Passage } from '../engine/text/types.js';
import type { PanPair } from './corpus.js';
import type { Annotation, Measures } from './measures.js';
import { panMeasures } from './measures.js';
import { pairDetections } from './detections.js';
import type { PanRunResult } from './run.js';

/** The run's figures: pairs, time since the process started, and the measures when there is truth. */
export function scoreRun(pairs: PanPair[], passages: Passage[][]): PanRunResult {
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
