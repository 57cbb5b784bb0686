import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Passage } from '../engine/text/index.js';
import { pairFileName } from './corpus.js';
import type { PairJob } from './align-pairs.js';
import type { Annotation } from './measures.js';
import { detectionXml } from './xml.js';

/** A pair's passages as PAN annotations. */
export function pairDetections(pair: PairJob, passages: readonly Passage[]): Annotation[] {
  return passages.map((p) => ({ doc: pair.susp, offset: p.offset, length: p.length, source: pair.src, sourceOffset: p.sourceOffset, sourceLength: p.sourceLength }));
}

/** Writes a pair's PAN detection file (`<susp>-<src>.xml`) into `outDir`. */
export function writePairDetections(outDir: string, pair: PairJob, passages: readonly Passage[]): void {
  writeFileSync(join(outDir, pairFileName(pair.susp, pair.src)), detectionXml(pair.susp, pairDetections(pair, passages)));
}
