import type { PreparedText } from '../types.js';
import { fnv1a } from '../hash.js';

/**
 * The sentence view of a text used by passage alignment: sentences (short ones merged into their
 * neighbour) as bags of stemmed content words. Terms are 32-bit hashes of stems, so two texts
 * prepared independently share term ids without a shared dictionary.
 */
export interface SentenceModel {
  /** Per unit: span in the original text. */
  start: Int32Array;
  end: Int32Array;
  /** Per unit: its distinct terms and their counts, concatenated; unit u owns [termStart[u], termStart[u+1]). */
  termStart: Int32Array;
  terms: Int32Array;
  counts: Float64Array;
  /** Number of units each term occurs in. */
  df: Map<number, number>;
  /** Term -> [unit, count, unit, count, ...] for the units it occurs in, ascending. */
  postings: Map<number, number[]>;
  /** Per unit: first and one-past-last word index. */
  firstWord: Int32Array;
  endWord: Int32Array;
}

/** Sentences with fewer content words than this are merged with the next one. */
const MIN_UNIT_TERMS = 3;
const cache = new WeakMap<PreparedText, SentenceModel>();
const HAS_LETTER = /\p{L}/u;

export function sentenceModel(p: PreparedText): SentenceModel {
  const known = cache.get(p);
  if (known) return known;
  // Group sentences into units with enough content words.
  const groups: [number, number][] = [];
  let open = -1;
  let content = 0;
  p.sentences.forEach((s, i) => {
    if (open < 0) open = i;
    for (let w = s.firstWord; w < s.endWord; w++) if (!p.words[w].stop && HAS_LETTER.test(p.words[w].key)) content++;
    if (content >= MIN_UNIT_TERMS) { groups.push([open, i]); open = -1; content = 0; }
  });
  if (open >= 0) {
    if (groups.length) groups[groups.length - 1][1] = p.sentences.length - 1;
    else groups.push([open, p.sentences.length - 1]);
  }
  const n = groups.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const firstWord = new Int32Array(n);
  const endWord = new Int32Array(n);
  const termStart = new Int32Array(n + 1);
  const terms: number[] = [];
  const counts: number[] = [];
  const df = new Map<number, number>();
  const postings = new Map<number, number[]>();
  groups.forEach(([a, b], u) => {
    const first = p.sentences[a];
    const last = p.sentences[b];
    start[u] = first.start;
    end[u] = last.end;
    firstWord[u] = first.firstWord;
    endWord[u] = last.endWord;
    termStart[u] = terms.length;
    const bag = new Map<number, number>();
    for (let w = first.firstWord; w < last.endWord; w++) {
      const word = p.words[w];
      if (word.stop || !HAS_LETTER.test(word.key)) continue;
      const t = fnv1a(word.stem) | 0;
      bag.set(t, (bag.get(t) ?? 0) + 1);
    }
    for (const [t, c] of bag) {
      terms.push(t);
      counts.push(c);
      df.set(t, (df.get(t) ?? 0) + 1);
      const list = postings.get(t);
      if (list) list.push(u, c); else postings.set(t, [u, c]);
    }
  });
  termStart[n] = terms.length;
  const model: SentenceModel = {
    start, end, termStart, terms: Int32Array.from(terms), counts: Float64Array.from(counts), df, postings, firstWord, endWord,
  };
  cache.set(p, model);
  return model;
}
