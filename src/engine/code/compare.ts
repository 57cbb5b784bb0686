/**
 * Source-code comparison, the engine's facade for code: tokenised submissions in, every pair with
 * its similarity, longest fragment, shared fingerprints and fragments out.
 *
 * Data flow: CodeSubmission → prepareForComparison (statement-order normalisation, k-grams,
 * winnowing, literals) → PreparedSubmission → planPrepared (template and common-code exclusion,
 * fingerprints, posting lists) → CodeComparisonPlan → matchPlan (row by row: candidates from the
 * posting lists, token matching of each pair: tiles, merging) → CodeComparison → CodePair.
 */
import { buildPostings, indexSubmission, matchSubmission, RowCandidates, type IndexedSubmission, type MatchSubmission, type Postings } from './fingerprint-index.js';
import { canonicalOrder, flippedFragments, InputPairs } from './canonical-order.js';
import { commonCode } from './common-code.js';
import { LiteralIndex, LiteralTable, literalWeights, numberBags, sharedValues, toBag, type LiteralBag } from './literals.js';
import { MatchTable } from './match-pair.js';
import type { Scratch } from './match-scratch.js';
import { classStructure, literalLambdas } from './literal-weight.js';
import { distinctHashes, prepareSubmission, type PreparedSubmission } from './prepare.js';
import type { CodeCompareOptions, CodeComparison, CodeFragment, CodePair, CodeSubmission } from './types.js';

/** Shared by every pair without fragments (frozen: never mutate a pair's fragment list). */
const NO_FRAGMENTS = Object.freeze([]) as unknown as CodePair['fragments'];

export const CODE_DEFAULTS = {
  kgramLength: 12,
  windowLength: 6,
  canonicalOrder: true,
  suppressShare: 0.8,
  suppressMinSubmissions: 10,
  commonMaxPart: 0.3,
  mergeGap: 6,
  literalWeight: 0.9,
  literalHalfTokens: 50,
  literalPrior: 20,
  literalSteepness: 3,
  literalClassScale: 3,
  literalClassMin: 10,
  surfaceWeight: 0.1,
  namesWeight: 0.1,
} as const;

/**
 * Everything pair matching needs, computed once for all submissions: their indexed streams,
 * literal bags and the shared-fingerprint index.
 */
export interface CodeComparisonPlan {
  ids: string[];
  subs: MatchSubmission[];
  bags: LiteralBag[];
  /** The literal values by interned id (the bags' ids). */
  literalValues: string[];
  /** Library-name bags (rarity-weighted like literals; empty when the tokeniser gave none). */
  nameBags: LiteralBag[];
  /** Surface-mark counts of every submission, `dims` numbers each (null when some lack them or the weight is 0). */
  surface: { counts: Int32Array; sums: Int32Array; dims: number } | null;
  /** Which submissions hold each fingerprint (candidate pairs are found from it row by row). */
  postings: Postings;
  settings: {
    k: number; mergeGap: number; withFragments: boolean; fragmentMin: number;
    literalWeight: number; literalHalfTokens: number; literalSteepness: number; literalClassScale: number; literalClassMin: number;
    surfaceWeight: number; namesWeight: number;
  };
  excludedFingerprints: CodeComparison['excludedFingerprints'];
  /**
   * The plan holds the submissions in content order (canonical-order.ts), not in the order given:
   * `inputOf[x]` is the input index of its x-th submission, null when the two orders agree.
   * `matchPlan` writes every pair at its input-order index; `comparisonOf` lists the ids in it.
   */
  inputOf: Int32Array | null;
}

/** The k-gram settings submissions are prepared with (a plan needs all prepared alike). */
export function preparationOf(options: CodeCompareOptions = {}): { k: number; w: number; canonical: boolean } {
  const k = options.kgramLength ?? CODE_DEFAULTS.kgramLength;
  const w = options.windowLength ?? CODE_DEFAULTS.windowLength;
  if (k < 1 || w < 1) throw new RangeError('kgramLength and windowLength must be at least 1');
  return { k, w, canonical: options.canonicalOrder ?? CODE_DEFAULTS.canonicalOrder };
}

/** Prepares one submission with a comparison's settings (callers do it as each is tokenised, so token objects die young). */
export function prepareForComparison(sub: CodeSubmission, options: CodeCompareOptions = {}): PreparedSubmission {
  const { k, w, canonical } = preparationOf(options);
  return prepareSubmission(sub, k, w, canonical);
}

/** Builds the plan of a comparison (tokens to fingerprints, exclusions, shared-fingerprint counts). */
export function planCodeComparison(submissions: readonly CodeSubmission[], options: CodeCompareOptions = {}): CodeComparisonPlan {
  return planPrepared(
    submissions.map((s) => prepareForComparison(s, options)),
    options,
  );
}

/** The plan from submissions already prepared with `prepareForComparison` and the same options. */
export function planPrepared(input: readonly PreparedSubmission[], options: CodeCompareOptions = {}): CodeComparisonPlan {
  const { k } = preparationOf(options);
  const inputOf = canonicalOrder(input);
  const prepared = inputOf ? Array.from(inputOf, (x) => input[x]) : input;
  const share = options.suppressShare ?? CODE_DEFAULTS.suppressShare;
  const minSubs = options.suppressMinSubmissions ?? CODE_DEFAULTS.suppressMinSubmissions;
  const base = options.base ? prepareForComparison(options.base, options) : undefined;
  const excluded = new Set<number>();
  let baseCount = 0;
  if (base) {
    for (const h of distinctHashes(base)) excluded.add(h);
    baseCount = excluded.size;
  }
  let commonCount = 0, commonKept = 0, commonMinHolders = 0;
  if (share < 1 && prepared.length >= minSubs) {
    const common = commonCode(prepared.map(distinctHashes), share, options.commonMaxPart ?? CODE_DEFAULTS.commonMaxPart);
    commonKept = common.kept;
    commonMinHolders = common.minHolders;
    for (const h of common.suppressed) {
      if (!excluded.has(h)) {
        excluded.add(h);
        commonCount++;
      }
    }
  }
  const literals = new LiteralTable();
  const literalMaps = prepared.map((p) => literals.bag(p.literals));
  const excludedLiterals = new Set<number>(base ? literals.bag(base.literals).keys() : []);
  const weight = literalWeights(literalMaps, options.literalPrior ?? CODE_DEFAULTS.literalPrior);
  const namesWeight = options.namesWeight ?? CODE_DEFAULTS.namesWeight;
  const indexed: IndexedSubmission[] = prepared.map((p) => indexSubmission(p, excluded, k));
  const surfaceWeight = options.surfaceWeight ?? CODE_DEFAULTS.surfaceWeight;
  const literalWeight = options.literalWeight ?? CODE_DEFAULTS.literalWeight;
  const literalHalfTokens = options.literalHalfTokens ?? CODE_DEFAULTS.literalHalfTokens;
  const literalSteepness = options.literalSteepness ?? CODE_DEFAULTS.literalSteepness;
  const literalClassScale = options.literalClassScale ?? CODE_DEFAULTS.literalClassScale;
  const literalClassMin = options.literalClassMin ?? CODE_DEFAULTS.literalClassMin;
  return {
    ids: prepared.map((p) => p.id),
    subs: indexed.map((x) => matchSubmission(x, k)),
    bags: literalMaps.map((m) => toBag(m, excludedLiterals, weight)),
    literalValues: literals.values,
    nameBags:
      namesWeight > 0
        ? numberBags(
            prepared.map((p) => p.names),
            base?.names ?? [],
            options.literalPrior ?? CODE_DEFAULTS.literalPrior,
          )
        : prepared.map(() => ({ ids: new Int32Array(0), counts: new Float64Array(0), size: 0 })),
    surface: surfaceWeight > 0 ? surfaceTable(prepared) : null,
    postings: buildPostings(indexed),
    settings: {
      k,
      mergeGap: options.mergeGap ?? CODE_DEFAULTS.mergeGap,
      withFragments: options.withFragments ?? true,
      fragmentMin: options.fragmentMinSimilarity ?? 0,
      literalWeight,
      literalHalfTokens,
      literalSteepness,
      literalClassScale,
      literalClassMin,
      namesWeight,
      surfaceWeight,
    },
    excludedFingerprints: { base: baseCount, common: commonCount, commonKept, commonMinHolders },
    inputOf,
  };
}

/**
 * What matching a plan's pairs yields, indexed by the pairs of the input order (`pairIndex` of the
 * submissions' input indices; the plan's own order when `plan.inputOf` is null), each pair's
 * fragments seen from its input left side.
 */
export interface PairMatches {
  similarity: Float64Array;
  sharedFingerprints: Uint32Array;
  longestFragment: Uint32Array;
  overlap: Uint32Array;
  fragments: Map<number, CodeFragment[]>;
}

/**
 * Matches every candidate pair of the plan. Pairs sharing no fingerprint have no structural
 * match; they score by the literal channel alone (tiny programs share no 12-token run even when
 * copied: five prints of one string rewritten as a loop). The literal channel's weight depends on
 * the class (`classStructure`), measured first.
 */
export function matchPlan(plan: CodeComparisonPlan, onRow?: (done: number, rows: number) => void): PairMatches {
  const n = plan.subs.length;
  const size = (n * (n - 1)) / 2;
  const out: PairMatches = {
    similarity: new Float64Array(size),
    sharedFingerprints: new Uint32Array(size),
    longestFragment: new Uint32Array(size),
    overlap: new Uint32Array(size),
    fragments: new Map<number, CodeFragment[]>(),
  };
  const scratch = MatchTable.scratch();
  // Sized for the longest submission before any pair is matched: growing it inside the
  // optimised matching loop, the first time a longer submission came up, ran code V8 had no
  // feedback for and sent the loop back to the interpreter (one more compilation of matchRow).
  let longest = 0;
  for (const s of plan.subs) longest = Math.max(longest, s.fileOf.length);
  scratch.ensure(longest, longest);
  const row = new RowCandidates(n);
  const at = new InputPairs(n, plan.inputOf);
  const { literalWeight, literalClassScale, literalClassMin } = plan.settings;
  const c = literalWeight > 0 && literalClassScale > 0 && n >= literalClassMin ? classStructure(plan, row, scratch) : 0;
  const lambda = literalLambdas(plan, c);
  const literals = new LiteralIndex(plan.bags);
  const names = new LiteralIndex(plan.nameBags);
  for (let i = 0; i < n; i++) {
    row.gather(plan.postings, i);
    if (plan.settings.literalWeight > 0) literals.row(i);
    if (plan.settings.namesWeight > 0) names.rowAll(i);
    if (row.count > 0) matchRow(plan, lambda, i, row, scratch, literals, names, at, out);
    if (plan.settings.literalWeight > 0) literalOnlyRow(plan, lambda, i, row, literals, names, at, out);
    onRow?.(i + 1, n);
  }
  return out;
}

/**
 * The pairs of row i with its candidates. A function of its own, with nothing after its loop: the
 * first rows are long, so V8 optimises this loop while it runs (on-stack replacement), and code
 * after the loop, not yet run at that moment, would send the optimised code back to the
 * interpreter when first reached.
 */
function matchRow(plan: CodeComparisonPlan, lambda: Float64Array, i: number, row: RowCandidates, scratch: Scratch, literals: LiteralIndex, names: LiteralIndex, at: InputPairs, out: PairMatches): void {
  const { k, mergeGap, withFragments, fragmentMin, literalWeight, surfaceWeight, namesWeight } = plan.settings;
  const { subs, surface } = plan;
  const { similarity, sharedFingerprints, longestFragment, overlap, fragments } = out;
  const table = new MatchTable(subs[i], scratch);
  const { common, sizes } = literals;
  const nameCommon = names.common, nameSizes = names.sizes;
  for (let c = 0; c < row.count; c++) {
    const j = row.js[c];
    const p = at.at(i, j);
    const from = row.offset[j];
    const m = table.match(subs[j], row.seeds, from, from + row.shared[j], k, mergeGap, withFragments);
    // The literal Dice and the surface distance are written out here, not called: a double
    // returned from a call that is not inlined is a heap allocation, at every pair.
    let sim = m.similarity;
    const literalSize = sizes[i] + sizes[j];
    if (literalWeight > 0 && literalSize !== 0) {
      const lit = (2 * common[j]) / literalSize;
      const l = lambda[i] > lambda[j] ? lambda[i] : lambda[j];
      sim = (1 - l) * sim + l * lit;
    }
    const nameSize = nameSizes[i] + nameSizes[j];
    if (namesWeight > 0 && nameSize !== 0 && sim > 0) sim = (1 - namesWeight) * sim + namesWeight * ((2 * nameCommon[j]) / nameSize);
    if (surface !== null && sim > 0) {
      const sum = surface.sums[i] + surface.sums[j];
      sim *= 1 - surfaceWeight * (sum > 0 ? surfaceDiff(surface.counts, surface.dims, i, j) / sum : 0);
    }
    similarity[p] = sim;
    sharedFingerprints[p] = row.shared[j];
    longestFragment[p] = m.longestFragment;
    overlap[p] = m.overlap;
    if (withFragments && similarity[p] >= fragmentMin) fragments.set(p, at.swapped(i, j) ? flippedFragments(m.fragments, subs[j].paths) : m.fragments);
  }
}

/**
 * Pairs of row i that share no fingerprint: the literal channel alone (row.shared marks
 * candidates). Only the submissions sharing a literal value with i can score above 0.
 */
function literalOnlyRow(plan: CodeComparisonPlan, lambda: Float64Array, i: number, row: RowCandidates, literals: LiteralIndex, names: LiteralIndex, at: InputPairs, out: PairMatches): void {
  const { surface } = plan;
  const { surfaceWeight, namesWeight } = plan.settings;
  const nameCommon = names.common, nameSizes = names.sizes;
  const shared = row.shared, touched = literals.touched, { common, sizes } = literals;
  for (let t = 0; t < literals.touchedCount; t++) {
    const j = touched[t];
    if (shared[j] > 0) continue;
    // Touched: both bags hold a shared value, so neither is empty (no NaN); written out as in matchRow.
    let sim = (lambda[i] > lambda[j] ? lambda[i] : lambda[j]) * ((2 * common[j]) / (sizes[i] + sizes[j]));
    const nameSize = nameSizes[i] + nameSizes[j];
    if (namesWeight > 0 && nameSize !== 0 && sim > 0) sim = (1 - namesWeight) * sim + namesWeight * ((2 * nameCommon[j]) / nameSize);
    if (surface !== null && sim > 0) {
      const sum = surface.sums[i] + surface.sums[j];
      sim *= 1 - surfaceWeight * (sum > 0 ? surfaceDiff(surface.counts, surface.dims, i, j) / sum : 0);
    }
    out.similarity[at.at(i, j)] = sim;
  }
}

/** Every submission's surface-mark counts in one array, or null when some submission has none or their lengths differ. */
function surfaceTable(prepared: readonly PreparedSubmission[]): CodeComparisonPlan['surface'] {
  const dims = prepared[0]?.surface?.length ?? 0;
  if (dims === 0 || prepared.some((p) => p.surface?.length !== dims)) return null;
  // Counts are whole numbers: as integers, each pair's sums are exact and cheaper.
  const counts = new Int32Array(prepared.length * dims);
  const sums = new Int32Array(prepared.length);
  prepared.forEach((p, i) => {
    counts.set(p.surface!, i * dims);
    for (let d = 0; d < dims; d++) sums[i] += counts[i * dims + d];
  });
  return { counts, sums, dims };
}

/**
 * Σ|a − b| over two submissions' surface marks. Divided by Σ(a + b) (`sums[i] + sums[j]`) it is
 * their surface distance: 0 written alike, 1 nothing in common (0 when neither has any).
 */
function surfaceDiff(counts: Int32Array, dims: number, i: number, j: number): number {
  let diff = 0;
  // Math.abs, not a comparison: which side is larger is a coin toss from mark to mark, and a
  // mispredicted branch per mark cost three times the loop (Math.abs compiles without one).
  for (let d = 0, a = i * dims, b = j * dims; d < dims; d++, a++, b++) diff += Math.abs(counts[a] - counts[b]);
  return diff;
}

/** A plan's comparison from its pair matches. */
export function comparisonOf(plan: CodeComparisonPlan, matches: PairMatches): CodeComparison {
  // Only the bags and values stay reachable from the comparison, not the whole plan.
  const { bags, literalValues, inputOf } = plan;
  // matchPlan wrote the pairs in the input order; the ids, token counts and bags follow it here.
  const planned = new Int32Array(plan.ids.length); // input index -> plan index
  for (let x = 0; x < planned.length; x++) planned[inputOf ? inputOf[x] : x] = x;
  return {
    sharedValues: (i, j) => sharedValues(bags[planned[i]], bags[planned[j]], literalValues),
    ids: Array.from(planned, (x) => plan.ids[x]),
    similarity: matches.similarity,
    longestFragment: matches.longestFragment,
    sharedFingerprints: matches.sharedFingerprints,
    overlap: matches.overlap,
    tokens: Uint32Array.from(planned, (x) => plan.subs[x].total),
    fragments: matches.fragments,
    excludedFingerprints: plan.excludedFingerprints,
  };
}

export function compareTokenizedSubmissions(submissions: readonly CodeSubmission[], options: CodeCompareOptions = {}): CodeComparison {
  const plan = planCodeComparison(submissions, options);
  return comparisonOf(plan, matchPlan(plan, options.onProgress));
}

/** Share of a submission's tokens (after exclusions) that a pair's matches cover. */
export function coverage(overlap: number, tokens: number): number {
  return tokens > 0 ? Math.min(1, overlap / tokens) : 0;
}

/** The pairs of a comparison as objects, in row order (pairs without fragments share one frozen empty list). */
export function codePairs(c: CodeComparison, minSimilarity = -Infinity): CodePair[] {
  const out: CodePair[] = [];
  const n = c.ids.length;
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, p++) {
      if (c.similarity[p] < minSimilarity) continue;
      out.push(codePairAt(c, p, i, j));
    }
  }
  return out;
}

/** Pair `p` of a comparison (submissions `i` < `j`) as an object. */
export function codePairAt(c: CodeComparison, p: number, i: number, j: number): CodePair {
  return {
    left: c.ids[i],
    right: c.ids[j],
    similarity: c.similarity[p],
    longestFragment: c.longestFragment[p],
    sharedFingerprints: c.sharedFingerprints[p],
    overlap: c.overlap[p],
    leftCoverage: coverage(c.overlap[p], c.tokens[i]),
    rightCoverage: coverage(c.overlap[p], c.tokens[j]),
    fragments: c.fragments.get(p) ?? NO_FRAGMENTS,
    sharedValues: c.similarity[p] > 0 ? c.sharedValues(i, j) : [],
  };
}
