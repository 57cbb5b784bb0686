import type { Passage, PreparedText, TranslationLexicon } from '../types.js';
import { stemmerFor } from '../stemming.js';
import { pairHash } from '../fingerprint.js';

/**
 * Cross-language alignment: a submission in one language (German, Polish, …) against a source in
 * the lexicon's target language (English). Each content word of the submission is looked up in
 * the lexicon (its form, then its stem and the stem with the language's usual base-form endings:
 * dictionaries list base forms) and stands for the set of English stems it may translate to,
 * plus its own form (names, numbers and loan words cross languages unchanged). A sentence pair
 * is scored by how many words of each side find a partner on the other (a Dice coefficient over
 * words, each source term weighted by how rare it is among the source's sentences). The best
 * source sentence of each submission sentence is a seed when the score clears `seed`; seeds in
 * the same order on both sides, at most `gap` sentences apart, are merged into passages that
 * begin and end at sentence boundaries on both sides.
 */

export interface TranslationParams {
  /** A sentence pair is a seed from this weighted Dice score. */
  seed: number;
  /** Seeds at most this many sentences apart (on both sides, same order) join one passage. */
  gap: number;
  /** A passage resting on one seed needs this score. */
  loneSeed: number;
  /** A passage's mean seed score must reach this. */
  passageScore: number;
  /** Shortest passage, characters, on both sides. */
  minChars: number;
  /** Sentences with fewer content words than this are joined to the next one. */
  minWords: number;
  /** Words sharing this many first letters (diacritics folded) are cognates; 0: none. */
  cognatePrefix: number;
  /** Weight of a submission word with no partner in the source (a partner weighs its log inverse unit frequency). */
  unmatchedWeight: number;
}

export const DEFAULT_TRANSLATION_PARAMS: Readonly<TranslationParams> = Object.freeze({
  // Chosen by bench/cross-lang-tune.mjs on 01-de-en and 02-es-en of the cross-language corpus
  // (216 settings, best mean plagdet); 03-pl-en and 04-fr-en were not looked at (docs/benchmarks.md).
  seed: 0.3,
  gap: 2,
  loneSeed: 0.5,
  passageScore: 0.3,
  cognatePrefix: 4,
  unmatchedWeight: 2,
  // Set before tuning, not tuned.
  minChars: 100,
  minWords: 3,
});

/** Endings that turn a stem back into a dictionary's base form, per language. */
const BASE_ENDINGS: Record<string, readonly string[]> = {
  de: ['en', 'e', 'n', 'er', 'ung', 'lich', 'ig'],
  pl: ['a', 'y', 'ć', 'ać', 'ić', 'eć', 'o', 'i', 'ie', 'ny', 'ski', 'owy', 'ek'],
  es: ['o', 'a', 'ar', 'er', 'ir', 'e', 'os', 'ción'],
  fr: ['e', 'er', 'ir', 're', 'é', 'ée', 'ion'],
};

/** Per lexicon: a word form's English candidate stems (memo). */
const memo = new WeakMap<TranslationLexicon, Map<string, readonly string[]>>();
const MEMO_LIMIT = 200_000;

/** The English stems a word (normalised form, stem in its language) may translate to. */
export function translationCandidates(lexicon: TranslationLexicon, key: string, stem: string): readonly string[] {
  let m = memo.get(lexicon);
  if (!m) memo.set(lexicon, m = new Map());
  const known = m.get(key);
  if (known) return known;
  const english = stemmerFor(lexicon.target);
  const out = new Set<string>();
  const add = (w: string) => { out.add(english ? english.stem(w) : w); };
  const tried = new Set<string>();
  const look = (form: string): boolean => {
    if (tried.has(form)) return false;
    tried.add(form);
    const ws = lexicon.entries.get(form);
    if (ws) for (const w of ws) add(w);
    return ws !== undefined;
  };
  if (!look(key)) {
    // The stem, then the stem and the key (stemmers may fold letters, e.g. German umlauts) cut
    // by up to four letters, each also with the language's base-form endings.
    const endings = BASE_ENDINGS[lexicon.language] ?? [];
    let found = false;
    for (const base of stem === key ? [key] : [stem, key]) {
      for (let cut = base === key ? 1 : 0; !found && cut <= 4 && base.length - cut >= 3; cut++) {
        const s = cut ? base.slice(0, -cut) : base;
        found = look(s) || found;
        for (const e of endings) found = look(s + e) || found;
      }
      if (found) break;
    }
  }
  add(key);
  const list = [...out];
  if (m.size >= MEMO_LIMIT) m.clear();
  m.set(key, list);
  return list;
}

/** Sentence units: runs of sentences with at least `minWords` content words; their words and span. */
interface Unit { start: number; end: number; words: number[] }

function units(text: PreparedText, minWords: number): Unit[] {
  const out: Unit[] = [];
  let cur: Unit | null = null;
  const content = text.forms.content;
  for (const s of text.sentences) {
    cur ??= { start: s.start, end: s.end, words: [] };
    cur.end = s.end;
    for (let w = s.firstWord; w < s.endWord; w++) {
      const e = text.wordEntry[w];
      if (content[e] || /\d/.test(text.forms.entries[e].key)) cur.words.push(w);
    }
    if (cur.words.length >= minWords) { out.push(cur); cur = null; }
  }
  if (cur) {
    if (cur.words.length && out.length) { const last = out[out.length - 1]; last.end = cur.end; last.words.push(...cur.words); }
    else if (cur.words.length) out.push(cur);
  }
  return out;
}

interface Seed {
  i: number; j0: number; j1: number; score: number;
  /** First and last word of submission unit i with a partner in source units j0..j1. */
  w0: number; w1: number;
}

/** The sentence holding word w. */
function sentenceOf(text: PreparedText, w: number): { start: number; end: number } {
  const ss = text.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ss[mid].firstWord <= w) lo = mid; else hi = mid - 1;
  }
  return ss[lo];
}

/** A word's letters without diacritics (for cognate prefixes): "histórico" -> "historico". */
function plain(key: string): string {
  return key.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/ß/g, 'ss');
}

/**
 * Passages of `submission` that translate passages of `source`, given a lexicon from the
 * submission's language into the source's. Offsets are in the original texts, as everywhere.
 */
export function alignTranslation(submission: PreparedText, source: PreparedText, lexicon: TranslationLexicon, params: Partial<TranslationParams> = {}): Passage[] {
  const p = { ...DEFAULT_TRANSLATION_PARAMS, ...params };
  const S = units(submission, p.minWords);
  const R = units(source, p.minWords);
  if (!S.length || !R.length) return [];
  // Source terms: stems, numbered; postings term -> units; weight by inverse unit frequency.
  const termIds = new Map<string, number>();
  // Cognates (Simard, Foster, Isabelle 1992): words sharing their first `cognatePrefix` letters.
  const byPrefix = new Map<string, number[]>();
  const rTerms: number[][] = R.map((u) => {
    const ids = new Set<number>();
    for (const w of u.words) {
      const e = source.forms.entries[source.wordEntry[w]];
      let id = termIds.get(e.stem);
      if (id === undefined) {
        termIds.set(e.stem, id = termIds.size);
        if (p.cognatePrefix > 0 && e.key.length >= p.cognatePrefix) {
          const pre = plain(e.key).slice(0, p.cognatePrefix);
          const list = byPrefix.get(pre);
          if (list) list.push(id); else byPrefix.set(pre, [id]);
        }
      }
      ids.add(id);
    }
    return [...ids];
  });
  const df = new Int32Array(termIds.size);
  for (const ts of rTerms) for (const t of ts) df[t]++;
  const weight = Float64Array.from(df, (d) => Math.log(1 + R.length / d));
  const postings: number[][] = Array.from({ length: termIds.size }, () => []);
  rTerms.forEach((ts, j) => { for (const t of ts) postings[t].push(j); });
  const rWeight = rTerms.map((ts) => ts.reduce((a, t) => a + weight[t], 0));

  const seeds: Seed[] = [];
  // Per source unit j: weight of the submission unit's words with a partner in j, and in j or j + 1.
  const matchedS = new Float64Array(R.length);
  const matchedS2 = new Float64Array(R.length);
  const matchedR = new Float64Array(R.length);
  const seenTerm = new Map<number, Set<number>>();
  const terms = new Set<number>();
  const hit = new Map<number, number>();
  S.forEach((u, i) => {
    matchedS.fill(0);
    matchedS2.fill(0);
    matchedR.fill(0);
    seenTerm.clear();
    let sWeight = 0;
    const wordHits: (Set<number> | null)[] = [];
    for (const w of u.words) {
      const e = submission.forms.entries[submission.wordEntry[w]];
      terms.clear();
      for (const c of translationCandidates(lexicon, e.key, e.stem)) {
        const t = termIds.get(c);
        if (t !== undefined) terms.add(t);
      }
      if (p.cognatePrefix > 0 && e.key.length >= p.cognatePrefix) {
        for (const t of byPrefix.get(plain(e.key).slice(0, p.cognatePrefix)) ?? []) terms.add(t);
      }
      // The word's weight: that of its rarest partner in the source (1 when it has none).
      let best = 0;
      hit.clear();
      for (const t of terms) {
        best = Math.max(best, weight[t]);
        for (const j of postings[t]) {
          hit.set(j, Math.max(hit.get(j) ?? 0, weight[t]));
          let seen = seenTerm.get(j);
          if (!seen) seenTerm.set(j, seen = new Set());
          if (!seen.has(t)) { seen.add(t); matchedR[j] += weight[t]; }
        }
      }
      sWeight += best || p.unmatchedWeight;
      wordHits.push(hit.size ? new Set(hit.keys()) : null);
      for (const [j, wt] of hit) {
        matchedS[j] += wt;
        // j or j + 1 (counted once): pairs (j - 1, j) and (j, j + 1).
        const prev = j > 0 ? hit.get(j - 1) : undefined;
        if (j > 0 && prev === undefined) matchedS2[j - 1] += wt;
        matchedS2[j] += Math.max(wt, hit.get(j + 1) ?? 0);
      }
    }
    let best: Seed | null = null;
    for (let j = 0; j < R.length; j++) {
      if (matchedS[j] > 0) {
        const score = (matchedS[j] + matchedR[j]) / (sWeight + rWeight[j]);
        if (!best || score > best.score) best = { i, j0: j, j1: j, score, w0: 0, w1: 0 };
      }
      // One submission sentence may translate two source sentences (a headline and its line, a split sentence).
      if (j + 1 < R.length && matchedS2[j] > 0) {
        const score = (matchedS2[j] + matchedR[j] + matchedR[j + 1]) / (sWeight + rWeight[j] + rWeight[j + 1]);
        if (!best || score > best.score) best = { i, j0: j, j1: j + 1, score, w0: 0, w1: 0 };
      }
    }
    if (best && best.score >= p.seed) {
      const b = best;
      const hits = (k: number) => { const h = wordHits[k]; return h !== null && (h.has(b.j0) || h.has(b.j1)); };
      let k0 = 0;
      while (k0 < u.words.length - 1 && !hits(k0)) k0++;
      let k1 = u.words.length - 1;
      while (k1 > k0 && !hits(k1)) k1--;
      b.w0 = u.words[k0];
      b.w1 = u.words[k1];
      seeds.push(b);
    }
  });

  // Chains: seeds in order on both sides, at most `gap` units apart.
  const passages: Passage[] = [];
  let chain: Seed[] = [];
  const flush = () => {
    if (!chain.length) return;
    const mean = chain.reduce((a, s) => a + s.score, 0) / chain.length;
    const ok = chain.length > 1 ? mean >= p.passageScore : chain[0].score >= p.loneSeed;
    if (ok) {
      const first = chain[0];
      const last = chain[chain.length - 1];
      const j0 = Math.min(...chain.map((s) => s.j0));
      const j1 = Math.max(...chain.map((s) => s.j1));
      // A unit may hold short sentences joined to their neighbour: the passage starts at the
      // sentence of the first word with a partner, and ends at the sentence of the last one.
      const offset = Math.max(S[first.i].start, sentenceOf(submission, first.w0).start);
      const end = Math.min(S[last.i].end, sentenceOf(submission, last.w1).end);
      const sourceOffset = R[j0].start;
      const length = end - offset;
      const sourceLength = R[j1].end - sourceOffset;
      if (length >= p.minChars && sourceLength >= p.minChars) {
        passages.push({ offset, length, sourceOffset, sourceLength, kind: 'translation', similarity: Number(mean.toFixed(4)) });
      }
    }
    chain = [];
  };
  for (const s of seeds) {
    const last = chain[chain.length - 1];
    if (last && !(s.i - last.i <= p.gap + 1 && s.j0 >= last.j0 && s.j0 - last.j1 <= p.gap + 1)) flush();
    chain.push(s);
  }
  flush();
  return passages;
}

/** English candidates per word used for retrieval fingerprints (the first senses, and the word itself). */
const RETRIEVAL_CANDIDATES = 3;

/**
 * Retrieval fingerprints of a text in another language, as its English translation would have
 * them: the hashes `textFingerprints` gives English texts (order-free pairs of consecutive
 * content-word stems) for every pair of candidate translations of two content words at most two
 * apart (word order differs between languages, and one word may translate to two). Not winnowed:
 * an English source keeps a winnowed selection of its own, and any of them should be found.
 * Distinct and sorted, for looking up sources in the inverted index.
 */
export function translatedFingerprints(prepared: PreparedText, lexicon: TranslationLexicon): number[] {
  const english = stemmerFor(lexicon.target);
  const cands: string[][] = [];
  const { wordEntry, forms } = prepared;
  for (let i = 0; i < wordEntry.length; i++) {
    const e = forms.entries[wordEntry[i]];
    if (e.stop || !/\p{L}/u.test(e.key)) continue;
    const all = translationCandidates(lexicon, e.key, e.stem);
    // The last candidate is the word itself (names and loan words), stemmed as English.
    const own = english ? english.stem(e.key) : e.key;
    cands.push([...new Set([...all.slice(0, Math.min(RETRIEVAL_CANDIDATES, all.length - 1)), own])]);
  }
  const out = new Set<number>();
  for (let i = 0; i < cands.length; i++) {
    for (let d = 1; d <= 2 && i + d < cands.length; d++) {
      for (const a of cands[i]) for (const b of cands[i + d]) {
        if (a === b) continue;
        const [x, y] = a < b ? [a, b] : [b, a];
        out.add(pairHash(x, y));
      }
    }
  }
  return [...out].sort((a, b) => a - b);
}
