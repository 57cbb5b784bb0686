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
  const pairs: [string, string][] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const names = line.trim().split(/\s+/);
    // A line of one name used to surface as a missing file "susp/<name>".
    if (names.length !== 2) throw new Error(`${file}, line ${i + 1}: expected two file names "<susp> <src>", got "${line.trim()}"`);
    pairs.push(names as [string, string]);
  });
  return pairs;
}

/**
 * The true cases of a truth file. A truncated or foreign file used to count as a pair without
 * cases, so the measures came out wrong without a word: it must be a whole `<document>` whose
 * plagiarism features all carry whole-number offsets and lengths.
 */
function readTruthFile(file: string): Annotation[] {
  const xml = readFileSync(file, 'utf8');
  if (!/^\s*(<\?xml[^>]*>\s*)?<document\b[^>]*\breference="[^"]+"[^>]*>[\s\S]*<\/document>\s*$/.test(xml)) {
    throw new Error(`${file}: not a PAN truth file (a <document reference="…"> … </document>)`);
  }
  const cases = parseFeatures(xml, 'plagiarism');
  for (const c of cases) {
    if (![c.offset, c.length, c.sourceOffset, c.sourceLength].every((x) => Number.isInteger(x) && x >= 0) || !c.source) {
      throw new Error(`${file}: a plagiarism feature lacks whole-number this_offset, this_length, source_offset, source_length or a source_reference`);
    }
  }
  return cases;
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
    pair.truth = existsSync(truthFile) ? readTruthFile(truthFile) : null;
  }
}

/** Reads a corpus text, checking the offset assumption PAN's measures rely on. */
export function readPanText(dir: string, folder: 'susp' | 'src', name: string): string {
  const path = join(dir, folder, name);
  // A folder failed with "EISDIR: illegal operation on a directory, read", naming no file, and a
  // named pipe waited for a writer for ever: only regular files are texts (the compiled kernel
  // leaves the others to this function, native/text/kernel.cc).
  if (existsSync(path) && !statSync(path).isFile()) throw new Error(`${path}: not a regular file`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    // A text longer than V8's longest string failed with "Cannot create a string longer than
    // 0x1fffffe8 characters", naming no file.
    const message = err instanceof Error ? err.message : String(err);
    throw message.includes(path) ? err : new Error(`${path}: ${message}`);
  }
  // PAN offsets count code points; they equal UTF-16 offsets only without astral characters.
  if (/[\uD800-\uDBFF]/.test(text)) throw new Error(`${name}: characters outside the BMP; PAN offsets would not match`);
  return text;
}
