import type { HiddenCharacter, PreparedText, Word } from './types.js';
import { segmentWords } from './words.js';
import { segmentSentences } from './sentences.js';
import { foldWord, isLatinText } from './normalise.js';
import { detectLanguage } from './language.js';
import { stopWords } from './stop-words.js';
import { stemmerFor } from './stemming.js';

export interface PrepareOptions {
  /** ISO 639-1 code; detected from the text when absent. */
  language?: string;
}

/**
 * Makes a text ready for comparison: words (original offsets, normalised keys, stems, stop-word
 * flags), sentences, the language, and the hidden characters the normaliser removed or folded.
 */
export function prepareText(text: string, options: PrepareOptions = {}): PreparedText {
  const spans = segmentWords(text);
  const latin = isLatinText(text);
  const hidden: HiddenCharacter[] = [];
  const keys = spans.map((s) => foldWord(text.slice(s.start, s.end), latin, s.start, hidden));
  const language = options.language ?? detectLanguage(keys);
  const stops = stopWords(language);
  const stemmer = stemmerFor(language);
  const words: Word[] = new Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const key = keys[i];
    words[i] = { start: spans[i].start, end: spans[i].end, key, stem: stemmer ? stemmer.stem(key) : key, stop: stops.has(key) };
  }
  return { text, words, sentences: segmentSentences(text, spans), language, stemmer: stemmer?.name ?? null, hidden };
}
