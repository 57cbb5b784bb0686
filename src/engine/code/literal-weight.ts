/**
 * The literal channel's weight: how much a pair's literal values count against its structure,
 * from the programs' length and from how alike the class's programs are in structure
 * (docs/code-similarity.md, "Similarity").
 */
import type { CodeComparisonPlan } from './compare.js';
import { RowCandidates } from './fingerprint-index.js';
import { MatchTable } from './match-pair.js';

/** How many submissions `classStructure` samples at most (all their pairs: 4,950). */
const CLASS_SAMPLE = 100;

/**
 * How alike a class's programs are in structure: the median structural similarity of its pairs
 * (the upper one of an even count), computed exactly over the pairs of at most 100 submissions
 * spread evenly over the class (all of them in a class of up to 100). Pairs sharing no
 * fingerprint count as 0. A sample of the class, not every pair, so the literal weight is known
 * before the one pass over all pairs: at 1,000 submissions ~5,000 pairs are matched twice, which
 * costs nothing measurable, where a second pass over all 500,000 to mix the channels once the
 * exact median was known cost +30 ms of ~1 s CPU.
 */
export function classStructure(plan: CodeComparisonPlan, row = new RowCandidates(plan.subs.length), scratch = MatchTable.scratch()): number {
  const { k, mergeGap } = plan.settings;
  const n = plan.subs.length;
  const m = Math.min(n, CLASS_SAMPLE);
  if (m < 2) return 0;
  const inSample = new Uint8Array(n);
  for (let s = 0; s < m; s++) inSample[Math.floor((s * n) / m)] = 1;
  const positive: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!inSample[i]) continue;
    row.gather(plan.postings, i);
    const table = new MatchTable(plan.subs[i], scratch);
    for (let c = 0; c < row.count; c++) {
      const j = row.js[c];
      if (!inSample[j]) continue;
      const from = row.offset[j];
      const s = table.match(plan.subs[j], row.seeds, from, from + row.shared[j], k, mergeGap, false).similarity;
      if (s > 0) positive.push(s);
    }
  }
  const pairs = (m * (m - 1)) / 2;
  const rank = pairs >> 1;
  const zeros = pairs - positive.length;
  return rank < zeros ? 0 : positive.sort((a, b) => a - b)[rank - zeros];
}

/**
 * The literal channel's weight for pairs whose shorter side is submission i: a pair's λ is the
 * larger of its two sides' (λ falls with length). Structure says less the shorter the programs
 * (independent solutions of a small exercise are often token for token the same, while longer
 * programs rarely coincide by chance), and less in a class whose programs are alike in
 * structure: its median pair's structural similarity c stretches the length at which λ halves,
 * h·(1 + scale·c). In a class of varied programs (c near 0) structure speaks for itself beyond a
 * few dozen tokens, where literal values mostly add the generic ones unrelated solutions share;
 * in a class writing one prescribed exercise, literals keep telling its independent solutions
 * apart.
 */
export function literalLambdas(plan: CodeComparisonPlan, c: number): Float64Array {
  const { literalWeight, literalHalfTokens, literalSteepness, literalClassScale } = plan.settings;
  const h = literalHalfTokens * (1 + literalClassScale * c);
  return Float64Array.from(plan.subs, (s) => {
    if (!Number.isFinite(h)) return literalWeight;
    const x = s.total / h;
    return literalWeight / (1 + (literalSteepness === 1 ? x : Math.pow(x, literalSteepness)));
  });
}
