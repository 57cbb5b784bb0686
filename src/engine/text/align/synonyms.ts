import { currentStemGeneration, numberStemIn } from '../lexicon.js';
import { WORDNET_SYNONYM_GROUPS } from './wordnet-synonyms.js';

/**
 * English synonyms for alignment: WordNet synsets as groups of Porter stems
 * (`wordnet-synonyms.ts`, made by scripts/build-synonyms.mjs), numbered for one stem generation:
 * the synonyms of stem number s are `list[start[s]..start[s+1])`, in the order of their synsets.
 */
export interface SynonymIndex { generation: number; start: Int32Array; list: Int32Array }

let index: SynonymIndex | null = null;

/**
 * Reads the groups (lines of space-separated stems) in one pass over the string, numbering each
 * stem in place, instead of splitting it into ~84,000 strings first (built once per process, at
 * the first English sentence model: ~23 ms of CPU cold against ~30, three runs each).
 */
function build(): SynonymIndex {
  const generation = currentStemGeneration();
  const text = WORDNET_SYNONYM_GROUPS;
  // Stem numbers of all groups one after another; group g is ids[groupStart[g]..groupStart[g+1]).
  let ids = new Int32Array(1 << 16);
  let nIds = 0;
  let groupStart = new Int32Array(1 << 15);
  let nGroups = 0;
  let max = 0;
  let tokenStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 32 && c !== 10) continue;
    if (i > tokenStart) {
      const id = numberStemIn(text, tokenStart, i);
      if (nIds === ids.length) { const grown = new Int32Array(2 * nIds); grown.set(ids); ids = grown; }
      ids[nIds++] = id;
      if (id > max) max = id;
    }
    tokenStart = i + 1;
    if (c === 10) {
      if (nGroups + 1 >= groupStart.length) { const grown = new Int32Array(2 * groupStart.length); grown.set(groupStart); groupStart = grown; }
      groupStart[++nGroups] = nIds;
    }
  }
  const start = new Int32Array(max + 2);
  for (let g = 0; g < nGroups; g++) {
    const size = groupStart[g + 1] - groupStart[g];
    for (let k = groupStart[g]; k < groupStart[g + 1]; k++) start[ids[k] + 1] += size - 1;
  }
  for (let s = 0; s <= max; s++) start[s + 1] += start[s];
  const fill = start.slice(0, max + 1);
  const list = new Int32Array(start[max + 1]);
  for (let g = 0; g < nGroups; g++) {
    const a = groupStart[g];
    const b = groupStart[g + 1];
    for (let k = a; k < b; k++) {
      const s = ids[k];
      for (let o = a; o < b; o++) if (o !== k) list[fill[s]++] = ids[o];
    }
  }
  return { generation, start, list };
}

/**
 * The synonym index numbered for stems of `generation`, built on first use (numbering its
 * stems); null when `generation` is not the current one (a sentence model keeps the index of
 * its generation, `SentenceModel.synonyms`).
 */
export function synonymIndex(generation: number): SynonymIndex | null {
  if (!index || index.generation !== currentStemGeneration()) index = build();
  return index.generation === generation ? index : null;
}
