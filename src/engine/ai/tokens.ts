/**
 * Tokens and sentences for the AI-text detector. Text is first normalised so that typing
 * conventions of a word processor or a corpus (curly quotes, runs of spaces, line breaks) do not
 * become evidence; the tokens keep their offsets into the original text.
 */

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  /** The token as written, quotes folded to straight ones. */
  text: string;
  /** Lower-cased text. */
  lower: string;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Indexes into the token array: [first, last). */
  first: number;
  last: number;
}

// Built on first use: every process that loads the engine would otherwise pay for compiling its
// Unicode classes (the PAN runner never tokenises for AI).
let TOKEN: RegExp | undefined;
const tokenPattern = () =>
  (TOKEN ??= /[\p{L}\p{M}]+(?=n['’]t\b)|n['’]t\b|['’](?:s|re|ve|ll|d|m)\b|[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*|\p{N}+(?:[.,:]\p{N}+)*|[^\s\p{L}\p{M}\p{N}]/gu);

function fold(s: string): string {
  return s.replace(/[’‘`´]/g, "'").replace(/[“”„«»]/g, '"').replace(/[–]/g, '-').replace(/…/g, '...');
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(tokenPattern())) {
    const raw = m[0];
    const start = m.index ?? 0;
    const t = fold(raw);
    const kind: TokenKind = /^\p{N}/u.test(t) ? 'number' : /^[\p{L}\p{M}']/u.test(t) && /[\p{L}]/u.test(t) ? 'word' : 'punct';
    out.push({ kind, text: t, lower: t.toLowerCase(), start, end: start + raw.length });
  }
  return out;
}

// Made on first use too (an ICU sentence iterator costs ~10 ms to create).
let segmenter: Intl.Segmenter | undefined;

/** Sentence boundaries (Unicode UAX #29 via Intl.Segmenter), mapped onto the tokens. */
export function sentences(text: string, tokens: readonly Token[]): Sentence[] {
  const out: Sentence[] = [];
  let t = 0;
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const seg of segmenter.segment(text)) {
    const start = seg.index;
    const end = start + seg.segment.length;
    const first = t;
    while (t < tokens.length && tokens[t].start < end) t++;
    if (t > first) out.push({ start: tokens[first].start, end: tokens[t - 1].end, first, last: t });
  }
  return out;
}

/** Number of whitespace-separated words, the measure of the "too short" rule. */
export function whitespaceWordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n++;
  return n;
}
