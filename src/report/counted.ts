/**
 * What counts in a score, seen from the report: the text the assignment's settings leave out
 * (quotations, the reference list, excluded phrases, template text, matches too short to count),
 * and for each match whether any of it still counts. The engine's score already leaves that text
 * out; this module lets every rendering show it as excluded, with the reason.
 */

/** Why text or a match does not count. */
export type ExcludedReason =
  | 'quote'
  | 'block-quote'
  | 'references'
  | 'phrase'
  | 'template'
  /** Text that many documents of the assignment share (a pasted prompt): no source is blamed for it. */
  | 'common'
  | 'short-match'
  /** An instructor excluded the match in the viewer. */
  | 'instructor'
  /** An instructor excluded the match's source in the viewer. */
  | 'source-excluded';

/** A stretch of the submission left out of the score by the settings. */
export interface ExcludedSpan {
  offset: number;
  length: number;
  excluded: true;
  reason: ExcludedReason;
  /** The reason in words ("quotation", "short match (under 8 words)"). */
  label: string;
}

/** A stored exclusion (the engine's `Exclusion`), seen structurally. */
export interface StoredExclusion {
  offset: number;
  length: number;
  reason: string;
}

const TEXT_REASONS = new Set<ExcludedReason>(['quote', 'block-quote', 'references', 'phrase', 'template', 'common', 'short-match']);

/** The reason in the words a report shows. */
export function reasonLabel(reason: ExcludedReason, minMatchWords?: number): string {
  switch (reason) {
    case 'quote': return 'quotation';
    case 'block-quote': return 'block quotation';
    case 'references': return 'reference list';
    case 'phrase': return 'excluded phrase';
    case 'template': return 'template text';
    case 'common': return 'text common to the class';
    case 'short-match': return minMatchWords ? `short match (under ${minMatchWords} words)` : 'short match';
    case 'instructor': return 'excluded by the instructor';
    case 'source-excluded': return 'source excluded by the instructor';
  }
}

/** The stored exclusions as spans of the report (sorted, unknown reasons dropped). */
export function excludedSpans(stored: readonly StoredExclusion[] | undefined, minMatchWords?: number): ExcludedSpan[] {
  return (stored ?? [])
    .filter((e) => TEXT_REASONS.has(e.reason as ExcludedReason) && e.length > 0)
    .map((e) => ({ offset: e.offset, length: e.length, excluded: true as const, reason: e.reason as ExcludedReason, label: reasonLabel(e.reason as ExcludedReason, minMatchWords) }))
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
}

const WORD = /[\p{L}\p{N}]/u;

export interface MatchCount {
  /** True when nothing of the match counts: all its words lie in excluded text. */
  excluded: boolean;
  /** The reason covering most of the match, when it is excluded. */
  reason: ExcludedReason | null;
  /** Parts of the match's submission range that lie in excluded text, with their reasons. */
  parts: { offset: number; length: number; reason: ExcludedReason }[];
}

/**
 * Whether a match on [offset, offset+length) of the submission counts. The engine counts a word
 * unless it lies inside excluded text, so a match counts when some word of it is outside every
 * excluded span, and (given `minMatchWords`) at least that many words are. Short-match spans are not used here: they are other matches (a
 * short match of one source does not uncount a long one of another at the same place).
 */
export function matchCount(text: string, offset: number, length: number, spans: readonly ExcludedSpan[], minMatchWords = 0): MatchCount {
  const end = offset + length;
  const parts: MatchCount['parts'] = [];
  for (const s of spans) {
    if (s.reason === 'short-match') continue;
    const a = Math.max(offset, s.offset);
    const b = Math.min(end, s.offset + s.length);
    if (b > a) parts.push({ offset: a, length: b - a, reason: s.reason });
  }
  if (!parts.length) return { excluded: false, reason: null, parts };
  // What is left of the match outside the excluded parts: does it hold a word character?
  const covered = new Uint8Array(length);
  for (const p of parts) covered.fill(1, p.offset - offset, p.offset - offset + p.length);
  // Words left outside the excluded parts; like the engine, fewer than the minimum match length
  // do not count (a quotation copied with a word after its closing mark is still excluded).
  let words = 0;
  let inWord = false;
  for (let i = 0; i < length; i++) {
    const w = !covered[i] && WORD.test(text[offset + i] ?? '');
    if (w && !inWord) words++;
    inWord = w;
  }
  if (words > 0 && words >= minMatchWords) return { excluded: false, reason: null, parts };
  const weight = new Map<ExcludedReason, number>();
  for (const p of parts) weight.set(p.reason, (weight.get(p.reason) ?? 0) + p.length);
  const reason = [...weight].sort((x, y) => y[1] - x[1])[0][0];
  return { excluded: true, reason, parts };
}
