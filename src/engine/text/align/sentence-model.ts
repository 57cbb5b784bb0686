import type { PreparedText } from '../types.js';

/**
 * The sentence view of a text used by passage alignment: sentences (short ones merged into their
 * neighbour) as bags of stemmed content words. Terms are numbered per text (its vocabulary);
 * `vocabIndex` maps a stem to its number so two texts' vocabularies can be matched per pair.
 */
export interface SentenceModel {
  /** Per unit: span in the original text. */
  start: Int32Array;
  end: Int32Array;
  /** Per unit: first and one-past-last word index. */
  firstWord: Int32Array;
  endWord: Int32Array;
  /** Per unit: its distinct terms and their counts, concatenated; unit u owns [termStart[u], termStart[u+1]). */
  termStart: Int32Array;
  terms: Int32Array;
  counts: Float64Array;
  /** The text's distinct stems; a term is an index into it. */
  vocab: string[];
  vocabIndex: Map<string, number>;
  /** Per term: number of units it occurs in. */
  df: Int32Array;
  /** Per term: [unit, count, unit, count, ...] of the units it occurs in, ascending. */
  postings: number[][];
}

/** Sentences with fewer content words than this are merged with the next one. */
const MIN_UNIT_TERMS = 3;
const cache = new WeakMap<PreparedText, SentenceModel>();
const HAS_LETTER = /\p{L}/u;

/** Numbers are not content words; a word counts when it has a letter. */
function hasLetter(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return true;
    if (c >= 0x80) return HAS_LETTER.test(key);
  }
  return false;
}

export function sentenceModel(p: PreparedText): SentenceModel {
  const known = cache.get(p);
  if (known) return known;
  const content = p.words.map((w) => !w.stop && hasLetter(w.key));
  // Group sentences into units with enough content words.
  const groups: [number, number][] = [];
  let open = -1;
  let count = 0;
  p.sentences.forEach((s, i) => {
    if (open < 0) open = i;
    for (let w = s.firstWord; w < s.endWord; w++) if (content[w]) count++;
    if (count >= MIN_UNIT_TERMS) { groups.push([open, i]); open = -1; count = 0; }
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
  const vocab: string[] = [];
  const vocabIndex = new Map<string, number>();
  const df: number[] = [];
  const postings: number[][] = [];
  const bag = new Map<number, number>();
  groups.forEach(([a, b], u) => {
    const first = p.sentences[a];
    const last = p.sentences[b];
    start[u] = first.start;
    end[u] = last.end;
    firstWord[u] = first.firstWord;
    endWord[u] = last.endWord;
    termStart[u] = terms.length;
    bag.clear();
    for (let w = first.firstWord; w < last.endWord; w++) {
      if (!content[w]) continue;
      const stem = p.words[w].stem;
      let t = vocabIndex.get(stem);
      if (t === undefined) {
        t = vocab.length;
        vocab.push(stem);
        vocabIndex.set(stem, t);
        df.push(0);
        postings.push([]);
      }
      bag.set(t, (bag.get(t) ?? 0) + 1);
    }
    for (const [t, c] of bag) {
      terms.push(t);
      counts.push(c);
      df[t]++;
      postings[t].push(u, c);
    }
  });
  termStart[n] = terms.length;
  const model: SentenceModel = {
    start, end, firstWord, endWord, termStart, terms: Int32Array.from(terms), counts: Float64Array.from(counts),
    vocab, vocabIndex, df: Int32Array.from(df), postings,
  };
  cache.set(p, model);
  return model;
}
