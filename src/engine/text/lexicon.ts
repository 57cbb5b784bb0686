import { stopWords } from './stop-words.js';
import { stemmerFor } from './stemming.js';

/** What the engine knows of a word in a language: its stem, and whether it is a stop word. */
export interface LexiconEntry { stem: string; stop: boolean }

export interface Lexicon {
  /** Name of the stemmer behind it, or null when the language has none (yet). */
  stemmer: string | null;
  lookup(key: string): LexiconEntry;
}

const LIMIT = 200_000;
const lexicons = new Map<string, Lexicon>();

/**
 * A memo per language of stop-word flags and stems: one map look-up per word instead of a
 * stop-word look-up plus a stemmer run. Stop words keep their key as stem (never compared by
 * stem). Built again when the stemmer becomes available (after `loadStemmers`).
 */
export function lexiconFor(language: string): Lexicon {
  const stemmer = stemmerFor(language);
  const known = lexicons.get(language);
  if (known && known.stemmer === (stemmer?.name ?? null)) return known;
  const stops = stopWords(language);
  const memo = new Map<string, LexiconEntry>();
  const lexicon: Lexicon = {
    stemmer: stemmer?.name ?? null,
    lookup(key) {
      let e = memo.get(key);
      if (e === undefined) {
        if (memo.size >= LIMIT) memo.clear();
        const stop = stops.has(key);
        e = { stem: stemmer && !stop ? stemmer.stem(key) : key, stop };
        memo.set(key, e);
      }
      return e;
    },
  };
  lexicons.set(language, lexicon);
  return lexicon;
}
