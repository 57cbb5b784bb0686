import type { AlignOptions, Passage, PreparedText } from '../types.js';
import { sentenceModel } from './sentence-model.js';
import type { SentenceModel } from './sentence-model.js';
import { findSeeds, pairWeights } from './seeds.js';
import { extend } from './extension.js';
import type { ExtensionParams, Fragment } from './extension.js';

const MIN_COSINE = 0.33;
const MIN_DICE = 0.33;
const GENERAL: ExtensionParams = { suspGap: 4, srcGap: 4, minValidation: 0.34 };
/** Summaries condense a long source range into a few sentences: wide gaps on the source side. */
const SUMMARY: ExtensionParams = { suspGap: 3, srcGap: 24, minValidation: 0.34 };
const SUMMARY_RATIO = 3;
const MIN_CHARS = 150;

function suspLength(S: SentenceModel, f: Fragment): number { return S.end[f.s1] - S.start[f.s0]; }
function srcLength(R: SentenceModel, f: Fragment): number { return R.end[f.r1] - R.start[f.r0]; }

/** Keeps, among fragments overlapping on the submission side, the most similar one. */
function removeOverlaps(S: SentenceModel, fragments: Fragment[]): Fragment[] {
  const ranked = [...fragments].sort((a, b) => b.similarity - a.similarity || suspLength(S, b) - suspLength(S, a));
  const kept: Fragment[] = [];
  for (const f of ranked) {
    if (!kept.some((k) => f.s0 <= k.s1 && k.s0 <= f.s1)) kept.push(f);
  }
  return kept.sort((a, b) => a.s0 - b.s0);
}

/**
 * Finds passages reused between a submission and a source, in the spirit of the PAN
 * text-alignment winners (Sanchez-Perez, Sidorov, Gelbukh 2014/2015): sentence pairs similar
 * by tf-isf cosine and Dice are seeds; seeds are clustered along both texts into fragments,
 * each validated by the similarity of its two ranges as wholes; overlaps are resolved and short
 * fragments dropped. When the found source ranges are much longer than the submission ranges
 * (a summary), clustering is redone with wide gaps on the source side.
 * Ranges are reported in characters of the original texts.
 */
export function alignTexts(submission: PreparedText, source: PreparedText, options: AlignOptions = {}): Passage[] {
  const minWords = options.minWords ?? 8;
  const S = sentenceModel(submission);
  const R = sentenceModel(source);
  if (S.start.length === 0 || R.start.length === 0) return [];
  const W = pairWeights(S, R);
  const seeds = findSeeds(S, R, W, MIN_COSINE, MIN_DICE);
  if (seeds.length === 0) return [];
  let fragments = removeOverlaps(S, extend(S, R, W, seeds, GENERAL));
  const suspTotal = fragments.reduce((t, f) => t + suspLength(S, f), 0);
  const srcTotal = fragments.reduce((t, f) => t + srcLength(R, f), 0);
  if (fragments.length && srcTotal >= SUMMARY_RATIO * suspTotal) {
    fragments = removeOverlaps(S, extend(S, R, W, seeds, SUMMARY));
  }
  const passages: Passage[] = [];
  for (const f of fragments) {
    const offset = S.start[f.s0];
    const length = S.end[f.s1] - offset;
    const sourceOffset = R.start[f.r0];
    const sourceLength = R.end[f.r1] - sourceOffset;
    if (length < MIN_CHARS || sourceLength < MIN_CHARS) continue;
    if (S.endWord[f.s1] - S.firstWord[f.s0] < minWords) continue;
    passages.push({ offset, length, sourceOffset, sourceLength });
  }
  return passages;
}
