import type { HiddenCharacter, PreparedText, Word } from './types.js';
import { segmentWordsInto } from './words.js';
import { segmentSentences } from './sentences.js';
import { foldWord, isLatinText } from './normalise.js';
import { detectLanguage } from './language.js';
import { lexiconFor } from './lexicon.js';

export interface PrepareOptions {
  /** ISO 639-1 code; detected from the text when absent. */
  language?: string;
}

/**
 * Makes a text ready for comparison: words (original offsets, normalised keys, stems, stop-word
 * flags), sentences, the language, and the hidden characters the normaliser removed or folded.
 */
export function prepareText(text: string, options: PrepareOptions = {}): PreparedText {
  let latin: boolean | undefined;
  const latinText = () => (latin ??= isLatinText(text));
  const hidden: HiddenCharacter[] = [];
  const words: Word[] = segmentWordsInto(text, (start, end, ascii) => {
    const raw = text.slice(start, end);
    return { start, end, key: ascii ? raw.toLowerCase() : foldWord(raw, latinText, start, hidden), stem: '', stop: false };
  });
  const language = options.language ?? detectLanguage(words);
  const lexicon = lexiconFor(language);
  for (const w of words) {
    const entry = lexicon.lookup(w.key);
    w.stop = entry.stop;
    w.stem = entry.stem;
  }
  return { text, words, sentences: segmentSentences(text, words), language, stemmer: lexicon.stemmer, hidden };
}
