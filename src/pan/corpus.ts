import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from './measures.js';
import { parseFeatures } from './xml.js';

/** One document pair of a PAN text-alignment corpus. */
export interface PanPair {
  susp: string;
  src: string;
  /** Sub-corpus folder (e.g. "02-no-obfuscation"), or "" for a corpus without sub-corpora. */
  subCorpus: string;
  /** True cases, or null when the corpus has no truth file for the pair. */
  truth: Annotation[] | null;
}

/** `<susp>-<src>.xml`, PAN's file name for a pair. */
export function pairFileName(susp: string, src: string): string {
  return `${susp.replace(/\.txt$/, '')}-${src.replace(/\.txt$/, '')}.xml`;
}

function readPairs(file: string): [string, string][] {
  return readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)
    .map((l) => l.split(/\s+/) as [string, string]);
}

/**
 * Reads the pairs of a PAN 2013 layout corpus: `0X-*` sub-corpus folders each with `pairs` and
 * truth XML files, or just a top-level `pairs` file. Texts live in `susp/` and `src/`. With
 * `truth: false` the truth files are left for `readPanTruth` (so a run can start aligning first).
 */
export function readPanPairs(dir: string, options: { truth?: boolean } = {}): PanPair[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${dir}: no such corpus folder`);
  const subs = readdirSync(dir).filter((d) => /^\d\d-/.test(d) && statSync(join(dir, d)).isDirectory()).sort();
  const pairs: PanPair[] = [];
  const from = subs.length ? subs.map((s) => [s, join(dir, s)] as const) : [['', dir] as const];
  for (const [sub, folder] of from) {
    if (!existsSync(join(folder, 'pairs'))) continue;
    for (const [susp, src] of readPairs(join(folder, 'pairs'))) pairs.push({ susp, src, subCorpus: sub, truth: null });
  }
  if (pairs.length === 0) throw new Error(`${dir}: no "pairs" file (PAN 2013 layout: pairs, susp/, src/)`);
  if (options.truth !== false) readPanTruth(dir, pairs);
  return pairs;
}

/** Sets `truth` of each pair of a sub-corpus that has a truth file for it. */
export function readPanTruth(dir: string, pairs: PanPair[]): void {
  for (const pair of pairs) {
    if (!pair.subCorpus) continue;
    const truthFile = join(dir, pair.subCorpus, pairFileName(pair.susp, pair.src));
    pair.truth = existsSync(truthFile) ? parseFeatures(readFileSync(truthFile, 'utf8'), 'plagiarism') : null;
  }
}

/** Reads a corpus text, checking the offset assumption PAN's measures rely on. */
export function readPanText(dir: string, folder: 'susp' | 'src', name: string): string {
  const text = readFileSync(join(dir, folder, name), 'utf8');
  // PAN offsets count code points; they equal UTF-16 offsets only without astral characters.
  if (/[\uD800-\uDBFF]/.test(text)) throw new Error(`${name}: characters outside the BMP; PAN offsets would not match`);
  return text;
}
