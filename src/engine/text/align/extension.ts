import type { SentenceModel } from './sentence-model.js';
import type { PairWeights, Seed } from './seeds.js';

/** A candidate passage pair: inclusive ranges of units on both sides, and the seeds behind it. */
export interface Fragment {
  s0: number; s1: number;
  r0: number; r1: number;
  seeds: Seed[];
  /** Cosine of the summed tf-isf vectors of the two ranges (set by validation). */
  similarity: number;
}

export interface ExtensionParams {
  /** Largest gap, in units, between consecutive seeds of one fragment on the submission side. */
  suspGap: number;
  /** Same on the source side. */
  srcGap: number;
  /** Fragments whose two ranges are less similar than this are re-clustered with smaller gaps. */
  minValidation: number;
}

/** Splits seeds into runs along one side wherever consecutive seeds are more than `gap` apart. */
export function splitAlong(seeds: Seed[], side: 's' | 'r', gap: number): Seed[][] {
  const sorted = [...seeds].sort((a, b) => a[side] - b[side] || (side === 's' ? a.r - b.r : a.s - b.s));
  const runs: Seed[][] = [];
  let run: Seed[] = [];
  for (const seed of sorted) {
    if (run.length && seed[side] - run[run.length - 1][side] > gap) { runs.push(run); run = []; }
    run.push(seed);
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * Extension by clustering (Sanchez-Perez et al.): split the seeds along the submission, then
 * each part along the source, and so on alternately until no part splits any more. Each final
 * part spans the units from its first to its last seed on both sides.
 */
export function cluster(seeds: Seed[], suspGap: number, srcGap: number): Seed[][] {
  const out: Seed[][] = [];
  const work: { seeds: Seed[]; side: 's' | 'r'; stable: number }[] = [{ seeds, side: 's', stable: 0 }];
  while (work.length) {
    const item = work.pop()!;
    const parts = splitAlong(item.seeds, item.side, item.side === 's' ? suspGap : srcGap);
    const next = item.side === 's' ? 'r' : 's';
    if (parts.length === 1) {
      // Stable along this side; done once both sides were checked without a split.
      if (item.stable >= 1) out.push(parts[0]);
      else work.push({ seeds: parts[0], side: next, stable: item.stable + 1 });
    } else {
      for (const part of parts) work.push({ seeds: part, side: next, stable: 0 });
    }
  }
  return out;
}

// Scratch vectors for rangeSimilarity, indexed by term, reused between calls (kept zeroed).
let scratchS = new Float64Array(1024);
let scratchR = new Float64Array(1024);

function sumInto(M: SentenceModel, u0: number, u1: number, isf: Float64Array, into: Float64Array, touched: number[]): void {
  for (let k = M.termStart[u0]; k < M.termStart[u1 + 1]; k++) {
    const t = M.terms[k];
    if (into[t] === 0) touched.push(t);
    into[t] += M.counts[k] * isf[t];
  }
}

/** Cosine of the summed tf-isf vectors of submission units s0..s1 and source units r0..r1. */
export function rangeSimilarity(S: SentenceModel, R: SentenceModel, W: PairWeights, s0: number, s1: number, r0: number, r1: number): number {
  if (scratchS.length < S.vocabStem.length) scratchS = new Float64Array(2 * S.vocabStem.length);
  if (scratchR.length < R.vocabStem.length) scratchR = new Float64Array(2 * R.vocabStem.length);
  const a = scratchS;
  const b = scratchR;
  const ta: number[] = [];
  const tb: number[] = [];
  sumInto(S, s0, s1, W.isfS, a, ta);
  sumInto(R, r0, r1, W.isfR, b, tb);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const t of ta) {
    const x = a[t];
    na += x * x;
    const tr = W.toR[t];
    if (tr >= 0) dot += x * b[tr] * W.matchWeight[t];
  }
  for (const t of tb) nb += b[t] * b[t];
  for (const t of ta) a[t] = 0;
  for (const t of tb) b[t] = 0;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

function toFragment(seeds: Seed[]): Fragment {
  let s0 = Infinity, s1 = -1, r0 = Infinity, r1 = -1;
  for (const x of seeds) {
    if (x.s < s0) s0 = x.s;
    if (x.s > s1) s1 = x.s;
    if (x.r < r0) r0 = x.r;
    if (x.r > r1) r1 = x.r;
  }
  return { s0, s1, r0, r1, seeds, similarity: 0 };
}

/**
 * Clusters seeds into fragments and validates each: a fragment whose ranges are not similar
 * enough as wholes is re-clustered with gaps one smaller, down to zero.
 */
export function extend(S: SentenceModel, R: SentenceModel, W: PairWeights, seeds: Seed[], p: ExtensionParams): Fragment[] {
  const out: Fragment[] = [];
  const visit = (group: Seed[], suspGap: number, srcGap: number) => {
    for (const part of cluster(group, suspGap, srcGap)) {
      const f = toFragment(part);
      f.similarity = rangeSimilarity(S, R, W, f.s0, f.s1, f.r0, f.r1);
      if (f.similarity > p.minValidation) out.push(f);
      else if (suspGap > 0 && srcGap > 0 && part.length > 1) visit(part, suspGap - 1, srcGap - 1);
    }
  };
  if (seeds.length) visit(seeds, p.suspGap, p.srcGap);
  return out;
}

/** Smallest gain in similarity for which a boundary moves. */
const BOUNDARY_GAIN = 0.005;
const BOUNDARY_STEPS = 6;

/**
 * Boundary refinement by hill climbing: a fragment's ends move outwards by one unit at a time,
 * on one side or both at once, to take in a neighbouring sentence the seeds missed, as long as
 * the similarity of the two ranges as wholes grows. (Moving inwards is not tried: cosine
 * always favours the single best sentence pair.)
 */
export function refineBoundaries(S: SentenceModel, R: SentenceModel, W: PairWeights, f: Fragment): Fragment {
  let { s0, s1, r0, r1, similarity } = f;
  const nS = S.start.length;
  const nR = R.start.length;
  for (let step = 0; step < BOUNDARY_STEPS; step++) {
    let best: [number, number, number, number] | null = null;
    let bestSim = similarity + BOUNDARY_GAIN;
    const tries: [number, number, number, number][] = [
      [s0 - 1, s1, r0 - 1, r1], [s0 - 1, s1, r0, r1], [s0, s1, r0 - 1, r1],
      [s0, s1 + 1, r0, r1 + 1], [s0, s1 + 1, r0, r1], [s0, s1, r0, r1 + 1],
    ];
    for (const [a, b, c, d] of tries) {
      if (a < 0 || c < 0 || b >= nS || d >= nR || a > b || c > d) continue;
      const sim = rangeSimilarity(S, R, W, a, b, c, d);
      if (sim > bestSim) { bestSim = sim; best = [a, b, c, d]; }
    }
    if (!best) break;
    [s0, s1, r0, r1] = best;
    similarity = bestSim;
  }
  return { ...f, s0, s1, r0, r1, similarity };
}
