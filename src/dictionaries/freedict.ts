import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Worker } from 'node:worker_threads';
import { stopWords } from '../engine/text/index.js';
import type { TranslationLexicon } from '../engine/text/index.js';

/**
 * FreeDict bilingual dictionaries (Debian's `dict-freedict-<lang>-eng` packages, dictd format:
 * `<name>.index` + `<name>.dict.dz`), read into translation lexicons for cross-language
 * detection. They are optional: when a file is missing, the language has no lexicon and
 * cross-language detection says so instead of guessing.
 */

/** ISO 639-1 -> FreeDict's ISO 639-3 name of the languages we translate from. */
export const FREEDICT_LANGUAGES: Readonly<Record<string, string>> = Object.freeze({ de: 'deu', pl: 'pol', es: 'spa', fr: 'fra' });

/** Where the dictd files are: ORIGO_DICTIONARIES_DIR, else Debian's /usr/share/dictd. */
export function dictionariesDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.ORIGO_DICTIONARIES_DIR || '/usr/share/dictd';
}

/** The dictd files of a language's dictionary into English, or null when not installed. */
export function freedictFiles(language: string, dir = dictionariesDir()): { index: string; dict: string } | null {
  const iso3 = FREEDICT_LANGUAGES[language];
  if (!iso3) return null;
  const index = join(dir, `freedict-${iso3}-eng.index`);
  const dict = join(dir, `freedict-${iso3}-eng.dict.dz`);
  return existsSync(index) && existsSync(dict) ? { index, dict } : null;
}

/** The languages whose dictionary into English is installed. */
export function availableDictionaries(dir = dictionariesDir()): string[] {
  return Object.keys(FREEDICT_LANGUAGES).filter((l) => freedictFiles(l, dir) !== null);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function b64(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 64 + B64.indexOf(s[i]);
  return n;
}

/** English candidates kept per headword (the first senses come first in FreeDict). */
const MAX_CANDIDATES = 12;
/** Bytes of an entry read: headword line and the first senses. */
const ENTRY_HEAD_BYTES = 400;
const SKIP_LINE = /^\s*(Note|Synonyms?|Antonyms?|see|Usage|Example)\s*:/i;

/**
 * The English words of one dictd entry's translation lines: the first line after the headword,
 * numbered senses ("2. …") and domain-labelled lines (" [jur.] …"); notes, cross-references and
 * definitions in the source language (Polish entries gloss in Polish, in parentheses or after a
 * sense) are left out. Labels in <>, [], {} and () are dropped; English stop words too.
 */
export function entryTranslations(entry: string, into: Set<string>, english: ReadonlySet<string>): void {
  const lines = entry.split('\n');
  for (let i = 1; i < lines.length; i++) {
    let line = lines[i];
    if (!line.trim() || SKIP_LINE.test(line)) continue;
    const numbered = /^\s*\d+\.\s/.test(line);
    const labelled = /^\s+\[/.test(line);
    if (i > 1 && !numbered && !labelled) continue;
    if (line.trimStart().startsWith('(')) continue;
    line = line.replace(/^\s*\d+\.\s/, '').replace(/<[^>]*>|\[[^\]]*\]|\{[^}]*\}|\([^)]*\)/g, ' ');
    for (const w of line.toLowerCase().split(/[^\p{L}\p{N}'-]+/u)) {
      const word = w.replace(/^['-]+|['-]+$/g, '');
      if (word.length < 2 || english.has(word)) continue;
      if (into.size >= MAX_CANDIDATES) return;
      into.add(word);
    }
  }
}

/**
 * Reads a FreeDict dictionary into a lexicon: single-word headwords (lower-cased) -> English
 * candidate words. Several entries of one headword are united. ~2 s and ~60 MB for German
 * (519k index lines), well under a second for the others.
 */
export function readFreedict(language: string, files: { index: string; dict: string }): TranslationLexicon {
  const dict = gunzipSync(readFileSync(files.dict), { chunkSize: 1 << 22 });
  const english = stopWords('en');
  const sets = new Map<string, Set<string>>();
  for (const line of readFileSync(files.index, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const head = line.slice(0, tab).toLowerCase();
    if (head.startsWith('00database') || /[\s.]/.test(head)) continue;
    const [offset, size] = line.slice(tab + 1).split('\t');
    let set = sets.get(head);
    if (!set) sets.set(head, set = new Set());
    if (set.size >= MAX_CANDIDATES) continue;
    // The translations come first in an entry; notes and cross-references (often long) after.
    const start = b64(offset);
    const length = b64(size);
    let entry = dict.toString('utf8', start, start + Math.min(length, ENTRY_HEAD_BYTES));
    if (length > ENTRY_HEAD_BYTES) entry = entry.slice(0, entry.lastIndexOf('\n') + 1);
    entryTranslations(entry, set, english);
  }
  const entries = new Map<string, readonly string[]>();
  for (const [head, set] of sets) if (set.size) entries.set(head, [...set]);
  return { language, target: 'en', entries };
}

const loaded = new Map<string, TranslationLexicon | null>();

/**
 * The lexicon of a language into English, read once per process; null when its dictionary is
 * not installed (cross-language detection is then unavailable for that language).
 */
export function freedictLexicon(language: string, dir = dictionariesDir()): TranslationLexicon | null {
  const key = `${dir}\0${language}`;
  if (loaded.has(key)) return loaded.get(key) ?? null;
  const files = freedictFiles(language, dir);
  const lexicon = files ? readFreedict(language, files) : null;
  loaded.set(key, lexicon);
  return lexicon;
}

const pending = new Map<string, Promise<TranslationLexicon | null>>();

/**
 * `freedictLexicon` read on a worker thread, so that a server keeps answering while the German
 * dictionary (seconds of parsing) loads: once per process and language; later calls share it.
 */
export function loadFreedictLexicon(language: string, dir = dictionariesDir()): Promise<TranslationLexicon | null> {
  const key = `${dir}\0${language}`;
  if (loaded.has(key)) return Promise.resolve(loaded.get(key) ?? null);
  if (!freedictFiles(language, dir)) return Promise.resolve(null);
  let p = pending.get(key);
  if (!p) {
    p = new Promise<TranslationLexicon | null>((done, fail) => {
      const worker = new Worker(new URL('./freedict-worker.js', import.meta.url), { workerData: { language, dir } });
      worker.once('message', (flat: string[] | null) => {
        let lexicon: TranslationLexicon | null = null;
        if (flat) {
          const entries = new Map<string, readonly string[]>();
          for (let i = 0; i + 1 < flat.length; i += 2) entries.set(flat[i], flat[i + 1].split(' '));
          lexicon = { language, target: 'en', entries };
        }
        loaded.set(key, lexicon);
        pending.delete(key);
        done(lexicon);
        void worker.terminate();
      });
      worker.once('error', (err) => { pending.delete(key); fail(err); });
    });
    pending.set(key, p);
  }
  return p;
}

/** Why a language has no cross-language detection (null when its dictionary is installed). */
export function missingDictionaryReason(language: string, dir = dictionariesDir()): string | null {
  const iso3 = FREEDICT_LANGUAGES[language];
  if (!iso3) return `no dictionary from "${language}" into English is supported (supported: ${Object.keys(FREEDICT_LANGUAGES).join(', ')})`;
  if (!freedictFiles(language, dir)) return `the FreeDict dictionary ${iso3}-eng is not installed in ${dir} (Debian package dict-freedict-${iso3}-eng)`;
  return null;
}
