/**
 * Clusters of submissions: connected components of the pairs at or above a similarity, largest
 * first (members in name order). A group of students sharing one program shows as one cluster,
 * however the pairs among them rank.
 */
import type { CodePair } from '../../engine/code/index.js';

export function clustersOf(pairs: readonly CodePair[], threshold: number): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    for (let y = x; y !== r; ) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (const p of pairs) {
    if (p.similarity < threshold) continue;
    for (const id of [p.left, p.right]) if (!parent.has(id)) parent.set(id, id);
    const a = find(p.left), b = find(p.right);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const r = find(id);
    groups.set(r, [...(groups.get(r) ?? []), id]);
  }
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
}
