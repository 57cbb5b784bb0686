/**
 * Winnowing (Schleimer, Wilkerson, Aiken, "Winnowing: Local Algorithms for Document
 * Fingerprinting", SIGMOD 2003): in every window of `w` consecutive k-gram hashes keep the
 * minimum (rightmost on ties). Any shared run of at least w + k - 1 tokens shares a fingerprint.
 * Returns the selected positions (indices into `hashes`), ascending and distinct.
 */
export function winnow(hashes: readonly number[], w: number): number[] {
  const picked: number[] = [];
  if (hashes.length === 0) return picked;
  if (hashes.length <= w) {
    let best = 0;
    for (let i = 1; i < hashes.length; i++) if (hashes[i] <= hashes[best]) best = i;
    picked.push(best);
    return picked;
  }
  // Monotone deque of candidate positions, increasing hash values.
  const deque: number[] = [];
  let head = 0;
  let last = -1;
  for (let i = 0; i < hashes.length; i++) {
    while (deque.length > head && hashes[deque[deque.length - 1]] >= hashes[i]) deque.pop();
    deque.push(i);
    if (deque[head] <= i - w) head++;
    if (i >= w - 1) {
      const min = deque[head];
      if (min !== last) {
        picked.push(min);
        last = min;
      }
    }
  }
  return picked;
}
