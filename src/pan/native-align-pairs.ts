import { join } from 'node:path';
import { NativeDocuments } from '../native/text-kernel.js';
import type { PairFile } from '../native/text-kernel.js';
import type { Passage } from '../engine/text/types.js';
import { pairFileName } from './corpus.js';
import { escapeAttribute } from './xml.js';

/** A pair to align: suspicious and source document names (`PairJob` of align-pairs.ts). */
interface PairJob { susp: string; src: string }

/**
 * Aligns the pairs of a PAN corpus with the compiled text kernel on `threads` threads: every
 * document is read and prepared once, then the pairs are aligned, each thread taking the pairs
 * of one suspicious document at a time. The passages are those of the TypeScript engine.
 * `meanwhile` runs on this thread while the kernel aligns (PAN runs read the truth files then).
 * Pairs the kernel does not align go through the TypeScript engine afterwards: pairs across
 * languages (translation) and pairs with a document the kernel left out
 * (`NativeDocuments.unsupported`). Returns the passages, and the writing of the detection files
 * into `outDir`, which goes on on the kernel's threads (PAN runs score meanwhile).
 */
export async function alignPairsNative(corpusDir: string, outDir: string, jobs: readonly PairJob[], threads: number, meanwhile: () => void): Promise<{ passages: Passage[][]; written: Promise<void> }> {
  const index = new Map<string, number>();
  const paths: string[] = [];
  const docOf = (folder: 'susp' | 'src', name: string): number => {
    const key = `${folder}/${name}`;
    let i = index.get(key);
    if (i === undefined) {
      index.set(key, i = paths.length);
      paths.push(join(corpusDir, folder, name));
    }
    return i;
  };
  const docPairs = jobs.map((j) => [docOf('susp', j.susp), docOf('src', j.src)] as const);
  const here: number[] = [];
  const elsewhere: number[] = [];
  // A corpus of pairs across languages only (or of texts the kernel leaves out) is left to the
  // TypeScript engine as soon as the languages are known.
  const docs = await NativeDocuments.prepare(paths, threads, {
    batch: true,
    needed: (languages) => {
      docPairs.forEach(([s, r], i) => {
        // As `sameLanguagePair` (align-pairs.ts): within one language, or a source not in English.
        const sameLanguage = languages[s] === languages[r] || languages[r] !== 'en';
        (languages[s] && languages[r] && sameLanguage ? here : elsewhere).push(i);
      });
      return here.length > 0;
    },
  });
  const passages: Passage[][] = new Array(jobs.length);
  let writing: Promise<void> = Promise.resolve();
  if (here.length) {
    const aligning = docs.align(here.map((i) => docPairs[i]));
    aligning.catch(() => undefined);
    meanwhile();
    const found = await aligning;
    here.forEach((i, k) => { passages[i] = found[k]; });
    const files: PairFile[] = here.map((i) => ({
      path: join(outDir, pairFileName(jobs[i].susp, jobs[i].src)), suspiciousReference: escapeAttribute(jobs[i].susp), sourceReference: escapeAttribute(jobs[i].src),
    }));
    writing = docs.writeDetections(files);
    writing.catch(() => undefined);
  } else {
    meanwhile();
  }
  if (elsewhere.length) {
    await writing;
    const [{ alignPairs }, { writePairDetections }] = await Promise.all([import('./align-pairs.js'), import('./detections.js')]);
    await alignPairs(corpusDir, elsewhere.map((i) => jobs[i]), (k, ps) => {
      passages[elsewhere[k]] = ps;
      writePairDetections(outDir, jobs[elsewhere[k]], ps);
    });
  }
  return { passages, written: writing };
}
