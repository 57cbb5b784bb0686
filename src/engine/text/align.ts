import type { AlignOptions, Passage, PreparedText } from './types.js';
import { kgramHashes } from './hash.js';

const K = 4;
const MAX_GAP = 6;

interface Seed { s: number; r: number }

/**
 * Finds passages shared by a submission and a source: word k-grams present in both are seeds;
 * seeds that follow each other on both sides (within a small gap) are chained into one passage.
 * Ranges are reported in characters of the original texts.
 */
export function alignTexts(submission: PreparedText, source: PreparedText, options: AlignOptions = {}): Passage[] {
  const minWords = options.minWords ?? 8;
  const sw = submission.words;
  const rw = source.words;
  if (sw.length < K || rw.length < K) return [];
  const sHashes = kgramHashes(sw.map((w) => w.key), K);
  const rHashes = kgramHashes(rw.map((w) => w.key), K);
  const where = new Map<number, number[]>();
  rHashes.forEach((h, i) => {
    const list = where.get(h);
    if (list) list.push(i); else where.set(h, [i]);
  });
  const seeds: Seed[] = [];
  sHashes.forEach((h, s) => {
    const list = where.get(h);
    if (list && list.length <= 50) for (const r of list) seeds.push({ s, r });
  });
  seeds.sort((a, b) => a.s - b.s || a.r - b.r);

  // Chain seeds into runs along both documents.
  const chains: { s0: number; s1: number; r0: number; r1: number }[] = [];
  for (const seed of seeds) {
    let joined = false;
    for (let c = chains.length - 1; c >= 0 && c >= chains.length - 8; c--) {
      const ch = chains[c];
      if (seed.s >= ch.s0 && seed.s - ch.s1 <= MAX_GAP && seed.r >= ch.r0 && seed.r - ch.r1 <= MAX_GAP && seed.r >= ch.r1 - K) {
        ch.s1 = Math.max(ch.s1, seed.s);
        ch.r1 = Math.max(ch.r1, seed.r);
        joined = true;
        break;
      }
    }
    if (!joined) chains.push({ s0: seed.s, s1: seed.s, r0: seed.r, r1: seed.r });
  }

  const passages: Passage[] = [];
  for (const ch of chains) {
    const sEnd = ch.s1 + K - 1;
    const rEnd = ch.r1 + K - 1;
    if (sEnd - ch.s0 + 1 < minWords) continue;
    const offset = sw[ch.s0].start;
    const sourceOffset = rw[ch.r0].start;
    passages.push({
      offset,
      length: sw[sEnd].end - offset,
      sourceOffset,
      sourceLength: rw[rEnd].end - sourceOffset,
    });
  }
  return passages.sort((a, b) => a.offset - b.offset);
}
