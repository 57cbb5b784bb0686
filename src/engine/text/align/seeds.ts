import type { SentenceModel } from './sentence-model.js';

/** A seed: a sentence unit of the submission and one of the source that are similar. */
export interface Seed {
  s: number;
  r: number;
  /** Cosine of the two units' tf-isf vectors. */
  cos: number;
  /** The cosine counting equal stems only (synonyms left out). */
  exactCos: number;
  /** Dice coefficient of the two units' term sets. */
  dice: number;
}

/**
 * Per-pair weights. Terms are tf-isf weighted, the inverse sentence frequency counted over the
 * units of both texts (as Sanchez-Perez et al.). `toR[t]` is the source term of submission term
 * t (-1 when the source lacks it).
 */
export interface PairWeights {
  isfS: Float64Array;
  isfR: Float64Array;
  toR: Int32Array;
  /** Per submission term: weight of its match (1 for the same stem, `synonymWeight` for a synonym). */
  matchWeight: Float64Array;
  /** Per submission term: 1 when it is matched to a synonym, not to the same stem. */
  synonym: Uint8Array;
  /** Norms of the submission units' vectors, computed on first use (NaN until then). */
  normS: Float64Array;
  normR: Float64Array;
}

function unitNorm(M: SentenceModel, isf: Float64Array, u: number): number {
  let sum = 0;
  for (let k = M.termStart[u]; k < M.termStart[u + 1]; k++) {
    const w = M.counts[k] * isf[M.terms[k]];
    sum += w * w;
  }
  return Math.sqrt(sum);
}

function norms(M: SentenceModel, isf: Float64Array): Float64Array {
  const out = new Float64Array(M.start.length);
  for (let u = 0; u < out.length; u++) {
    let sum = 0;
    for (let k = M.termStart[u]; k < M.termStart[u + 1]; k++) {
      const w = M.counts[k] * isf[M.terms[k]];
      sum += w * w;
    }
    out[u] = Math.sqrt(sum);
  }
  return out;
}

// Scratch: stem number -> submission term + 1 for the submission model last matched (`marked`).
let termOfStem = new Int32Array(16);
let marked: Int32Array | null = null;

/**
 * Calls `found(r, t)` for each source term r whose stem is submission term t. Models of one
 * stem generation are matched by stem number (a typed-array look-up per source term; the
 * submission's terms stay marked for the next pair with the same submission), others by stem.
 */
function matchVocabularies(S: SentenceModel, R: SentenceModel, found: (r: number, t: number) => void): void {
  if (S.stemGeneration !== R.stemGeneration) {
    const index = new Map<string, number>();
    S.vocabStem.forEach((stem, t) => index.set(S.stems[stem], t));
    for (let r = 0; r < R.vocabStem.length; r++) {
      const t = index.get(R.stems[R.vocabStem[r]]);
      if (t !== undefined) found(r, t);
    }
    return;
  }
  if (marked !== S.vocabStem) {
    if (marked) for (let t = 0; t < marked.length; t++) termOfStem[marked[t]] = 0;
    marked = null;
    for (let t = 0; t < S.vocabStem.length; t++) {
      const stem = S.vocabStem[t];
      if (stem >= termOfStem.length) { const grown = new Int32Array(Math.max(2 * termOfStem.length, stem + 1)); grown.set(termOfStem); termOfStem = grown; }
      termOfStem[stem] = t + 1;
    }
    marked = S.vocabStem;
  }
  const vs = R.vocabStem;
  for (let r = 0; r < vs.length; r++) {
    const stem = vs[r];
    const t = stem < termOfStem.length ? termOfStem[stem] - 1 : -1;
    if (t >= 0) found(r, t);
  }
}

let termOfStemR = new Int32Array(16);

/** Calls `found(r, t)` for submission terms t without an equal source term whose stem has a synonym r in the source. */
function matchSynonyms(S: SentenceModel, R: SentenceModel, toR: Int32Array, found: (r: number, t: number) => void): void {
  const syn = S.synonyms;
  if (S.stemGeneration !== R.stemGeneration || !syn || syn !== R.synonyms) return;
  const vs = R.vocabStem;
  for (let r = 0; r < vs.length; r++) {
    const stem = vs[r];
    if (stem >= termOfStemR.length) { const grown = new Int32Array(Math.max(2 * termOfStemR.length, stem + 1)); grown.set(termOfStemR); termOfStemR = grown; }
    termOfStemR[stem] = r + 1;
  }
  const limit = syn.start.length - 1;
  for (let t = 0; t < S.vocabStem.length; t++) {
    if (toR[t] >= 0) continue;
    const stem = S.vocabStem[t];
    if (stem >= limit) continue;
    for (let k = syn.start[stem]; k < syn.start[stem + 1]; k++) {
      const o = syn.list[k];
      const r = o < termOfStemR.length ? termOfStemR[o] - 1 : -1;
      if (r >= 0) { found(r, t); if (toR[t] >= 0) break; }
    }
  }
  for (let r = 0; r < vs.length; r++) termOfStemR[vs[r]] = 0;
}

/**
 * Weights of a pair. Between English texts, a submission term whose stem the source lacks is
 * matched to the source term of a synonym (WordNet, `synonyms.ts`), its products weighted by
 * `synonymWeight` (0: no synonyms).
 */
export function pairWeights(S: SentenceModel, R: SentenceModel, synonymWeight = 0): PairWeights {
  const n = S.start.length + R.start.length;
  const toR = new Int32Array(S.vocabStem.length).fill(-1);
  const dfOther = new Int32Array(S.vocabStem.length);
  const isfR = new Float64Array(R.vocabStem.length);
  const dfR = new Int32Array(R.df);
  matchVocabularies(S, R, (r, t) => { toR[t] = r; dfOther[t] = R.df[r]; dfR[r] += S.df[t]; });
  const matchWeight = new Float64Array(S.vocabStem.length).fill(1);
  const synonym = new Uint8Array(S.vocabStem.length);
  // A synonym match leaves the inverse sentence frequencies as they are: they count stems.
  if (synonymWeight > 0 && S.language === 'en' && R.language === 'en') matchSynonyms(S, R, toR, (r, t) => { toR[t] = r; matchWeight[t] = synonymWeight; synonym[t] = 1; });
  for (let r = 0; r < R.vocabStem.length; r++) isfR[r] = Math.log((n + 1) / dfR[r]);
  const isfS = new Float64Array(S.vocabStem.length);
  // Smoothed (n + 1): with one unit per text, log(n / df) would weigh every shared term 0.
  const logN = Math.log(n + 1);
  for (let t = 0; t < S.vocabStem.length; t++) isfS[t] = dfOther[t] ? Math.log((n + 1) / (S.df[t] + dfOther[t])) : logN - S.logDf[t];
  // Submission units are many and most never meet a source unit: their norms wait until needed.
  return { isfS, isfR, toR, matchWeight, synonym, normS: new Float64Array(S.start.length).fill(NaN), normR: norms(R, isfR) };
}

/**
 * Seeding as in Sanchez-Perez et al. (PAN 2014): a pair of units is a seed when both the cosine
 * of their tf-isf vectors and the Dice coefficient of their term sets exceed the thresholds.
 * Only unit pairs sharing a term are scored (the source's postings).
 */
export function findSeeds(S: SentenceModel, R: SentenceModel, W: PairWeights, minCosine: number, minDice: number): Seed[] {
  const nR = R.start.length;
  const dot = new Float64Array(nR);
  const shared = new Int32Array(nR);
  const exact = new Float64Array(nR);
  // Source units touched by the current submission unit, in first-touched order.
  const touched = new Int32Array(nR);
  const seeds: Seed[] = [];
  for (let s = 0; s < S.start.length; s++) {
    const sSize = S.termStart[s + 1] - S.termStart[s];
    const nTouched = accumulateUnit(S, R, W, s, null, dot, shared, touched, exact);
    let normS = W.normS[s];
    if (nTouched && Number.isNaN(normS)) normS = W.normS[s] = unitNorm(S, W.isfS, s);
    for (let i = 0; i < nTouched; i++) {
      const r = touched[i];
      const rSize = R.termStart[r + 1] - R.termStart[r];
      const denom = normS * W.normR[r];
      const cos = denom > 0 ? dot[r] / denom : 0;
      const dice = (2 * shared[r]) / (sSize + rSize);
      if (cos > minCosine && dice > minDice) seeds.push({ s, r, cos, dice, exactCos: denom > 0 ? exact[r] / denom : 0 });
      exact[r] = 0;
      dot[r] = 0;
      shared[r] = 0;
    }
  }
  return seeds;
}

/**
 * Adds submission unit s's tf-isf products with every source unit sharing a term (outside
 * `skipR` when given) into `dot`, counts the shared terms in `shared`, and lists the source units
 * touched, in first-touched order, in `touched`; returns how many. The caller resets `dot` and
 * `shared` for those units.
 */
function accumulateUnit(S: SentenceModel, R: SentenceModel, W: PairWeights, s: number, skipR: Uint8Array | null, dot: Float64Array, shared: Int32Array, touched: Int32Array, exact: Float64Array | null = null, exactOnly = false): number {
  let nTouched = 0;
  for (let k = S.termStart[s]; k < S.termStart[s + 1]; k++) {
    const tr = W.toR[S.terms[k]];
    if (tr < 0) continue;
    const isf = W.isfR[tr];
    const term = S.terms[k];
    const bySynonym = W.synonym[term] === 1;
    if (exactOnly && bySynonym) continue;
    const ws = S.counts[k] * isf * W.matchWeight[term];
    for (let q = R.postStart[tr]; q < R.postStart[tr + 1]; q++) {
      const r = R.postUnits[q];
      if (skipR !== null && skipR[r]) continue;
      if (shared[r] === 0) touched[nTouched++] = r;
      shared[r]++;
      dot[r] += ws * R.postCounts[q] * isf;
      if (exact !== null && !bySynonym) exact[r] += ws * R.postCounts[q] * isf;
    }
  }
  return nTouched;
}

/**
 * Background similarity of a pair: the mean, over the submission's units outside `skipS`, of
 * each unit's best tf-isf cosine with a source unit outside `skipR` (units with no shared term
 * count 0). Near 0 when the submission is mostly about something else (a reused passage in a
 * longer text); high when every sentence of the submission echoes the source's topic.
 */
export function backgroundSimilarity(S: SentenceModel, R: SentenceModel, W: PairWeights, skipS: Uint8Array, skipR: Uint8Array): number {
  const nR = R.start.length;
  const dot = new Float64Array(nR);
  const shared = new Int32Array(nR);
  const touched = new Int32Array(nR);
  let sum = 0;
  let n = 0;
  for (let s = 0; s < S.start.length; s++) {
    if (skipS[s]) continue;
    n++;
    const nTouched = accumulateUnit(S, R, W, s, skipR, dot, shared, touched, null, true);
    if (nTouched === 0) continue;
    let normS = W.normS[s];
    if (Number.isNaN(normS)) normS = W.normS[s] = unitNorm(S, W.isfS, s);
    let best = 0;
    for (let i = 0; i < nTouched; i++) {
      const r = touched[i];
      const denom = normS * W.normR[r];
      if (denom > 0) best = Math.max(best, dot[r] / denom);
      dot[r] = 0;
      shared[r] = 0;
    }
    sum += best;
  }
  return n ? sum / n : 0;
}
