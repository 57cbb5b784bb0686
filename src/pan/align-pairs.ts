import { alignInputs, alignmentInput, alignTranslation, loadStemmers, needsSnowball, prepareText } from '../engine/text/index.js';
import { freedictLexicon } from '../dictionaries/freedict.js';
import type { AlignmentInput, Passage, PreparedText } from '../engine/text/index.js';
import { createRequire } from 'node:module';
import { readPanText } from './corpus.js';

const require = createRequire(import.meta.url);

/** A pair to align: suspicious and source document names. */
export interface PairJob { susp: string; src: string }

/** Cache key of a document: `susp/<name>` or `src/<name>`. */
export function docKey(folder: 'susp' | 'src', name: string): string { return `${folder}/${name}`; }

/** Per document key, the index of the last job that uses it. */
export function lastUses(jobs: readonly PairJob[]): Map<string, number> {
  const last = new Map<string, number>();
  jobs.forEach((job, i) => {
    last.set(docKey('susp', job.susp), i);
    last.set(docKey('src', job.src), i);
  });
  return last;
}

/**
 * Reads and prepares the documents of a PAN corpus, each once, and keeps each until the job
 * that uses it last (`release`): a smaller heap to collect. Loads the Snowball stemmers when a
 * document turns out to need them.
 */
export class DocumentPreparer {
  private readonly cache = new Map<string, PreparedText>();
  private readonly last: Map<string, number>;
  private snowballLoaded = false;

  constructor(private readonly corpusDir: string, jobs: readonly PairJob[]) {
    this.last = lastUses(jobs);
  }

  async get(folder: 'susp' | 'src', name: string): Promise<PreparedText> {
    const key = docKey(folder, name);
    let p = this.cache.get(key);
    if (!p) {
      const text = readPanText(this.corpusDir, folder, name);
      p = prepareText(text);
      if (p.stemmer === null && needsSnowball(p.language) && !this.snowballLoaded) {
        await loadStemmers(() => require('snowball-stemmers'));
        this.snowballLoaded = true;
        p = prepareText(text);
      }
      this.cache.set(key, p);
    }
    return p;
  }

  /** Drops the documents of job i whose last job it is. */
  release(i: number, job: PairJob): void {
    for (const key of [docKey('susp', job.susp), docKey('src', job.src)]) if (this.last.get(key) === i) this.cache.delete(key);
  }
}

/**
 * Whether a pair is aligned within one language (`alignTexts`); otherwise the suspicious
 * document is in another language than its English source and the pair is aligned across
 * languages (`alignTranslation`).
 */
export function sameLanguagePair(susp: PreparedText, src: PreparedText): boolean {
  return susp.language === src.language || src.language !== 'en';
}

/**
 * A pair across languages, aligned with the FreeDict dictionary of the submission's language
 * into English when it is installed; no passages otherwise.
 */
export function alignAcrossLanguages(susp: PreparedText, src: PreparedText): Passage[] {
  const lexicon = freedictLexicon(susp.language);
  return lexicon ? alignTranslation(susp, src, lexicon) : [];
}

/**
 * Aligns pairs of a PAN corpus on this thread, preparing each document once. `onPair` hears of
 * each pair as soon as it is aligned.
 */
export async function alignPairs(corpusDir: string, jobs: readonly PairJob[], onPair?: (index: number, passages: Passage[]) => void): Promise<Passage[][]> {
  const docs = new DocumentPreparer(corpusDir, jobs);
  const out: Passage[][] = [];
  const inputs = new WeakMap<PreparedText, AlignmentInput>();
  const input = (p: PreparedText) => { let a = inputs.get(p); if (!a) inputs.set(p, a = alignmentInput(p)); return a; };
  for (const [i, job] of jobs.entries()) {
    const susp = await docs.get('susp', job.susp);
    const src = await docs.get('src', job.src);
    const passages = sameLanguagePair(susp, src) ? alignInputs(input(susp), input(src)) : alignAcrossLanguages(susp, src);
    docs.release(i, job);
    out.push(passages);
    onPair?.(out.length - 1, passages);
  }
  return out;
}
