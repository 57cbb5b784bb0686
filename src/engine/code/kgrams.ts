/**
 * Token kinds to numbers, and k-gram hashes over them: a polynomial rolling hash mod 2^32,
 * finished with the MurmurHash3 mixer so that winnowing's minimum is spread evenly.
 */
const BASE = 0x01000193;

/**
 * A token kind's number: FNV-1a of its name. The same kind gets the same number in every run
 * whatever else is compared, so submissions can be prepared independently (there are a few hundred kinds;
 * a 32-bit clash between two of them is as unlikely as a k-gram hash clash).
 */
export function kindId(kind: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < kind.length; i++) h = Math.imul(h ^ kind.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Kind numbers, memoised. */
const kindIds = new Map<string, number>();
export function kindNumber(kind: string): number {
  let v = kindIds.get(kind);
  if (v === undefined) {
    v = kindId(kind);
    kindIds.set(kind, v);
  }
  return v;
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of every run of k consecutive ids: `out[i]` covers ids[i .. i+k-1]. */
export function kgramHashes(ids: Int32Array, k: number): Uint32Array {
  const n = ids.length - k + 1;
  if (n <= 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  let top = 1;
  for (let j = 1; j < k; j++) top = Math.imul(top, BASE);
  let h = 0;
  for (let j = 0; j < k; j++) h = (Math.imul(h, BASE) + ids[j]) | 0;
  out[0] = mix(h);
  for (let i = 1; i < n; i++) {
    h = (Math.imul(h - Math.imul(ids[i - 1], top), BASE) + ids[i + k - 1]) | 0;
    out[i] = mix(h);
  }
  return out;
}
