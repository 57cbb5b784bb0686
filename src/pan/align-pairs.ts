import { alignTexts, alignTranslation, loadStemmers, needsSnowball, prepareText } from '../engine/text/index.js';
import { freedictLexicon } from '../dictionaries/freedict.js';
import type { Passage, PreparedText } from '../engine/text/index.js';
import { createRequire } from 'node:module';
import { readPanText } from './corpus.js';

const require = createRequire(import.meta.url);

/** A pair to align: suspicious and source document names. */
export interface PairJob { susp: string; src: string }

/**
 * Aligns pairs of a PAN corpus, preparing each document once. Loads the Snowball stemmers when
 * a document turns out to need them. `onPair` hears of each pair as soon as it is aligned.
 * A pair whose suspicious document is in another language than its source is aligned across
 * languages (`alignTranslation`) when a FreeDict dictionary of that language into the source's
 * is installed, and yields no passages otherwise.
 */
export async function alignPairs(corpusDir: string, jobs: readonly PairJob[], onPair?: (index: number, passages: Passage[]) => void): Promise<Passage[][]> {
  const cache = new Map<string, PreparedText>();
  let snowballLoaded = false;
  const prepared = async (folder: 'susp' | 'src', name: string): Promise<PreparedText> => {
    const key = `${folder}/${name}`;
    let p = cache.get(key);
    if (!p) {
      const text = readPanText(corpusDir, folder, name);
      p = prepareText(text);
      if (p.stemmer === null && needsSnowball(p.language) && !snowballLoaded) {
        await loadStemmers(() => require('snowball-stemmers'));
        snowballLoaded = true;
        p = prepareText(text);
      }
      cache.set(key, p);
    }
    return p;
  };
  const out: Passage[][] = [];
  // A document is dropped from the cache after its last pair: a smaller heap to collect.
  const lastUse = new Map<string, number>();
  jobs.forEach((job, i) => {
    lastUse.set(`susp/${job.susp}`, i);
    lastUse.set(`src/${job.src}`, i);
  });
  for (const [i, job] of jobs.entries()) {
    const susp = await prepared('susp', job.susp);
    const src = await prepared('src', job.src);
    let passages: Passage[];
    if (susp.language === src.language || src.language !== 'en') passages = alignTexts(susp, src);
    else {
      const lexicon = freedictLexicon(susp.language);
      passages = lexicon ? alignTranslation(susp, src, lexicon) : [];
    }
    for (const key of [`susp/${job.susp}`, `src/${job.src}`]) if (lastUse.get(key) === i) cache.delete(key);
    out.push(passages);
    onPair?.(out.length - 1, passages);
  }
  return out;
}
