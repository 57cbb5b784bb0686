import { stopWords } from './stop-words.js';
import { stemmerFor } from './stemming.js';

/** What the engine knows of a word form in a language. */
export interface LexiconEntry {
  /** The normalised word form (one shared string per form). */
  key: string;
  stem: string;
  stop: boolean;
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
  /** Per entry: the 32-bit FNV-1a hash of its key's UTF-16 code units (as a signed integer). */
  hashes: Int32Array;
  /** Stem ids of two tables compare only when their generations are equal. */
  stemGeneration: number;
  /** The stems of that generation by number (one array shared by its tables; it only grows). */
  stems: readonly string[];
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
// texts match their terms by number: stem strings by number, found by FNV-1a hash in an
// open-addressing table (slot -> number + 1).
let stems: string[] = [];
// Small at first, for the reason given at INITIAL below.
let stemHashes = new Int32Array(16);
let stemSlots = new Int32Array(32);
let stemGeneration = 0;

function stemNumber(stem: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < stem.length; i++) h = Math.imul(h ^ stem.charCodeAt(i), 0x01000193);
  let mask = stemSlots.length - 1;
  let i = h & mask;
  for (; stemSlots[i] !== 0; i = (i + 1) & mask) {
    const id = stemSlots[i] - 1;
    if (stemHashes[id] === h && stems[id] === stem) return id;
  }
  const id = stems.length;
  stems.push(stem);
  if (id === stemHashes.length) {
    const hashes = new Int32Array(2 * id);
    hashes.set(stemHashes);
    stemHashes = hashes;
    stemSlots = new Int32Array(4 * id);
    mask = stemSlots.length - 1;
    for (let k = 0; k < id; k++) {
      let j = stemHashes[k] & mask;
      while (stemSlots[j] !== 0) j = (j + 1) & mask;
      stemSlots[j] = k + 1;
    }
    i = h & mask;
    while (stemSlots[i] !== 0) i = (i + 1) & mask;
  }
  stemHashes[id] = h;
  stemSlots[i] = id + 1;
  return id;
}

/** The number of a stem in the current stem generation (numbered when new), and that generation. */
export function numberStem(stem: string): number { return stemNumber(stem); }

/**
 * `numberStem(text.slice(start, end))` without making the string unless the stem is new (for
 * reading many stems out of one long string: the synonym groups).
 */
export function numberStemIn(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const mask = stemSlots.length - 1;
  const length = end - start;
  search: for (let i = h & mask; stemSlots[i] !== 0; i = (i + 1) & mask) {
    const id = stemSlots[i] - 1;
    if (stemHashes[id] !== h) continue;
    const known = stems[id];
    if (known.length !== length) continue;
    for (let k = 0; k < length; k++) if (known.charCodeAt(k) !== text.charCodeAt(start + k)) continue search;
    return id;
  }
  return stemNumber(text.slice(start, end));
}
export function currentStemGeneration(): number { return stemGeneration; }

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

/**
 * A table with its own open-addressing hash index. Slot i holds [hash, entry id + 1, offset,
 * length] at 4i (id 0 when empty); a form's characters are at [offset, offset + length) of
 * `chars`, so a look-up reads the slot and the characters and not the entry or its key string.
 */
interface IndexedTable extends LexiconTable { slots: Int32Array; mask: number; chars: Uint16Array; charsUsed: number }

/**
 * Entries a new table has room for before it grows. Small on purpose: a table grows several
 * times within its first text, before the look-up code is optimised, so growing later does not
 * deoptimise it (a grow path first taken by optimised code costs a recompilation).
 */
const INITIAL = 16;

function newTable(): IndexedTable {
  return {
    entries: [], stemIds: new Int32Array(INITIAL), content: new Uint8Array(INITIAL), hashes: new Int32Array(INITIAL),
    stemGeneration, stems, slots: new Int32Array(4 * INITIAL), mask: INITIAL - 1, chars: new Uint16Array(8 * INITIAL), charsUsed: 0,
  };
}

/**
 * A memo per language of word forms: stem, stop-word flag, content flag, stem number and hash,
 * found by the hash of the form in an open-addressing table. Plain ASCII words are hashed
 * straight from the text and compared in place (with the form's characters kept beside the
 * index, not with its key string: fewer cache misses), so a known form costs no string
 * allocation and every occurrence shares one key string. Stop words keep their key as stem (they are never
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
    const old = t.slots;
    const slots = new Int32Array(4 * cap);
    const mask = cap - 1;
    for (let o = 0; o < old.length; o += 4) {
      if (old[o + 1] === 0) continue;
      let i = old[o] & mask;
      while (slots[4 * i + 1] !== 0) i = (i + 1) & mask;
      slots[4 * i] = old[o];
      slots[4 * i + 1] = old[o + 1];
      slots[4 * i + 2] = old[o + 2];
      slots[4 * i + 3] = old[o + 3];
    }
    t.slots = slots;
    t.mask = mask;
  };

  const add = (key: string, h: number): number => {
    const id = t.entries.length;
    // At most 70 % of the slots in use (one slot per entry of capacity): short probe runs, and
    // an index half the size of one with twice as many slots (fewer cache misses per look-up).
    if (10 * (id + 1) > 7 * t.stemIds.length) grow();
    const stop = stops.has(key);
    const stem = stemmer && !stop ? stemmer.stemUncached(key) : key;
    const content = !stop && hasLetter(key);
    const stemId = content ? stemNumber(stem) : -1;
    t.entries.push({ key, stem, stop, content, stemId });
    t.stemIds[id] = stemId;
    t.content[id] = content ? 1 : 0;
    t.hashes[id] = h;
    if (t.charsUsed + key.length > t.chars.length) {
      const chars = new Uint16Array(Math.max(2 * t.chars.length, t.charsUsed + key.length));
      chars.set(t.chars);
      t.chars = chars;
    }
    const at = t.charsUsed;
    for (let k = 0; k < key.length; k++) t.chars[at + k] = key.charCodeAt(k);
    t.charsUsed += key.length;
    const { slots, mask } = t;
    let i = h & mask;
    while (slots[4 * i + 1] !== 0) i = (i + 1) & mask;
    slots[4 * i] = h;
    slots[4 * i + 1] = id + 1;
    slots[4 * i + 2] = at;
    slots[4 * i + 3] = key.length;
    return id;
  };

  const idOf = (key: string): number => {
    const h = fnv(key) | 0;
    const { slots, mask, chars } = t;
    const n = key.length;
    for (let i = h & mask; slots[4 * i + 1] !== 0; i = (i + 1) & mask) {
      if (slots[4 * i] !== h || slots[4 * i + 3] !== n) continue;
      const at = slots[4 * i + 2];
      let k = 0;
      while (k < n && chars[at + k] === key.charCodeAt(k)) k++;
      if (k === n) return slots[4 * i + 1] - 1;
    }
    return add(key, h);
  };

  const idOfAscii = (text: string, start: number, end: number): number => {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0x41 && c <= 0x5a) c |= 0x20;
      h = Math.imul(h ^ c, 0x01000193);
    }
    const { slots, mask, chars } = t;
    const n = end - start;
    for (let i = h & mask; slots[4 * i + 1] !== 0; i = (i + 1) & mask) {
      if (slots[4 * i] !== h || slots[4 * i + 3] !== n) continue;
      const at = slots[4 * i + 2] - start;
      let k = start;
      for (; k < end; k++) {
        let c = text.charCodeAt(k);
        if (c >= 0x41 && c <= 0x5a) c |= 0x20;
        if (chars[at + k] !== c) break;
      }
      if (k === end) return slots[4 * i + 1] - 1;
    }
    return add(text.slice(start, end).toLowerCase(), h);
  };

  const lexicon: Lexicon = {
    stemmer: name,
    lookup: (key) => t.entries[idOf(key)],
    lookupAscii: (text, start, end) => t.entries[idOfAscii(text, start, end)],
    table() {
      if (stems.length >= STEM_LIMIT) {
        stems = [];
        stemHashes = new Int32Array(16);
        stemSlots = new Int32Array(32);
        stemGeneration++;
      }
      if (t.entries.length >= LIMIT || t.stemGeneration !== stemGeneration) t = newTable();
      return t;
    },
    idOf,
    idOfAscii,
  };
  lexicons.set(language, lexicon);
  return lexicon;
}
