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
  /** A content word: not a stop word, and has a letter (numbers are not content words). */
  content: boolean;
  /** Number of `stem` in the process-wide stem numbering of `LexiconTable.stemGeneration`. */
  stemId: number;
}

/**
 * The entries of a lexicon, numbered from 0 in the order they were met, with per-entry columns
 * for the hot loops. A prepared text refers to its words' entries by number in one table. A
 * table only grows; when it is full (or the stem numbering starts again) the lexicon starts a
 * new one for the texts prepared after, and the old one lives on as long as texts use it.
 */
export interface LexiconTable {
  entries: LexiconEntry[];
  /** Per entry: `stemId` (Int32Array views are replaced when the table grows: read them through the table). */
  stemIds: Int32Array;
  /** Per entry: 1 for a content word. */
  content: Uint8Array;
  /** Per entry: `hash | 0`. */
  hashes: Int32Array;
  /** Stem ids of two tables compare only when their generations are equal. */
  stemGeneration: number;
}

export interface Lexicon {
  /** Name of the stemmer behind it, or null when the language has none (yet). */
  stemmer: string | null;
  /** The entry of a normalised word form. */
  lookup(key: string): LexiconEntry;
  /** The entry of the plain-ASCII word text[start, end), lower-cased, without building a string when the form is known. */
  lookupAscii(text: string, start: number, end: number): LexiconEntry;
  /**
   * The table a text about to be prepared refers to: the ids `idOf` and `idOfAscii` return
   * until the next call of `table()` are numbers in it.
   */
  table(): LexiconTable;
  /** Number, in the current table, of the entry of a normalised word form. */
  idOf(key: string): number;
  /** Number, in the current table, of the entry of the plain-ASCII word text[start, end), lower-cased. */
  idOfAscii(text: string, start: number, end: number): number;
}

/** Entries per table before the lexicon starts a new one (bounds a long-running process's memory). */
const LIMIT = 200_000;
/** Distinct stems numbered before the numbering starts again (a new generation). */
const STEM_LIMIT = 1_000_000;
const lexicons = new Map<string, Lexicon>();

// Stems are numbered across languages (equal strings, equal numbers), so sentence models of two
// texts match their terms by number.
let stemNumbers = new Map<string, number>();
let stemGeneration = 0;

function stemNumber(stem: string): number {
  let id = stemNumbers.get(stem);
  if (id === undefined) { id = stemNumbers.size; stemNumbers.set(stem, id); }
  return id;
}

const HAS_LETTER = /\p{L}/u;

/** Numbers are not content words; a word counts when it has a letter. */
export function hasLetter(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return true;
    if (c >= 0x80) return HAS_LETTER.test(key);
  }
  return false;
}

function fnv(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A table with its own open-addressing hash index (slot -> entry id + 1, 0 when empty). */
interface IndexedTable extends LexiconTable { slots: Int32Array; mask: number }

function newTable(): IndexedTable {
  return {
    entries: [], stemIds: new Int32Array(1024), content: new Uint8Array(1024), hashes: new Int32Array(1024),
    stemGeneration, slots: new Int32Array(2048), mask: 2047,
  };
}

/**
 * A memo per language of word forms: stem, stop-word flag, content flag, stem number and hash,
 * found by the hash of the form in an open-addressing table. Plain ASCII words are hashed
 * straight from the text and compared in place, so a known form costs no string allocation and
 * every occurrence shares one key string. Stop words keep their key as stem (they are never
 * compared by stem). Built again when the language's stemmer becomes available (after
 * `loadStemmers`).
 */
export function lexiconFor(language: string): Lexicon {
  const stemmer = stemmerFor(language);
  const name = stemmer?.name ?? null;
  const known = lexicons.get(language);
  if (known && known.stemmer === name) return known;
  const stops = stopWords(language);
  let t = newTable();

  const grow = () => {
    const cap = t.stemIds.length * 2;
    const stemIds = new Int32Array(cap); stemIds.set(t.stemIds); t.stemIds = stemIds;
    const content = new Uint8Array(cap); content.set(t.content); t.content = content;
    const hashes = new Int32Array(cap); hashes.set(t.hashes); t.hashes = hashes;
    const slots = new Int32Array(2 * cap);
    const mask = 2 * cap - 1;
    for (let id = 0; id < t.entries.length; id++) {
      let i = t.hashes[id] & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    t.slots = slots;
    t.mask = mask;
  };

  const add = (key: string, hash: number): number => {
    const id = t.entries.length;
    if (id >= t.stemIds.length) grow();
    const stop = stops.has(key);
    const stem = stemmer && !stop ? stemmer.stem(key) : key;
    const content = !stop && hasLetter(key);
    const stemId = content ? stemNumber(stem) : -1;
    t.entries.push({ key, stem, stop, hash, content, stemId });
    t.stemIds[id] = stemId;
    t.content[id] = content ? 1 : 0;
    t.hashes[id] = hash | 0;
    let i = hash & t.mask;
    while (t.slots[i] !== 0) i = (i + 1) & t.mask;
    t.slots[i] = id + 1;
    return id;
  };

  const sameAscii = (key: string, text: string, start: number, end: number): boolean => {
    if (key.length !== end - start) return false;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0x41 && c <= 0x5a) c |= 0x20;
      if (key.charCodeAt(i - start) !== c) return false;
    }
    return true;
  };

  const idOf = (key: string): number => {
    const hash = fnv(key);
    const h = hash | 0;
    const { slots, mask, hashes, entries } = t;
    for (let i = h & mask; slots[i] !== 0; i = (i + 1) & mask) {
      const id = slots[i] - 1;
      if (hashes[id] === h && entries[id].key === key) return id;
    }
    return add(key, hash);
  };

  const idOfAscii = (text: string, start: number, end: number): number => {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0x41 && c <= 0x5a) c |= 0x20;
      h = Math.imul(h ^ c, 0x01000193);
    }
    const { slots, mask, hashes, entries } = t;
    for (let i = h & mask; slots[i] !== 0; i = (i + 1) & mask) {
      const id = slots[i] - 1;
      if (hashes[id] === h && sameAscii(entries[id].key, text, start, end)) return id;
    }
    return add(text.slice(start, end).toLowerCase(), h >>> 0);
  };

  const lexicon: Lexicon = {
    stemmer: name,
    lookup: (key) => t.entries[idOf(key)],
    lookupAscii: (text, start, end) => t.entries[idOfAscii(text, start, end)],
    table() {
      if (stemNumbers.size >= STEM_LIMIT) { stemNumbers = new Map(); stemGeneration++; }
      if (t.entries.length >= LIMIT || t.stemGeneration !== stemGeneration) t = newTable();
      return t;
    },
    idOf,
    idOfAscii,
  };
  lexicons.set(language, lexicon);
  return lexicon;
}
