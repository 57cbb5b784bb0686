import type { HiddenCharacter, PreparedText, Sentence, Word } from './types.js';
import { scanWords } from './words.js';
import { segmentSentences } from './sentences.js';
import { foldWord, isLatinText } from './normalise.js';
import { asciiMask, keyMask, languageOfMasks, LANGUAGE_SAMPLE_WORDS } from './language.js';
import { lexiconFor } from './lexicon.js';
import type { LexiconTable } from './lexicon.js';
import { rememberKeyHashes } from './key-hashes.js';

export interface PrepareOptions {
  /** ISO 639-1 code; detected from the text when absent. */
  language?: string;
}

/** A prepared text: word columns, and `words` as objects built from them on first access. */
class Prepared implements PreparedText {
  #words: Word[] | undefined;
  constructor(
    public text: string,
    public wordStart: Int32Array,
    public wordEnd: Int32Array,
    public wordEntry: Int32Array,
    public forms: LexiconTable,
    public sentences: Sentence[],
    public language: string,
    public stemmer: string | null,
    public hidden: HiddenCharacter[],
  ) {}

  get words(): Word[] {
    if (this.#words === undefined) {
      const n = this.wordStart.length;
      const words: Word[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const e = this.forms.entries[this.wordEntry[i]];
        words[i] = { start: this.wordStart[i], end: this.wordEnd[i], key: e.key, stem: e.stem, stop: e.stop };
      }
      this.#words = words;
    }
    return this.#words;
  }
}

/**
 * Makes a text ready for comparison: words (original offsets, and per word its lexicon entry:
 * normalised key, stem, stop-word flag), sentences, the language, and the hidden characters the
 * normaliser removed or folded.
 */
export function prepareText(text: string, options: PrepareOptions = {}): PreparedText {
  let latin: boolean | undefined;
  const latinText = () => (latin ??= isLatinText(text));
  const hidden: HiddenCharacter[] = [];
  // Spans first (start, end, and whether plain ASCII); entries are found once the language is known.
  let capacity = 64 + (text.length >> 3);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let ascii = new Uint8Array(capacity);
  let n = 0;
  scanWords(text, (start, end, plain) => {
    if (n === capacity) {
      capacity *= 2;
      const s = new Int32Array(capacity); s.set(starts); starts = s;
      const e = new Int32Array(capacity); e.set(ends); ends = e;
      const a = new Uint8Array(capacity); a.set(ascii); ascii = a;
    }
    starts[n] = start;
    ends[n] = end;
    ascii[n] = plain ? 1 : 0;
    n++;
  });
  const wordStart = starts.slice(0, n);
  const wordEnd = ends.slice(0, n);
  // Keys built for non-ASCII words (and the language sample), made on first need.
  let folded: (string | undefined)[] | null = null;
  const keyOf = (i: number): string => {
    folded ??= new Array(n);
    let key = folded[i];
    if (key === undefined) {
      const start = wordStart[i];
      const raw = text.slice(start, wordEnd[i]);
      key = ascii[i] ? raw.toLowerCase() : foldWord(raw, latinText, start, hidden);
      folded[i] = key;
    }
    return key;
  };
  let language = options.language;
  if (language === undefined) {
    // Plain ASCII words are looked up in place: no key string per sampled word.
    const masks = new Int32Array(Math.min(n, LANGUAGE_SAMPLE_WORDS));
    for (let i = 0; i < masks.length; i++) masks[i] = (ascii[i] ? asciiMask(text, wordStart[i], wordEnd[i]) : keyMask(keyOf(i))) ?? 0;
    language = languageOfMasks(masks);
  }
  const lexicon = lexiconFor(language);
  const forms = lexicon.table();
  const wordEntry = new Int32Array(n);
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = ascii[i] ? lexicon.idOfAscii(text, wordStart[i], wordEnd[i]) : lexicon.idOf(keyOf(i));
    wordEntry[i] = id;
    hashes[i] = forms.hashes[id];
  }
  hidden.sort((a, b) => a.offset - b.offset);
  const prepared = new Prepared(text, wordStart, wordEnd, wordEntry, forms, segmentSentences(text, wordStart, wordEnd), language, lexicon.stemmer, hidden);
  rememberKeyHashes(prepared, hashes);
  return prepared;
}
