import { alignTexts, loadStemmers, needsSnowball, prepareText } from '../engine/index.js';
import type { Passage, PreparedText } from '../engine/index.js';
import { readPanText } from './corpus.js';

/** A pair to align: suspicious and source document names. */
export interface PairJob { susp: string; src: string }

/**
 * Aligns pairs of a PAN corpus, preparing each document once. Loads the Snowball stemmers when
 * a document turns out to need them.
 */
export async function alignPairs(corpusDir: string, jobs: readonly PairJob[]): Promise<Passage[][]> {
  const cache = new Map<string, PreparedText>();
  let snowballLoaded = false;
  const prepared = async (folder: 'susp' | 'src', name: string): Promise<PreparedText> => {
    const key = `${folder}/${name}`;
    let p = cache.get(key);
    if (!p) {
      const text = readPanText(corpusDir, folder, name);
      p = prepareText(text);
      if (p.stemmer === null && needsSnowball(p.language) && !snowballLoaded) {
        await loadStemmers();
        snowballLoaded = true;
        p = prepareText(text);
      }
      cache.set(key, p);
    }
    return p;
  };
  const out: Passage[][] = [];
  for (const job of jobs) out.push(alignTexts(await prepared('susp', job.susp), await prepared('src', job.src)));
  return out;
}
