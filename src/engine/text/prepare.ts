import type { HiddenCharacter, PreparedText, Word } from './types.js';
import { scanWords } from './words.js';
import { segmentSentences } from './sentences.js';
import { foldWord, isLatinText } from './normalise.js';
import { detectLanguage, LANGUAGE_SAMPLE_WORDS } from './language.js';
import { lexiconFor } from './lexicon.js';
import { rememberKeyHashes } from './key-hashes.js';

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
  // Spans first (start, end, 1 when plain ASCII); words are built once the language is known.
  let spans = new Int32Array(3 * (64 + (text.length >> 3)));
  let n = 0;
  scanWords(text, (start, end, ascii) => {
    if (3 * n + 3 > spans.length) { const grown = new Int32Array(spans.length * 2); grown.set(spans); spans = grown; }
    spans[3 * n] = start;
    spans[3 * n + 1] = end;
    spans[3 * n + 2] = ascii ? 1 : 0;
    n++;
  });
  const folded: (string | undefined)[] = new Array(n);
  const keyOf = (i: number): string => {
    let key = folded[i];
    if (key === undefined) {
      const start = spans[3 * i];
      const raw = text.slice(start, spans[3 * i + 1]);
      key = spans[3 * i + 2] ? raw.toLowerCase() : foldWord(raw, latinText, start, hidden);
      folded[i] = key;
    }
    return key;
  };
  let language = options.language;
  if (language === undefined) {
    const sample: { key: string }[] = [];
    for (let i = 0; i < Math.min(n, LANGUAGE_SAMPLE_WORDS); i++) sample.push({ key: keyOf(i) });
    language = detectLanguage(sample);
  }
  const lexicon = lexiconFor(language);
  const words: Word[] = new Array(n);
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const start = spans[3 * i];
    const end = spans[3 * i + 1];
    const entry = spans[3 * i + 2] ? lexicon.lookupAscii(text, start, end) : lexicon.lookup(keyOf(i));
    words[i] = { start, end, key: entry.key, stem: entry.stem, stop: entry.stop };
    hashes[i] = entry.hash | 0;
  }
  hidden.sort((a, b) => a.offset - b.offset);
  const prepared: PreparedText = { text, words, sentences: segmentSentences(text, words), language, stemmer: lexicon.stemmer, hidden };
  rememberKeyHashes(prepared, hashes);
  return prepared;
}
