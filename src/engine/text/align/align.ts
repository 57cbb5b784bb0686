import type { AlignOptions, AlignParams, Passage, PreparedText } from '../types.js';
import { sentenceModel } from './sentence-model.js';
import type { SentenceModel } from './sentence-model.js';
import { backgroundSimilarity, findSeeds, pairWeights } from './seeds.js';
import type { PairWeights, Seed } from './seeds.js';
import { extend, rangeSimilarity, refineBoundaries, splitAlong } from './extension.js';
import { chainRuns, keyHashes, verbatimRuns } from './verbatim.js';
import type { Run } from './verbatim.js';

/**
 * The tunable parameters of alignment and their defaults (the product). What each one means is
 * in `AlignParams` (types.ts); bench/pan-cv.mjs chooses among values by cross-validation.
 */
export const DEFAULT_ALIGN_PARAMS: Readonly<AlignParams> = Object.freeze({
  // Chosen by five-fold cross-validation on the PAN dev subset (bench/pan-cv.mjs): every fold
  // chose seeds at 0.36 and synonyms at 0.5, four of five validation at 0.34, three of five
  // neighbours at one unit (docs/benchmarks.md, "Cross-validated").
  seedCosine: 0.36,
  seedDice: 0.36,
  validation: 0.34,
  synonymWeight: 0.5,
  neighbourReach: 1,
  // Set for issue 3 on the whole dev subset (docs/text-engine.md); not cross-validated.
  singleSeedSimilarity: 0.5,
  loneSeedSimilarity: 0.6,
  topicalBackground: 0.1,
  weakSimilarity: 0.45,
  weakSeedCoverage: 0.6,
});

/** Gaps (units) between consecutive seeds of one fragment, on the submission and source sides. */
const SUSP_GAP = 4;
const SRC_GAP = 4;
/**
 * Summaries condense a long source range into a few consecutive sentences, each echoing
 * sentences spread over the source: seeds grouped along the submission only (gap in units),
 * with at least this many distinct submission units, a source span this many times longer than
 * the submission span, and this similarity of the two ranges as wholes.
 */
const SUMMARY_SUSP_GAP = 2;
/** Summary sentences paraphrase hard: seeds for summaries need lower cosine and Dice. */
const SUMMARY_SEED_SIMILARITY = 0.25;
const SUMMARY_MIN_UNITS = 4;
/** Nearly every sentence of a summary echoes the source. */
const SUMMARY_UNIT_COVERAGE = 0.6;
const SUMMARY_CORE_SHARE = 0.6;
const SUMMARY_CORE_RATIO = 1.5;
const SUMMARY_MIN_SIMILARITY = 0.3;
const SUMMARY_MAX_GENERAL_SIMILARITY = 0.9;
/** A summary whose seeds span this share of the source's units summarises the whole source. */
const SUMMARY_WHOLE_SOURCE = 0.5;
/** Fragments this close (words) to a summary, inside its source range, belong to it. */
const SUMMARY_ABSORB_WORDS = 40;
/** Parts merge into one summary when the merged source range is this many times longer. */
const SUMMARY_MERGE_RATIO = 4;
const MIN_CHARS = 150;
/** Verbatim runs: shortest run, largest gap (words) inside a chain, share of a fragment that makes it verbatim. */
const RUN_MIN_WORDS = 8;
const RUN_GAP = 3;
const VERBATIM_SHARE = 0.5;
const VERBATIM_SHARE_SUMMARY = 0.6;
/** Reworded sentences around a copy stay in its passage when this similar. */
const VERBATIM_EXTEND_SIMILARITY = 0.5;
/** Verbatim copies at most this many words apart on both sides are one passage. */
const VERBATIM_JOIN_WORDS = 40;
/** ... provided each side's gap is at most this many times the other's (plus RUN_GAP words): a rewording, not an insertion or a deletion. */
const VERBATIM_GAP_RATIO = 2;
/** A verbatim chain at least this long is a passage even when no sentence seed found it. */
const VERBATIM_ALONE_WORDS = 40;

/** A passage in word indices: submission words [s0, s1), source words [r0, r1). */
interface WordPassage {
  s0: number; s1: number; r0: number; r1: number;
  similarity: number;
  kind: Passage['kind'];
  /** Sentence seeds behind the passage (0 for verbatim chains). */
  seeds: number;
  /** For sentence fragments: submission units u0..u1 and source units v0..v1 (inclusive). */
  units?: [number, number, number, number];
}

/** Summaries first, then the most similar, then the longest. */
function rank(p: WordPassage): number { return p.kind === 'summary' ? 2 + p.similarity : p.similarity; }


/** Keeps, among passages overlapping on the submission side, the most similar (then longest) one. */
function removeOverlaps(ps: WordPassage[]): WordPassage[] {
  const ranked = [...ps].sort((a, b) => rank(b) - rank(a) || (b.s1 - b.s0) - (a.s1 - a.s0));
  const kept: WordPassage[] = [];
  for (const p of ranked) if (!kept.some((k) => p.s0 < k.s1 && k.s0 < p.s1)) kept.push(p);
  return kept.sort((a, b) => a.s0 - b.s0);
}

function sentenceFragments(S: SentenceModel, R: SentenceModel, W: PairWeights, P: AlignParams): WordPassage[] {
  // One pass finds the looser summary seeds; the general seeds are the stricter part of them.
  const loose = findSeeds(S, R, W, SUMMARY_SEED_SIMILARITY, SUMMARY_SEED_SIMILARITY);
  if (loose.length === 0) return [];
  const strong = (x: Seed) => x.cos > P.seedCosine && x.dice > P.seedDice;
  const seeds = P.neighbourReach > 0 ? withNeighbours(loose, strong, P.neighbourReach) : loose.filter(strong);
  const general = extend(S, R, W, seeds, { suspGap: SUSP_GAP, srcGap: SRC_GAP, minValidation: P.validation })
    .filter((f) => f.seeds.length >= 2 || f.similarity >= P.singleSeedSimilarity)
    .filter((f) => f.similarity >= P.weakSimilarity || new Set(f.seeds.map((x) => x.s)).size >= P.weakSeedCoverage * (f.s1 - f.s0 + 1))
    .map((f) => refineBoundaries(S, R, W, f))
    .map((f) => ({
    s0: S.firstWord[f.s0], s1: S.endWord[f.s1], r0: R.firstWord[f.r0], r1: R.endWord[f.r1], similarity: f.similarity,
      kind: 'paraphrase' as const, seeds: f.seeds.length, units: [f.s0, f.s1, f.r0, f.r1] as [number, number, number, number],
  }));
  // A near-verbatim general fragment is a copy, not a summary.
  const summaries = summaryFragments(S, R, W, loose.filter((x) => x.exactCos > SUMMARY_SEED_SIMILARITY))
    .filter((m) => !general.some((g) => g.s0 < m.s1 && m.s0 < g.s1 && g.similarity >= SUMMARY_MAX_GENERAL_SIMILARITY));
  // A summary replaces the general fragments it overlaps on the submission side, and absorbs
  // those right next to it that point into its source range (parts of the same summary).
  const rest = general.filter((g) => {
    for (const m of summaries) {
      const near = g.s0 < m.s1 + SUMMARY_ABSORB_WORDS && m.s0 - SUMMARY_ABSORB_WORDS < g.s1;
      if (near && g.r0 >= m.r0 && g.r1 <= m.r1) { m.s0 = Math.min(m.s0, g.s0); m.s1 = Math.max(m.s1, g.s1); return false; }
      if (g.s0 < m.s1 && m.s0 < g.s1) return false;
    }
    return true;
  });
  const merged = mergeSummaryParts(removeOverlaps([...summaries, ...rest]), R.endWord[R.endWord.length - 1])
    .filter((p) => p.kind !== 'paraphrase' || p.seeds > 1 || p.similarity >= P.loneSeedSimilarity);
  const weak = (p: WordPassage) => p.kind === 'paraphrase' && p.seeds === 2 && p.similarity < P.loneSeedSimilarity;
  // The background is measured only when a weak two-seed passage needs it (rare).
  if (!merged.some(weak) || background(S, R, W, merged) < P.topicalBackground) return merged;
  return merged.filter((p) => !weak(p));
}

/**
 * Seeds are the sentence pairs passing `strong`, and, grown from them, weaker pairs (the loose
 * seeds) next to a seed on both sides, in the same order: reuse keeps the order of sentences,
 * so a sentence pair that alone would be too weak (words shuffled, replaced, dropped) is
 * evidence when it continues a strong one along the diagonal.
 */
function withNeighbours(loose: Seed[], strong: (x: Seed) => boolean, reach: number): Seed[] {
  const taken = loose.map(strong);
  const bySusp = new Map<number, number[]>();
  loose.forEach((x, i) => { const l = bySusp.get(x.s); if (l) l.push(i); else bySusp.set(x.s, [i]); });
  const work: number[] = [];
  taken.forEach((t, i) => { if (t) work.push(i); });
  while (work.length) {
    const a = loose[work.pop()!];
    for (let ds = -reach; ds <= reach; ds++) {
      if (ds === 0) continue;
      for (const j of bySusp.get(a.s + ds) ?? []) {
        if (taken[j]) continue;
        const dr = loose[j].r - a.r;
        if (dr * ds > 0 && Math.abs(dr) <= reach) { taken[j] = true; work.push(j); }
      }
    }
  }
  return loose.filter((_, i) => taken[i]);
}

/** `backgroundSimilarity` outside the given passages (a unit counts as inside when it shares a word with one). */
function background(S: SentenceModel, R: SentenceModel, W: PairWeights, ps: WordPassage[]): number {
  const inS = new Uint8Array(S.start.length);
  const inR = new Uint8Array(R.start.length);
  for (const p of ps) {
    for (let u = 0; u < inS.length; u++) if (S.firstWord[u] < p.s1 && p.s0 < S.endWord[u]) inS[u] = 1;
    for (let v = 0; v < inR.length; v++) if (R.firstWord[v] < p.r1 && p.r0 < R.endWord[v]) inR[v] = 1;
  }
  return backgroundSimilarity(S, R, W, inS, inR);
}

/**
 * Passages next to each other in the submission whose source ranges follow each other far
 * apart are the parts of one summary (each summary sentence echoing a different part of the
 * source): they are merged when the merged source range is much longer than the merged
 * submission range; a merged range spanning most of the source becomes the whole source.
 */
function mergeSummaryParts(ps: WordPassage[], sourceWords: number): WordPassage[] {
  const out: WordPassage[] = [];
  for (const p of ps) {
    const last = out[out.length - 1];
    if (last && last.kind !== 'verbatim' && p.s0 - last.s1 <= SUMMARY_ABSORB_WORDS && p.r0 >= last.r1) {
      const s = p.s1 - last.s0;
      const r = p.r1 - last.r0;
      if (r >= SUMMARY_MERGE_RATIO * s) {
        last.s1 = p.s1;
        last.r1 = p.r1;
        last.kind = 'summary';
        last.similarity = Math.min(last.similarity, p.similarity);
        if (last.r1 - last.r0 >= SUMMARY_WHOLE_SOURCE * sourceWords) { last.r0 = 0; last.r1 = sourceWords; }
        continue;
      }
    }
    out.push({ ...p });
  }
  return out;
}

function summaryFragments(S: SentenceModel, R: SentenceModel, W: PairWeights, seeds: Seed[]): WordPassage[] {
  const out: WordPassage[] = [];
  const nR = R.start.length;
  for (const group of splitAlong(seeds, 's', SUMMARY_SUSP_GAP)) {
    let s0 = Infinity, s1 = -1, r0 = Infinity, r1 = -1;
    const units = new Set<number>();
    for (const x of group) {
      units.add(x.s);
      s0 = Math.min(s0, x.s); s1 = Math.max(s1, x.s);
      r0 = Math.min(r0, x.r); r1 = Math.max(r1, x.r);
    }
    if (units.size < SUMMARY_MIN_UNITS || units.size < SUMMARY_UNIT_COVERAGE * (s1 - s0 + 1)) continue;
    // The echoes of a summary spread over the source: even the tightest source window holding
    // most of the seeds is much longer than the summary (a reused passage with a few stray
    // seeds elsewhere has a tight core).
    const rs = group.map((x) => x.r).sort((a, b) => a - b);
    const k = Math.ceil(SUMMARY_CORE_SHARE * rs.length);
    let core = Infinity;
    for (let i = 0; i + k - 1 < rs.length; i++) core = Math.min(core, R.end[rs[i + k - 1]] - R.start[rs[i]]);
    if (core < SUMMARY_CORE_RATIO * (S.end[s1] - S.start[s0])) continue;
    if (r1 - r0 + 1 >= SUMMARY_WHOLE_SOURCE * nR) { r0 = 0; r1 = nR - 1; }
    const similarity = rangeSimilarity(S, R, W, s0, s1, r0, r1);
    if (similarity < SUMMARY_MIN_SIMILARITY) continue;
    out.push({ s0: S.firstWord[s0], s1: S.endWord[s1], r0: R.firstWord[r0], r1: R.endWord[r1], similarity, kind: 'summary', seeds: group.length });
  }
  return out;
}

function chainSpan(chain: Run[]): WordPassage {
  const last = chain[chain.length - 1];
  let r0 = Infinity;
  let r1 = -1;
  for (const run of chain) { r0 = Math.min(r0, run.r); r1 = Math.max(r1, run.r + run.len); }
  return { s0: chain[0].s, s1: last.s + last.len, r0, r1, similarity: 1, kind: 'verbatim', seeds: 0 };
}

/**
 * Refines passages with verbatim runs: a passage mostly made of copied words takes the exact
 * word boundaries of the copy (sentence units blur them), and long copies no sentence seed
 * found become passages of their own.
 */
function refineWithVerbatim(
  submission: AlignmentInput, source: AlignmentInput, passages: WordPassage[], S: SentenceModel, R: SentenceModel, W: PairWeights | null,
): WordPassage[] {
  const chains = chainRuns(verbatimRuns(submission.keyHashes, source.keyHashes, RUN_MIN_WORDS), RUN_GAP).map(chainSpan);
  if (chains.length === 0) return passages;
  const used = new Set<WordPassage>();
  const out: WordPassage[] = passages.flatMap((p) => {
    const inside = chains.filter((c) => c.s0 < p.s1 && p.s0 < c.s1 && c.r0 < p.r1 && p.r0 < c.r1);
    if (inside.length === 0) return [p];
    inside.forEach((c) => used.add(c));
    const copied = inside.reduce((t, c) => t + Math.min(c.s1, p.s1) - Math.max(c.s0, p.s0), 0);
    // A summary quoting a few source phrases stays a summary: it needs a larger verbatim share.
    if (copied < (p.kind === 'summary' ? VERBATIM_SHARE_SUMMARY : VERBATIM_SHARE) * (p.s1 - p.s0)) return [p];
    // Copies that follow each other on both sides form one passage; copies from different
    // places of the source (two cases side by side in the submission) stay apart.
    const groups: WordPassage[] = [];
    for (const c of [...inside].sort((a, b) => a.s0 - b.s0)) {
      const g = groups[groups.length - 1];
      // The words between two copies are a rewording only when both sides have a comparable
      // stretch there: words the writer inserted (or a source stretch they skipped) split them.
      const ds = g ? c.s0 - g.s1 : Infinity;
      const dr = g ? c.r0 - g.r1 : Infinity;
      if (g && ds <= VERBATIM_JOIN_WORDS && dr >= -RUN_GAP && dr <= VERBATIM_JOIN_WORDS && ds <= VERBATIM_GAP_RATIO * Math.max(0, dr) + RUN_GAP && dr <= VERBATIM_GAP_RATIO * Math.max(0, ds) + RUN_GAP) {
        g.s1 = Math.max(g.s1, c.s1);
        g.r1 = Math.max(g.r1, c.r1);
      } else {
        groups.push({ s0: c.s0, s1: c.s1, r0: c.r0, r1: c.r1, similarity: 1, kind: 'verbatim', seeds: p.seeds });
      }
    }
    if (p.units && W) extendCopies(groups, p, p.units, S, R, W);
    return groups;
  });
  for (const c of chains) if (!used.has(c) && c.s1 - c.s0 >= VERBATIM_ALONE_WORDS) out.push(c);
  return removeOverlaps(out);
}

/**
 * A copy often sits inside a passage whose other sentences were reworded: the fragment's
 * sentences before the first copy (and after the last) are kept when, taken together on both
 * sides, they are clearly similar; the passage then is a paraphrase with copied parts.
 */
function extendCopies(groups: WordPassage[], p: WordPassage, units: [number, number, number, number], S: SentenceModel, R: SentenceModel, W: PairWeights): void {
  const [u0, u1, v0, v1] = units;
  const first = groups[0];
  let ub = u0 - 1;
  while (ub + 1 <= u1 && S.endWord[ub + 1] <= first.s0) ub++;
  let vb = v0 - 1;
  while (vb + 1 <= v1 && R.endWord[vb + 1] <= first.r0) vb++;
  if (ub >= u0 && vb >= v0 && rangeSimilarity(S, R, W, u0, ub, v0, vb) >= VERBATIM_EXTEND_SIMILARITY) {
    first.s0 = S.firstWord[u0];
    first.r0 = R.firstWord[v0];
    first.kind = 'paraphrase';
    first.similarity = p.similarity;
  }
  const last = groups[groups.length - 1];
  let ua = u1 + 1;
  while (ua - 1 >= u0 && S.firstWord[ua - 1] >= last.s1) ua--;
  let va = v1 + 1;
  while (va - 1 >= v0 && R.firstWord[va - 1] >= last.r1) va--;
  if (ua <= u1 && va <= v1 && rangeSimilarity(S, R, W, ua, u1, va, v1) >= VERBATIM_EXTEND_SIMILARITY) {
    last.s1 = S.endWord[u1];
    last.r1 = R.endWord[v1];
    last.kind = 'paraphrase';
    last.similarity = p.similarity;
  }
  // A reworded passage ends where its sentences end, not where its last copied words do.
  for (const g of groups) {
    if (g.kind !== 'paraphrase') continue;
    for (let u = u0; u <= u1; u++) if (S.firstWord[u] < g.s1 && g.s1 < S.endWord[u]) g.s1 = S.endWord[u];
    for (let v = v0; v <= v1; v++) if (R.firstWord[v] < g.r1 && g.r1 < R.endWord[v]) g.r1 = R.endWord[v];
    for (let u = u0; u <= u1; u++) if (S.firstWord[u] < g.s0 && g.s0 < S.endWord[u]) g.s0 = S.firstWord[u];
    for (let v = v0; v <= v1; v++) if (R.firstWord[v] < g.r0 && g.r0 < R.endWord[v]) g.r0 = R.firstWord[v];
  }
}

const CLOSING = /^[.!?…。！？,;:"'”’»)\]]*/;

/** Offset just past a word, its attached closing punctuation included. */
function endAfter(p: AlignmentInput, w: number): number {
  const end = p.wordEnd[w];
  const m = CLOSING.exec(p.text.slice(end, end + 6));
  return end + (m ? m[0].length : 0);
}

/**
 * What alignment reads of a prepared text: the text, its word spans, the hashes of its
 * normalised words (verbatim runs) and its sentence model, made once per text and reused for
 * every pair it is in (`alignmentInput`; `src/pan/` keeps one per document).
 */
export interface AlignmentInput {
  text: string;
  wordStart: Int32Array;
  wordEnd: Int32Array;
  keyHashes: Int32Array;
  model: SentenceModel;
}

/** The alignment input of a prepared text (its sentence model and key hashes are cached with it). */
export function alignmentInput(p: PreparedText): AlignmentInput {
  return { text: p.text, wordStart: p.wordStart, wordEnd: p.wordEnd, keyHashes: keyHashes(p), model: sentenceModel(p) };
}

/**
 * Finds passages reused between a submission and a source, in the spirit of the PAN
 * text-alignment winners (Sanchez-Perez, Sidorov, Gelbukh 2014/2015): sentence pairs similar
 * by tf-isf cosine and Dice are seeds; seeds are clustered along both texts into fragments,
 * each validated by the similarity of its two ranges as wholes; when the source ranges come out
 * much longer than the submission ranges (a summary), clustering is redone with wide gaps on
 * the source side. Verbatim word runs then sharpen the boundaries of copied passages and add
 * long copies the sentence step missed; overlaps are resolved and short passages dropped.
 * Ranges are reported in characters of the original texts.
 */
export function alignTexts(submission: PreparedText, source: PreparedText, options: AlignOptions = {}): Passage[] {
  return alignInputs(alignmentInput(submission), alignmentInput(source), options);
}

/** `alignTexts` on alignment inputs (`alignmentInput`), e.g. texts prepared on another thread. */
export function alignInputs(submission: AlignmentInput, source: AlignmentInput, options: AlignOptions = {}): Passage[] {
  const minWords = options.minWords ?? 8;
  const minChars = options.minChars ?? MIN_CHARS;
  const S = submission.model;
  const R = source.model;
  const P: AlignParams = options.params ? { ...DEFAULT_ALIGN_PARAMS, ...options.params } : DEFAULT_ALIGN_PARAMS;
  const W = S.start.length && R.start.length ? pairWeights(S, R, P.synonymWeight) : null;
  const found = refineWithVerbatim(submission, source, W ? sentenceFragments(S, R, W, P) : [], S, R, W);
  const passages: Passage[] = [];
  for (const p of found) {
    if (p.s1 - p.s0 < minWords) continue;
    const offset = submission.wordStart[p.s0];
    const length = endAfter(submission, p.s1 - 1) - offset;
    const sourceOffset = source.wordStart[p.r0];
    const sourceLength = endAfter(source, p.r1 - 1) - sourceOffset;
    if (length < minChars || sourceLength < minChars) continue;
    passages.push({ offset, length, sourceOffset, sourceLength, kind: p.kind, similarity: Math.min(1, p.similarity) });
  }
  return passages;
}
