// Fast synthetic filler for the repository-scale benchmark: the same documents as
// `essayOfWords` (bench/synthetic-text.mjs: same chain walk, same random draws, so the same text
// for the same seed) together with the service's retrieval fingerprints of each, computed from
// tables made once per chain word instead of re-reading every text.
//
// The tables hold, for each chain word (as it stands mid-sentence, and capitalised at the start of
// a sentence), the stems of the content words `prepareText` finds in it (stop words and words
// without a letter left out, as `retrievalGrams` does). A document's fingerprints are then the
// retrieval pairs of its content-stem sequence (`pairHash`), winnowed (`winnow`, RETRIEVAL_W),
// distinct and sorted: what `textFingerprints(prepareText(text))` gives. That identity holds when
// the document is read as English and no word's reading depends on its neighbours; `verify`
// checks it on whole documents, and the fill checks it on a sample of the documents it loads.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const engine = await import(join(root, 'dist/engine/index.js'));
const { pairHash, RETRIEVAL_W } = await import(join(root, 'dist/engine/text/fingerprint.js'));
const { winnow } = await import(join(root, 'dist/engine/text/winnow.js'));
const HAS_LETTER = /\p{L}/u;

/** Per chain word: its content stems as a word inside a sentence (`mid`) and capitalised (`first`). */
export function chainTables(chain) {
  const stemsOf = (word) => {
    const p = engine.prepareText(word, { language: 'en' });
    const out = [];
    for (const w of p.words) if (!w.stop && HAS_LETTER.test(w.key)) out.push(w.stem);
    return out;
  };
  const mid = chain.words.map(stemsOf);
  const first = chain.words.map((w) => stemsOf(w[0].toUpperCase() + w.slice(1)));
  return { mid, first };
}

/**
 * `essayOfWords(chain, rand, words)` and its retrieval fingerprints: { text, fps } (fps distinct,
 * sorted ascending).
 */
export function essayWithFingerprints(chain, tables, rand, words) {
  const { starts, follow } = chain;
  const sentences = [];
  const stems = [];
  let n = 0;
  while (n < words) {
    // sentence(): 8 to 30 words from a random start along the chain.
    const len = 8 + Math.floor(rand() * 23);
    let w = starts[Math.floor(rand() * starts.length)];
    const ids = [w];
    while (ids.length < len) {
      const next = follow[w];
      w = next && next.length ? next[Math.floor(rand() * next.length)] : starts[Math.floor(rand() * starts.length)];
      ids.push(w);
    }
    const firstWord = chain.words[ids[0]];
    const out = new Array(len);
    out[0] = firstWord[0].toUpperCase() + firstWord.slice(1);
    for (const s of tables.first[ids[0]]) stems.push(s);
    for (let k = 1; k < len; k++) {
      out[k] = chain.words[ids[k]];
      for (const s of tables.mid[ids[k]]) stems.push(s);
    }
    sentences.push(`${out.join(' ')}.`);
    n += len;
  }
  const hashes = new Array(Math.max(0, stems.length - 1));
  for (let i = 0; i + 1 < stems.length; i++) {
    const a = stems[i];
    const b = stems[i + 1];
    hashes[i] = a <= b ? pairHash(a, b) : pairHash(b, a);
  }
  const set = new Set();
  for (const i of winnow(hashes, RETRIEVAL_W)) set.add(hashes[i]);
  return { text: sentences.join(' '), fps: Float64Array.from(set).sort() };
}

/** The service's own fingerprints of `text` (prepareText with language detection, textFingerprints). */
export function serviceFingerprints(text) {
  return engine.textFingerprints(engine.prepareText(text));
}

/** True when `fps` are exactly the service's fingerprints of `text`. */
export function sameAsService(text, fps) {
  const want = serviceFingerprints(text);
  if (want.length !== fps.length) return false;
  for (let i = 0; i < want.length; i++) if (want[i] !== fps[i]) return false;
  return true;
}

export const loadStemmers = engine.loadStemmers;
