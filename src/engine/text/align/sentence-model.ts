import type { PreparedText } from '../types.js';
import { synonymIndex } from './synonyms.js';
import type { SynonymIndex } from './synonyms.js';

/**
 * The sentence view of a text used by passage alignment: sentences (short ones merged into their
 * neighbour) as bags of stemmed content words. Terms are numbered per text (its vocabulary);
 * `vocabStem` gives each term's stem number so two texts' vocabularies can be matched per pair
 * without string look-ups.
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
  /**
   * Per term (the text's distinct stems): the number of its stem (`LexiconEntry.stemId`),
   * comparable between models of one `stemGeneration`; term t's stem is `stems[vocabStem[t]]`.
   */
  vocabStem: Int32Array;
  stemGeneration: number;
  stems: readonly string[];
  /** The text's language (ISO 639-1, "und" when unknown). */
  language: string;
  /**
   * English WordNet synonyms numbered like `vocabStem` (the index of `stemGeneration`, shared
   * by the models of that generation); null for other languages.
   */
  synonyms: SynonymIndex | null;
  /** Per term: number of units it occurs in, and its natural logarithm. */
  df: Int32Array;
  logDf: Float64Array;
  /**
   * Per term t: the units it occurs in, ascending, and its count in each, at
   * [postStart[t], postStart[t+1]) of `postUnits` and `postCounts`.
   */
  postStart: Int32Array;
  postUnits: Int32Array;
  postCounts: Int32Array;
}

/** Sentences with fewer content words than this are merged with the next one. */
const MIN_UNIT_TERMS = 3;
const cache = new WeakMap<PreparedText, SentenceModel>();
// Scratch: stem number -> term + 1 of the model being built (kept zeroed between builds).
let termOfStem = new Int32Array(16);

/**
 * What a sentence model is built from, taken from a prepared text (`modelSource`): per word the
 * stem number of a content word (-1 for other words), and the sentences as columns.
 */
export interface ModelSource {
  wordStem: Int32Array;
  sentenceStart: Int32Array;
  sentenceEnd: Int32Array;
  sentenceFirstWord: Int32Array;
  sentenceEndWord: Int32Array;
  language: string;
  stemGeneration: number;
}

export function modelSource(p: PreparedText): ModelSource {
  const { wordEntry, sentences } = p;
  const { content, stemIds } = p.forms;
  const wordStem = new Int32Array(wordEntry.length);
  for (let w = 0; w < wordEntry.length; w++) {
    const id = wordEntry[w];
    wordStem[w] = content[id] ? stemIds[id] : -1;
  }
  const n = sentences.length;
  const sentenceStart = new Int32Array(n);
  const sentenceEnd = new Int32Array(n);
  const sentenceFirstWord = new Int32Array(n);
  const sentenceEndWord = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = sentences[i];
    sentenceStart[i] = x.start;
    sentenceEnd[i] = x.end;
    sentenceFirstWord[i] = x.firstWord;
    sentenceEndWord[i] = x.endWord;
  }
  return { wordStem, sentenceStart, sentenceEnd, sentenceFirstWord, sentenceEndWord, language: p.language, stemGeneration: p.forms.stemGeneration };
}

/** The sentence model of a prepared text (cached with it). */
export function sentenceModel(p: PreparedText): SentenceModel {
  const known = cache.get(p);
  if (known) return known;
  const model = buildSentenceModel(modelSource(p), p.forms.stems, p.language === 'en' ? synonymIndex(p.forms.stemGeneration) : null);
  cache.set(p, model);
  return model;
}

/**
 * Builds a sentence model from its source and the parts shared by the models of its stem
 * generation: the stems by number and, for English, the synonym index.
 */
export function buildSentenceModel(m: ModelSource, stems: readonly string[], synonyms: SynonymIndex | null): SentenceModel {
  const { wordStem, sentenceStart, sentenceEnd, sentenceFirstWord, sentenceEndWord } = m;
  let contentWords = 0;
  for (let w = 0; w < wordStem.length; w++) if (wordStem[w] >= 0) contentWords++;
  // Group sentences into units with enough content words.
  // Unit u spans sentences groupFirst[u]..groupLast[u].
  const nSentences = sentenceStart.length;
  const groupFirst = new Int32Array(nSentences);
  const groupLast = new Int32Array(nSentences);
  let n = 0;
  let open = -1;
  let count = 0;
  for (let i = 0; i < nSentences; i++) {
    if (open < 0) open = i;
    for (let w = sentenceFirstWord[i]; w < sentenceEndWord[i]; w++) if (wordStem[w] >= 0) count++;
    if (count >= MIN_UNIT_TERMS) { groupFirst[n] = open; groupLast[n] = i; n++; open = -1; count = 0; }
  }
  if (open >= 0) {
    if (n) groupLast[n - 1] = nSentences - 1;
    else { groupFirst[0] = open; groupLast[0] = nSentences - 1; n = 1; }
  }
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const firstWord = new Int32Array(n);
  const endWord = new Int32Array(n);
  const termStart = new Int32Array(n + 1);
  // A unit's distinct terms are at most its content words: typed arrays sized for all of them.
  const terms = new Int32Array(contentWords);
  const counts = new Float64Array(contentWords);
  let nTerms = 0;
  // Per term, stem number and document frequency; the vocabulary is at most the content words.
  const vocabStemAll = new Int32Array(contentWords);
  const dfAll = new Int32Array(contentWords);
  let nVocab = 0;
  // Counts of the current unit's terms, by term, with the terms touched in first-seen order.
  const bag = new Int32Array(contentWords);
  const touched = new Int32Array(contentWords);
  let nTouched = 0;
  for (let u = 0; u < n; u++) {
    start[u] = sentenceStart[groupFirst[u]];
    end[u] = sentenceEnd[groupLast[u]];
    firstWord[u] = sentenceFirstWord[groupFirst[u]];
    endWord[u] = sentenceEndWord[groupLast[u]];
    termStart[u] = nTerms;
    for (let w = firstWord[u]; w < endWord[u]; w++) {
      const stem = wordStem[w];
      if (stem < 0) continue;
      if (stem >= termOfStem.length) { const grown = new Int32Array(Math.max(2 * termOfStem.length, stem + 1)); grown.set(termOfStem); termOfStem = grown; }
      let t = termOfStem[stem] - 1;
      if (t < 0) {
        t = nVocab++;
        vocabStemAll[t] = stem;
        termOfStem[stem] = t + 1;
      }
      if (bag[t]++ === 0) touched[nTouched++] = t;
    }
    for (let k = 0; k < nTouched; k++) {
      const t = touched[k];
      terms[nTerms] = t;
      counts[nTerms] = bag[t];
      nTerms++;
      dfAll[t]++;
      bag[t] = 0;
    }
    nTouched = 0;
  }
  termStart[n] = nTerms;
  const vocabStem = vocabStemAll.slice(0, nVocab);
  const df = dfAll.slice(0, nVocab);
  for (let t = 0; t < nVocab; t++) termOfStem[vocabStem[t]] = 0;
  // Postings: each term's units in unit order (counting sort of the units' terms by term).
  const postStart = new Int32Array(nVocab + 1);
  for (let t = 0; t < nVocab; t++) postStart[t + 1] = postStart[t] + df[t];
  const fill = postStart.slice(0, nVocab);
  const postUnits = new Int32Array(nTerms);
  const postCounts = new Int32Array(nTerms);
  for (let u = 0; u < n; u++) {
    for (let k = termStart[u]; k < termStart[u + 1]; k++) {
      const at = fill[terms[k]]++;
      postUnits[at] = u;
      postCounts[at] = counts[k];
    }
  }
  return assembleModel({
    start, end, firstWord, endWord, termStart, terms: terms.subarray(0, nTerms), counts: counts.subarray(0, nTerms),
    vocabStem, stemGeneration: m.stemGeneration, language: m.language, df, logDf: logOf(df), postStart, postUnits, postCounts,
  }, stems, synonyms);
}

/** A sentence model without the parts shared by the models of its stem generation. */
type SentenceModelParts = Omit<SentenceModel, 'stems' | 'synonyms'>;

/**
 * Every model is made here, with its fields in one order: the alignment code then meets one
 * object shape (models made as object spreads elsewhere once made it deoptimise).
 */
function assembleModel(m: SentenceModelParts, stems: readonly string[], synonyms: SynonymIndex | null): SentenceModel {
  return {
    start: m.start, end: m.end, firstWord: m.firstWord, endWord: m.endWord, termStart: m.termStart, terms: m.terms, counts: m.counts,
    vocabStem: m.vocabStem, stemGeneration: m.stemGeneration, stems, language: m.language, synonyms,
    df: m.df, logDf: m.logDf, postStart: m.postStart, postUnits: m.postUnits, postCounts: m.postCounts,
  };
}

/** log of each count (a plain loop: `Float64Array.from(list, Math.log)` iterates generically, ~30x slower). */
function logOf(counts: Int32Array): Float64Array {
  const out = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) out[i] = Math.log(counts[i]);
  return out;
}
