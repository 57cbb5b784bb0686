/**
 * Source-code comparison, the engine's facade for code: tokenised submissions in, every pair with
 * its similarity, longest fragment, shared fingerprints and fragments out.
 *
 * Data flow: CodeSubmission → (statement-order normalisation) → PreparedSubmission (k-grams) →
 * template and common-code exclusion → IndexedSubmission (fingerprints) → shared-fingerprint
 * counts → token matching of each candidate pair (tiles, merging) → CodePair.
 */
import {
  commonHashes,
  indexSubmission,
  pairCounts,
  type IndexedSubmission,
} from './fingerprint-index.js';
import { KindTable } from './kgrams.js';
import { literalDice, LiteralTable, toBag } from './literals.js';
import { MatchTable } from './match-pair.js';
import { distinctHashes, prepareSubmission } from './prepare.js';
import type { CodeCompareOptions, CodeComparison, CodeFragment, CodePair, CodeSubmission } from './types.js';

/** Shared by every pair without fragments (frozen: never mutate a pair's fragment list). */
const NO_FRAGMENTS = Object.freeze([]) as unknown as CodePair['fragments'];

export const CODE_DEFAULTS = {
  kgramLength: 9,
  windowLength: 4,
  canonicalOrder: true,
  suppressShare: 0.5,
  suppressMinSubmissions: 10,
  mergeGap: 6,
  literalWeight: 0.5,
} as const;

export function compareTokenizedSubmissions(submissions: readonly CodeSubmission[], options: CodeCompareOptions = {}): CodeComparison {
  const k = options.kgramLength ?? CODE_DEFAULTS.kgramLength;
  const w = options.windowLength ?? CODE_DEFAULTS.windowLength;
  const canonical = options.canonicalOrder ?? CODE_DEFAULTS.canonicalOrder;
  const share = options.suppressShare ?? CODE_DEFAULTS.suppressShare;
  const minSubs = options.suppressMinSubmissions ?? CODE_DEFAULTS.suppressMinSubmissions;
  const mergeGap = options.mergeGap ?? CODE_DEFAULTS.mergeGap;
  const withFragments = options.withFragments ?? true;
  const fragmentMin = options.fragmentMinSimilarity ?? 0;
  const literalWeight = options.literalWeight ?? CODE_DEFAULTS.literalWeight;
  if (k < 1 || w < 1) throw new RangeError('kgramLength and windowLength must be at least 1');

  const kinds = new KindTable();
  const prepared = submissions.map((s) => prepareSubmission(s, kinds, k, canonical));
  const excluded = new Set<number>();
  let baseCount = 0;
  if (options.base) {
    for (const h of distinctHashes(prepareSubmission(options.base, kinds, k, canonical))) excluded.add(h);
    baseCount = excluded.size;
  }
  let commonCount = 0;
  if (share < 1 && submissions.length >= minSubs) {
    for (const h of commonHashes(prepared.map(distinctHashes), share)) {
      if (!excluded.has(h)) {
        excluded.add(h);
        commonCount++;
      }
    }
  }
  const literals = new LiteralTable();
  const literalMaps = submissions.map((s) => literals.bag(s));
  const excludedLiterals = new Set<number>(options.base ? literals.bag(options.base).keys() : []);
  if (share < 1 && submissions.length >= minSubs) {
    for (const id of commonHashes(literalMaps.map((m) => new Set(m.keys())), share)) excludedLiterals.add(id);
  }
  const bags = literalMaps.map((m) => toBag(m, excludedLiterals));
  const indexed: IndexedSubmission[] = prepared.map((p) => indexSubmission(p, excluded, k, w));
  const counts = pairCounts(indexed);
  const shared = counts.shared;
  const n = indexed.length;
  const size = (n * (n - 1)) / 2;
  const similarity = new Float64Array(size);
  const longestFragment = new Uint32Array(size);
  const fragments = new Map<number, CodeFragment[]>();
  const scratch = MatchTable.scratch();
  let p = -1;
  for (let i = 0; i < n; i++) {
    const table = new MatchTable(indexed[i], scratch);
    for (let j = i + 1; j < n; j++) {
      p++; // = pairIndex(i, j, n): pairs are laid out row by row
      if (shared[p] === 0) continue;
      const m = table.match(indexed[j], counts.sharedHashes, counts.offsets[p], counts.offsets[p + 1], k, mergeGap, withFragments);
      const lit = literalWeight > 0 ? literalDice(bags[i], bags[j]) : NaN;
      similarity[p] = Number.isNaN(lit) ? m.similarity : (1 - literalWeight) * m.similarity + literalWeight * lit;
      longestFragment[p] = m.longestFragment;
      if (withFragments && similarity[p] >= fragmentMin) fragments.set(p, m.fragments);
    }
    options.onProgress?.(i + 1, n);
  }
  return {
    ids: submissions.map((s) => s.id),
    similarity,
    longestFragment,
    sharedFingerprints: shared,
    fragments,
    excludedFingerprints: { base: baseCount, common: commonCount },
  };
}

/** The pairs of a comparison as objects, in row order (pairs without fragments share one frozen empty list). */
export function codePairs(c: CodeComparison, minSimilarity = -Infinity): CodePair[] {
  const out: CodePair[] = [];
  const n = c.ids.length;
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, p++) {
      if (c.similarity[p] < minSimilarity) continue;
      out.push({
        left: c.ids[i],
        right: c.ids[j],
        similarity: c.similarity[p],
        longestFragment: c.longestFragment[p],
        sharedFingerprints: c.sharedFingerprints[p],
        fragments: c.fragments.get(p) ?? NO_FRAGMENTS,
      });
    }
  }
  return out;
}
