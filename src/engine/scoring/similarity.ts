import type { Passage, PreparedText } from '../text/types.js';
import { prepareText } from '../text/prepare.js';
import type { Range } from './coverage.js';
import { unionRanges } from './coverage.js';
import type { Exclusion } from './exclusions.js';
import { findBlockQuotes, findPhrases, findQuotes, findReferences, findTemplateText } from './exclusions.js';
import { FACTOR1_WORDS, FACTOR2_WORDS, wordsInPhrases, type PhraseRun } from './factors.js';

export interface SourcePassages<S> {
  source: S;
  passages: Passage[];
  /**
   * The prepared source text. Needed for Plagiat.pl's factors (phrases are found word for word
   * in it); without it a source contributes no phrases to the factors.
   */
  text?: PreparedText;
  /**
   * Instead of `text`: the phrases found in it, from `phraseRuns(submission, text)` (a stored
   * pair result). Gives the same factors as `text`.
   */
  phrases?: readonly PhraseRun[];
}

export interface SourceScore<S> {
  source: S;
  /** Share (0..1) of the submission's counted words covered by this source's passages. */
  similarity: number;
  /** The passages that count (after exclusions), and those left out as too short. */
  passages: Passage[];
}

export interface ScoreOptions {
  /** Leave quoted text out (straight and typographic quotes, « », „ “, block quotes). Default true. */
  excludeQuotes?: boolean;
  /** Leave the references or bibliography section out. Default true. */
  excludeReferences?: boolean;
  /** Passages shorter than this many words do not count. Default 0 (all count). */
  minMatchWords?: number;
  /** Up to 15 phrases whose occurrences do not count. */
  excludedPhrases?: readonly string[];
  /** Instructor-provided template texts; text shared with them does not count. */
  templates?: readonly PreparedText[];
  /** Shortest run of words shared with a template that is excluded. Default 5. */
  templateMinWords?: number;
  /** Exclusions found elsewhere (common text of the class, see `findCommonText`). */
  excluded?: readonly Exclusion[];
}

export interface SubmissionScore<S> {
  /**
   * Share (0..1) of the submission covered by passages, after exclusions: matched word
   * characters over all word characters, both counted outside excluded text.
   */
  similarity: number;
  sources: SourceScore<S>[];
  /**
   * Plagiat.pl coefficient 1: share (0..1) of counted words inside phrases of >= 5 consecutive
   * words found word for word in a source (sources given with `text` only).
   */
  factor1: number;
  /** Plagiat.pl coefficient 2: the same for phrases of >= 25 words. */
  factor2: number;
  /** What was left out and why: excluded text ranges and passages too short to count. */
  exclusions: Exclusion[];
}

function inside(ranges: readonly Range[], start: number, end: number, from: { j: number }): boolean {
  while (from.j < ranges.length && ranges[from.j].end <= start) from.j++;
  return from.j < ranges.length && ranges[from.j].start <= start && ranges[from.j].end >= end;
}

function overlapsAny(ranges: readonly Range[], start: number, end: number): boolean {
  return ranges.some((r) => r.start < end && start < r.end);
}

/**
 * Overall and per-source similarity and Plagiat.pl's factors of a submission, from the passages
 * found against each source, after exclusions. Excluded text (quotes, references, excluded
 * phrases, template text) leaves both the numerator and the denominator; a passage shorter
 * than `minMatchWords` leaves the numerator, and so does one with fewer than `minMatchWords`
 * words outside excluded text (it stays listed, counting nothing). Everything excluded is listed with its reason.
 */
export function scoreSubmission<S>(
  submission: PreparedText, found: readonly SourcePassages<S>[], options: ScoreOptions = {},
): SubmissionScore<S> {
  const text = submission.text;
  const exclusions: Exclusion[] = [];
  if (options.excludeQuotes ?? true) exclusions.push(...findQuotes(text), ...findBlockQuotes(text));
  if (options.excludeReferences ?? true) exclusions.push(...findReferences(text));
  if (options.excludedPhrases?.length) exclusions.push(...findPhrases(submission, options.excludedPhrases, (t) => prepareText(t, { language: submission.language })));
  if (options.templates?.length) exclusions.push(...findTemplateText(submission, options.templates, options.templateMinWords ?? 5));
  if (options.excluded?.length) exclusions.push(...options.excluded);
  const excluded = unionRanges(exclusions.map((e) => ({ start: e.offset, end: e.offset + e.length })));

  // Words that count: not inside excluded text.
  const words = submission.words;
  const counted = new Uint8Array(words.length);
  let total = 0;
  let totalWords = 0;
  const cursor = { j: 0 };
  words.forEach((w, i) => {
    if (inside(excluded, w.start, w.end, cursor)) return;
    counted[i] = 1;
    total += w.end - w.start;
    totalWords++;
  });

  const minWords = options.minMatchWords ?? 0;
  const wordCount = (p: Passage) => {
    let n = 0;
    for (const w of words) if (w.start >= p.offset && w.end <= p.offset + p.length) n++;
    return n;
  };
  const coverage = (ranges: Range[]) => {
    const merged = unionRanges(ranges);
    const c = { j: 0 };
    let covered = 0;
    words.forEach((w, i) => { if (counted[i] && inside(merged, w.start, w.end, c)) covered += w.end - w.start; });
    return total === 0 ? 0 : covered / total;
  };
  const toRange = (p: Passage): Range => ({ start: p.offset, end: p.offset + p.length });
  /** Words of the passage outside excluded text. */
  const countedWords = (p: Passage) => {
    let n = 0;
    words.forEach((w, i) => { if (counted[i] && w.start >= p.offset && w.end <= p.offset + p.length) n++; });
    return n;
  };
  /** Passages shown but not counted: too little of them lies outside excluded text. */
  const remnants: Range[] = [];

  const all: Range[] = [];
  const sources: SourceScore<S>[] = [];
  for (const f of found) {
    const kept: Passage[] = [];
    for (const p of f.passages) {
      if (minWords > 0 && wordCount(p) < minWords) {
        exclusions.push({ offset: p.offset, length: p.length, reason: 'short-match' });
      } else {
        kept.push(p);
      }
    }
    if (kept.length === 0) continue;
    // What is left of a passage outside excluded text must itself be long enough to count: a
    // quotation copied with a word or two after its closing mark is not a match of those words.
    const ranges = kept.filter((p) => minWords <= 0 || countedWords(p) >= minWords).map(toRange);
    for (const p of kept) if (minWords > 0 && countedWords(p) < minWords) remnants.push(toRange(p));
    all.push(...ranges);
    sources.push({ source: f.source, passages: kept, similarity: coverage(ranges) });
  }
  sources.sort((a, b) => b.similarity - a.similarity);

  // Plagiat.pl factors: phrases found word for word in any source given with its text,
  // outside excluded text and outside passages excluded as too short.
  const texts = found.filter((f) => f.text).map((f) => f.text!);
  const runs = found.filter((f) => !f.text && f.phrases).map((f) => f.phrases!);
  const short = [...exclusions.filter((e) => e.reason === 'short-match').map((e) => ({ start: e.offset, end: e.offset + e.length })), ...remnants];
  const factor = (minPhrase: number) => {
    if (totalWords === 0 || (texts.length === 0 && runs.length === 0)) return 0;
    const marked = wordsInPhrases(submission, texts, minPhrase, runs);
    let n = 0;
    words.forEach((w, i) => { if (counted[i] && marked[i] && !overlapsAny(short, w.start, w.end)) n++; });
    return n / totalWords;
  };
  exclusions.sort((a, b) => a.offset - b.offset);
  return { similarity: coverage(all), sources, factor1: factor(FACTOR1_WORDS), factor2: factor(FACTOR2_WORDS), exclusions };
}
