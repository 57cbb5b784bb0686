import { currentStemGeneration, numberStem } from '../lexicon.js';
import { WORDNET_SYNONYM_GROUPS } from './wordnet-synonyms.js';

/**
 * English synonyms for alignment: WordNet synsets as groups of Porter stems
 * (`wordnet-synonyms.ts`, made by scripts/build-synonyms.mjs), numbered for one stem generation:
 * the synonyms of stem number s are `list[start[s]..start[s+1])`, in the order of their synsets.
 */
export interface SynonymIndex { generation: number; start: Int32Array; list: Int32Array }

let index: SynonymIndex | null = null;

function build(): SynonymIndex {
  const generation = currentStemGeneration();
  const groups = WORDNET_SYNONYM_GROUPS.split('\n').map((line) => line.split(' ').map(numberStem));
  let max = 0;
  for (const g of groups) for (const s of g) if (s > max) max = s;
  const start = new Int32Array(max + 2);
  for (const g of groups) for (const s of g) start[s + 1] += g.length - 1;
  for (let s = 0; s <= max; s++) start[s + 1] += start[s];
  const fill = start.slice(0, max + 1);
  const list = new Int32Array(start[max + 1]);
  for (const g of groups) for (const s of g) for (const o of g) if (o !== s) list[fill[s]++] = o;
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
