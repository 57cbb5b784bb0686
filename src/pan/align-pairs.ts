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

/**
 * The order in which threads take the pairs: in groups, one per suspicious document (in order
 * of its first pair), so a thread that takes a group prepares its suspicious document once.
 * `order` lists the pair indices group after group; group g is `order[start[g]..start[g + 1])`.
 */
export interface PairGroups {
  order: Int32Array;
  start: Int32Array;
}

export function groupBySuspicious(jobs: readonly PairJob[]): PairGroups {
  const bySusp = new Map<string, number[]>();
  jobs.forEach((job, i) => {
    let g = bySusp.get(job.susp);
    if (!g) bySusp.set(job.susp, g = []);
    g.push(i);
  });
  const order = new Int32Array(jobs.length);
  const start = new Int32Array(bySusp.size + 1);
  let n = 0;
  let g = 0;
  for (const members of bySusp.values()) {
    start[g++] = n;
    for (const i of members) order[n++] = i;
  }
  start[g] = n;
  return { order, start };
}

interface Prepared { text: PreparedText; input: AlignmentInput | null }

/**
 * Reads and prepares the documents of a PAN corpus for one thread, each once while it is
 * needed: a document is dropped once the thread has moved past the last group that uses it
 * (`moveTo`; threads take groups in ascending order), a smaller heap to collect. Loads the
 * Snowball stemmers when a document turns out to need them.
 */
export class DocumentPreparer {
  private readonly cache = new Map<string, Prepared>();
  /** Per document key, the last group that uses it. */
  private readonly lastGroup = new Map<string, number>();
  private snowballLoaded = false;

  constructor(private readonly corpusDir: string, jobs: readonly PairJob[], groups: PairGroups) {
    for (let g = 0; g + 1 < groups.start.length; g++) {
      for (let k = groups.start[g]; k < groups.start[g + 1]; k++) {
        const job = jobs[groups.order[k]];
        this.lastGroup.set(docKey('susp', job.susp), g);
        this.lastGroup.set(docKey('src', job.src), g);
      }
    }
  }

  /** The thread takes group `g` next: drops the documents no later group uses. */
  moveTo(g: number): void {
    for (const key of this.cache.keys()) if (this.lastGroup.get(key)! < g) this.cache.delete(key);
  }

  async get(folder: 'susp' | 'src', name: string): Promise<PreparedText> {
    return (await this.entry(folder, name)).text;
  }

  /** The document's alignment input (made once). */
  async input(folder: 'susp' | 'src', name: string): Promise<AlignmentInput> {
    const e = await this.entry(folder, name);
    return e.input ??= alignmentInput(e.text);
  }

  private async entry(folder: 'susp' | 'src', name: string): Promise<Prepared> {
    const key = docKey(folder, name);
    let e = this.cache.get(key);
    if (!e) {
      const text = readPanText(this.corpusDir, folder, name);
      let p = prepareText(text);
      if (p.stemmer === null && needsSnowball(p.language) && !this.snowballLoaded) {
        await loadStemmers(() => require('snowball-stemmers'));
        this.snowballLoaded = true;
        p = prepareText(text);
      }
      this.cache.set(key, e = { text: p, input: null });
    }
    return e;
  }
}

/**
 * Whether a pair is aligned within one language (`alignTexts`); otherwise the suspicious
 * document is in another language than its English source and the pair is aligned across
 * languages (`alignTranslation`).
 */
export function sameLanguagePair(susp: PreparedText, src: PreparedText): boolean {
  return sameLanguage(susp.language, src.language);
}

/** `sameLanguagePair` given the two documents' languages. */
export function sameLanguage(suspLanguage: string, srcLanguage: string): boolean {
  return suspLanguage === srcLanguage || srcLanguage !== 'en';
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
 * Aligns the groups of pairs this thread takes from `next` (shared memory, index 0: the next
 * group to take; every thread of a run takes from the same counter), preparing each document
 * once. `onPair` hears of each pair as soon as it is aligned. Returns how many groups this
 * thread took.
 */
export async function alignTakenGroups(corpusDir: string, jobs: readonly PairJob[], groups: PairGroups, next: Int32Array, onPair: (index: number, passages: Passage[]) => void): Promise<number> {
  const docs = new DocumentPreparer(corpusDir, jobs, groups);
  const nGroups = groups.start.length - 1;
  let taken = 0;
  for (let g = Atomics.add(next, 0, 1); g < nGroups; g = Atomics.add(next, 0, 1)) {
    taken++;
    docs.moveTo(g);
    for (let k = groups.start[g]; k < groups.start[g + 1]; k++) {
      const i = groups.order[k];
      const job = jobs[i];
      const susp = await docs.get('susp', job.susp);
      const src = await docs.get('src', job.src);
      const passages = sameLanguagePair(susp, src)
        ? alignInputs(await docs.input('susp', job.susp), await docs.input('src', job.src))
        : alignAcrossLanguages(susp, src);
      onPair(i, passages);
    }
  }
  return taken;
}

/** Aligns pairs of a PAN corpus on this thread alone. */
export async function alignPairs(corpusDir: string, jobs: readonly PairJob[], onPair?: (index: number, passages: Passage[]) => void): Promise<Passage[][]> {
  const out: Passage[][] = new Array(jobs.length);
  await alignTakenGroups(corpusDir, jobs, groupBySuspicious(jobs), new Int32Array(1), (i, passages) => {
    out[i] = passages;
    onPair?.(i, passages);
  });
  return out;
}
