import { stopWords } from './stop-words.js';
import { stemmerFor } from './stemming.js';

/** What the engine knows of a word form in a language. */
export interface LexiconEntry {
  /** The normalised word form (one shared string per form). */
  key: string;
  stem: string;
  stop: boolean;
  /** 32-bit FNV-1a of `key`'s UTF-16 code units. */
  hash: number;
}

export interface Lexicon {
  /** Name of the stemmer behind it, or null when the language has none (yet). */
  stemmer: string | null;
  /** The entry of a normalised word form. */
  lookup(key: string): LexiconEntry;
  /** The entry of the plain-ASCII word text[start, end), lower-cased, without building a string when the form is known. */
  lookupAscii(text: string, start: number, end: number): LexiconEntry;
}

const LIMIT = 200_000;
const lexicons = new Map<string, Lexicon>();

function fnv(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A memo per language of word forms: stem, stop-word flag and hash, found by the hash of the
 * form. Plain ASCII words are hashed straight from the text and compared in place, so a known
 * form costs no string allocation and every occurrence shares one key string. Stop words keep
 * their key as stem (they are never compared by stem). Built again when the language's stemmer
 * becomes available (after `loadStemmers`).
 */
export function lexiconFor(language: string): Lexicon {
  const stemmer = stemmerFor(language);
  const name = stemmer?.name ?? null;
  const known = lexicons.get(language);
  if (known && known.stemmer === name) return known;
  const stops = stopWords(language);
  // Keyed by the hash's low 30 bits: small integers, which V8 keeps unboxed.
  let byHash = new Map<number, LexiconEntry | LexiconEntry[]>();
  let size = 0;

  const add = (key: string, hash: number): LexiconEntry => {
    if (size >= LIMIT) { byHash = new Map(); size = 0; }
    const stop = stops.has(key);
    const entry: LexiconEntry = { key, stem: stemmer && !stop ? stemmer.stem(key) : key, stop, hash };
    const slot = hash & 0x3fffffff;
    const there = byHash.get(slot);
    if (there === undefined) byHash.set(slot, entry);
    else if (Array.isArray(there)) there.push(entry);
    else byHash.set(slot, [there, entry]);
    size++;
    return entry;
  };

  const sameAscii = (e: LexiconEntry, text: string, start: number, end: number): boolean => {
    if (e.key.length !== end - start) return false;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0x41 && c <= 0x5a) c |= 0x20;
      if (e.key.charCodeAt(i - start) !== c) return false;
    }
    return true;
  };

  const lexicon: Lexicon = {
    stemmer: name,
    lookup(key) {
      const hash = fnv(key);
      const there = byHash.get(hash & 0x3fffffff);
      if (there !== undefined) {
        if (!Array.isArray(there)) { if (there.key === key) return there; }
        else for (const e of there) if (e.key === key) return e;
      }
      return add(key, hash);
    },
    lookupAscii(text, start, end) {
      let h = 0x811c9dc5;
      for (let i = start; i < end; i++) {
        let c = text.charCodeAt(i);
        if (c >= 0x41 && c <= 0x5a) c |= 0x20;
        h = Math.imul(h ^ c, 0x01000193);
      }
      const hash = h >>> 0;
      const there = byHash.get(hash & 0x3fffffff);
      if (there !== undefined) {
        if (!Array.isArray(there)) { if (sameAscii(there, text, start, end)) return there; }
        else for (const e of there) if (sameAscii(e, text, start, end)) return e;
      }
      return add(text.slice(start, end).toLowerCase(), hash);
    },
  };
  lexicons.set(language, lexicon);
  return lexicon;
}
