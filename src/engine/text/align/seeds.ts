import type { SentenceModel } from './sentence-model.js';

/** A seed: a sentence unit of the submission and one of the source that are similar. */
export interface Seed { s: number; r: number }

/** Per-pair weights: tf-isf, with the inverse sentence frequency over the units of both texts. */
export interface PairWeights {
  isf: (term: number) => number;
  normS: Float64Array;
  normR: Float64Array;
}

export function pairWeights(S: SentenceModel, R: SentenceModel): PairWeights {
  const n = S.start.length + R.start.length;
  const memo = new Map<number, number>();
  const isf = (t: number): number => {
    let v = memo.get(t);
    if (v === undefined) {
      v = Math.log(n / ((S.df.get(t) ?? 0) + (R.df.get(t) ?? 0)));
      memo.set(t, v);
    }
    return v;
  };
  const norms = (M: SentenceModel) => {
    const out = new Float64Array(M.start.length);
    for (let u = 0; u < out.length; u++) {
      let sum = 0;
      for (let k = M.termStart[u]; k < M.termStart[u + 1]; k++) {
        const w = M.counts[k] * isf(M.terms[k]);
        sum += w * w;
      }
      out[u] = Math.sqrt(sum);
    }
    return out;
  };
  return { isf, normS: norms(S), normR: norms(R) };
}

/**
 * Seeding as in Sanchez-Perez et al. (PAN 2014): a pair of units is a seed when both the cosine
 * of their tf-isf vectors and the Dice coefficient of their term sets exceed the thresholds.
 * Only unit pairs sharing a term are scored (an inverted index over the source's units).
 */
export function findSeeds(S: SentenceModel, R: SentenceModel, W: PairWeights, minCosine: number, minDice: number): Seed[] {
  const nR = R.start.length;
  const dot = new Float64Array(nR);
  const shared = new Int32Array(nR);
  const touched: number[] = [];
  const seeds: Seed[] = [];
  for (let s = 0; s < S.start.length; s++) {
    const sSize = S.termStart[s + 1] - S.termStart[s];
    for (let k = S.termStart[s]; k < S.termStart[s + 1]; k++) {
      const t = S.terms[k];
      const list = R.postings.get(t);
      if (!list) continue;
      const isf = W.isf(t);
      const ws = S.counts[k] * isf;
      for (let q = 0; q < list.length; q += 2) {
        const r = list[q];
        if (shared[r] === 0) touched.push(r);
        shared[r]++;
        dot[r] += ws * list[q + 1] * isf;
      }
    }
    for (const r of touched) {
      const rSize = R.termStart[r + 1] - R.termStart[r];
      const denom = W.normS[s] * W.normR[r];
      const cos = denom > 0 ? dot[r] / denom : 0;
      const dice = (2 * shared[r]) / (sSize + rSize);
      if (cos > minCosine && dice > minDice) seeds.push({ s, r });
      dot[r] = 0;
      shared[r] = 0;
    }
    touched.length = 0;
  }
  return seeds;
}
