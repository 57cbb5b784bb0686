/** 32-bit FNV-1a over a string; stable across runs and platforms. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashes of every run of k consecutive keys (word k-grams). */
export function kgramHashes(keys: readonly string[], k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + k <= keys.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + k; j++) {
      h = fnv1a(keys[j], h);
      h = fnv1a('\u0001', h);
    }
    out.push(h >>> 0);
  }
  return out;
}
