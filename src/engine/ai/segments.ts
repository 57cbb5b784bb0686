/**
 * Cuts a text into segments of roughly 100 to 300 words along sentence boundaries, and decides
 * whether the text can be judged at all (long enough, in a supported language).
 */
import { detectLanguage } from '../text/language.js';
import { sentences, tokenize, whitespaceWordCount, type Sentence, type Token } from './tokens.js';

/** Under this many whitespace-separated words a text gets no verdict. */
export const AI_MIN_WORDS = 150;
const TARGET_WORDS = 200;
const MAX_SENTENCE_TOKENS = 200;

export interface PlannedSegment {
  offset: number;
  length: number;
  words: number;
  /** Token range [first, last) and its sentences. */
  first: number;
  last: number;
  sentences: Sentence[];
}

export type AiPlan =
  | { status: 'ok'; text: string; tokens: Token[]; sentences: Sentence[]; words: number; segments: PlannedSegment[] }
  | { status: 'too_short'; words: number; minWords: number }
  | { status: 'unsupported_language'; language: string };

/** Whitespace of every kind becomes a plain space, keeping offsets: line-break habits of a corpus are no evidence. */
export function flattenWhitespace(text: string): string {
  return text.replace(/\s/g, ' ');
}

/** Sentences longer than MAX_SENTENCE_TOKENS (text without punctuation) are cut into pieces. */
function boundedSentences(sents: readonly Sentence[], tokens: readonly Token[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sents) {
    for (let f = s.first; f < s.last; f += MAX_SENTENCE_TOKENS) {
      const l = Math.min(s.last, f + MAX_SENTENCE_TOKENS);
      out.push({ start: tokens[f].start, end: tokens[l - 1].end, first: f, last: l });
    }
  }
  return out;
}

export function planAiSegments(original: string, supported: readonly string[], language?: string, minWords = AI_MIN_WORDS): AiPlan {
  const words = whitespaceWordCount(original);
  if (words < minWords || words === 0) return { status: 'too_short', words, minWords };
  if (language && language !== 'und' && !supported.includes(language)) return { status: 'unsupported_language', language };
  const text = flattenWhitespace(original);
  const tokens = tokenize(text);
  if (!language || language === 'und') {
    // No hint from extraction: the engine's function-word language detector decides.
    const detected = detectLanguage(tokens.filter((t) => t.kind === 'word').map((t) => ({ key: t.lower })));
    if (!supported.includes(detected)) return { status: 'unsupported_language', language: detected };
  }
  const sents = boundedSentences(sentences(text, tokens), tokens);
  const sentWords = sents.map((s) => whitespaceWordCount(text.slice(s.start, s.end)));
  const k = Math.max(1, Math.round(words / TARGET_WORDS));
  const segments: PlannedSegment[] = [];
  let cur: Sentence[] = [];
  let curWords = 0;
  let doneWords = 0;
  for (let i = 0; i < sents.length; i++) {
    cur.push(sents[i]);
    curWords += sentWords[i];
    const segmentsLeft = k - segments.length;
    const target = (words - doneWords) / segmentsLeft;
    if (segmentsLeft > 1 && curWords >= target) {
      segments.push(toSegment(text, cur, curWords));
      doneWords += curWords;
      cur = [];
      curWords = 0;
    }
  }
  if (cur.length) segments.push(toSegment(text, cur, curWords));
  return { status: 'ok', text, tokens, sentences: sents, words, segments };
}

function toSegment(text: string, sents: Sentence[], words: number): PlannedSegment {
  const first = sents[0];
  const last = sents[sents.length - 1];
  return { offset: first.start, length: last.end - first.start, words, first: first.first, last: last.last, sentences: sents };
}
