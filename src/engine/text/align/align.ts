import type { AlignOptions, Passage, PreparedText } from '../types.js';
import { sentenceModel } from './sentence-model.js';
import type { SentenceModel } from './sentence-model.js';
import { findSeeds, pairWeights } from './seeds.js';
import { extend } from './extension.js';
import type { ExtensionParams, Fragment } from './extension.js';
import { chainRuns, keyHashes, verbatimRuns } from './verbatim.js';
import type { Run } from './verbatim.js';

const MIN_COSINE = 0.33;
const MIN_DICE = 0.33;
const GENERAL: ExtensionParams = { suspGap: 4, srcGap: 4, minValidation: 0.34 };
/** Summaries condense a long source range into a few sentences: wide gaps on the source side. */
const SUMMARY: ExtensionParams = { suspGap: 3, srcGap: 24, minValidation: 0.34 };
const SUMMARY_RATIO = 3;
const MIN_CHARS = 150;
/** Verbatim runs: shortest run, largest gap (words) inside a chain, share of a fragment that makes it verbatim. */
const RUN_MIN_WORDS = 8;
const RUN_GAP = 3;
const VERBATIM_SHARE = 0.6;
/** A verbatim chain at least this long is a passage even when no sentence seed found it. */
const VERBATIM_ALONE_WORDS = 40;

/** A passage in word indices: submission words [s0, s1), source words [r0, r1). */
interface WordPassage { s0: number; s1: number; r0: number; r1: number; similarity: number }

function suspLength(S: SentenceModel, f: Fragment): number { return S.end[f.s1] - S.start[f.s0]; }
function srcLength(R: SentenceModel, f: Fragment): number { return R.end[f.r1] - R.start[f.r0]; }

/** Keeps, among passages overlapping on the submission side, the most similar (then longest) one. */
function removeOverlaps(ps: WordPassage[]): WordPassage[] {
  const ranked = [...ps].sort((a, b) => b.similarity - a.similarity || (b.s1 - b.s0) - (a.s1 - a.s0));
  const kept: WordPassage[] = [];
  for (const p of ranked) if (!kept.some((k) => p.s0 < k.s1 && k.s0 < p.s1)) kept.push(p);
  return kept.sort((a, b) => a.s0 - b.s0);
}

function sentenceFragments(S: SentenceModel, R: SentenceModel): WordPassage[] {
  if (S.start.length === 0 || R.start.length === 0) return [];
  const W = pairWeights(S, R);
  const seeds = findSeeds(S, R, W, MIN_COSINE, MIN_DICE);
  if (seeds.length === 0) return [];
  let fragments = extend(S, R, W, seeds, GENERAL);
  const suspTotal = fragments.reduce((t, f) => t + suspLength(S, f), 0);
  const srcTotal = fragments.reduce((t, f) => t + srcLength(R, f), 0);
  if (fragments.length && srcTotal >= SUMMARY_RATIO * suspTotal) fragments = extend(S, R, W, seeds, SUMMARY);
  return removeOverlaps(fragments.map((f) => ({
    s0: S.firstWord[f.s0], s1: S.endWord[f.s1], r0: R.firstWord[f.r0], r1: R.endWord[f.r1], similarity: f.similarity,
  })));
}

function chainSpan(chain: Run[]): WordPassage {
  const last = chain[chain.length - 1];
  let r0 = Infinity;
  let r1 = -1;
  for (const run of chain) { r0 = Math.min(r0, run.r); r1 = Math.max(r1, run.r + run.len); }
  return { s0: chain[0].s, s1: last.s + last.len, r0, r1, similarity: 1 };
}

/**
 * Refines passages with verbatim runs: a passage mostly made of copied words takes the exact
 * word boundaries of the copy (sentence units blur them), and long copies no sentence seed
 * found become passages of their own.
 */
function refineWithVerbatim(submission: PreparedText, source: PreparedText, passages: WordPassage[]): WordPassage[] {
  const chains = chainRuns(verbatimRuns(keyHashes(submission), keyHashes(source), RUN_MIN_WORDS), RUN_GAP).map(chainSpan);
  if (chains.length === 0) return passages;
  const used = new Set<WordPassage>();
  const out: WordPassage[] = passages.map((p) => {
    const inside = chains.filter((c) => c.s0 < p.s1 && p.s0 < c.s1 && c.r0 < p.r1 && p.r0 < c.r1);
    if (inside.length === 0) return p;
    inside.forEach((c) => used.add(c));
    const copied = inside.reduce((t, c) => t + Math.min(c.s1, p.s1) - Math.max(c.s0, p.s0), 0);
    if (copied < VERBATIM_SHARE * (p.s1 - p.s0)) return p;
    return {
      s0: Math.min(...inside.map((c) => c.s0)), s1: Math.max(...inside.map((c) => c.s1)),
      r0: Math.min(...inside.map((c) => c.r0)), r1: Math.max(...inside.map((c) => c.r1)), similarity: p.similarity,
    };
  });
  for (const c of chains) if (!used.has(c) && c.s1 - c.s0 >= VERBATIM_ALONE_WORDS) out.push(c);
  return removeOverlaps(out);
}

const CLOSING = /^[.!?…。！？,;:"'”’»)\]]*/;

/** Offset just past a word, its attached closing punctuation included. */
function endAfter(p: PreparedText, w: number): number {
  const end = p.words[w].end;
  const m = CLOSING.exec(p.text.slice(end, end + 6));
  return end + (m ? m[0].length : 0);
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
  const minWords = options.minWords ?? 8;
  const S = sentenceModel(submission);
  const R = sentenceModel(source);
  const found = refineWithVerbatim(submission, source, sentenceFragments(S, R));
  const passages: Passage[] = [];
  for (const p of found) {
    if (p.s1 - p.s0 < minWords) continue;
    const offset = submission.words[p.s0].start;
    const length = endAfter(submission, p.s1 - 1) - offset;
    const sourceOffset = source.words[p.r0].start;
    const sourceLength = endAfter(source, p.r1 - 1) - sourceOffset;
    if (length < MIN_CHARS || sourceLength < MIN_CHARS) continue;
    passages.push({ offset, length, sourceOffset, sourceLength });
  }
  return passages;
}
