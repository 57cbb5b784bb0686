/**
 * The literal channel. Token streams deliberately forget literal values, so that renaming and
 * reformatting change nothing; but a copy disguised structurally (extracted methods, reordered
 * statements, rewritten control flow: levels L4-L6) still tends to carry the original's exact
 * strings and constants, while independent solutions word them their own way. Each submission
 * keeps the multiset of its literal values; two submissions' literal similarity is the Dice
 * coefficient of those multisets, after the same template and common-value exclusion as
 * fingerprints.
 */

/** A multiset of literal values: interned ids ascending, with their counts. */
export interface LiteralBag {
  ids: Int32Array;
  /** Counts, each multiplied by its value's weight (a value's weight is the same in every bag). */
  counts: Float64Array;
  size: number;
}

export class LiteralTable {
  private readonly ids = new Map<string, number>();
  /** The multiset of literal values (as written), by interned id. */
  bag(values: readonly string[]): Map<number, number> {
    const m = new Map<number, number>();
    for (const v of values) {
      let id = this.ids.get(v);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(v, id);
      }
      m.set(id, (m.get(id) ?? 0) + 1);
    }
    return m;
  }
}

export function toBag(m: Map<number, number>, excluded: ReadonlySet<number>, weight?: (id: number) => number): LiteralBag {
  const ids = [...m.keys()].filter((id) => !excluded.has(id)).sort((a, b) => a - b);
  const counts = ids.map((id) => (m.get(id) ?? 0) * (weight ? weight(id) : 1));
  return { ids: Int32Array.from(ids), counts: Float64Array.from(counts), size: counts.reduce((s, c) => s + c, 0) };
}

/**
 * Each literal value's weight in a class of submissions: how rare it is among them (document
 * frequency), smoothed towards 1 for small classes, where a frequency says little. Weight =
 * 1 - a + a * ln(n / df) / ln(n), a = n / (n + prior): a value in every submission of a large
 * class (a prescribed prompt, "Case #%d: ", 0 and 1) weighs almost nothing, a value in one
 * submission weighs 1, and with two submissions every value weighs about the same.
 */
export function literalWeights(bags: readonly Map<number, number>[], prior: number): ((id: number) => number) | undefined {
  const n = bags.length;
  if (n < 2) return undefined;
  const df = new Map<number, number>();
  for (const m of bags) for (const id of m.keys()) df.set(id, (df.get(id) ?? 0) + 1);
  const a = n / (n + prior), ln = Math.log(n);
  return (id) => 1 - a + (a * Math.log(n / (df.get(id) ?? 1))) / ln;
}

/** Dice coefficient of two multisets: 2 |A ∩ B| / (|A| + |B|), or NaN when both are empty. */
export function literalDice(a: LiteralBag, b: LiteralBag): number {
  if (a.size + b.size === 0) return NaN;
  let i = 0, j = 0, common = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] < b.ids[j]) i++;
    else if (a.ids[i] > b.ids[j]) j++;
    else {
      common += Math.min(a.counts[i], b.counts[j]);
      i++;
      j++;
    }
  }
  return (2 * common) / (a.size + b.size);
}

/**
 * `literalDice` for one left bag against many right bags: the left bag is spread into a dense
 * count array once, so each right bag costs one look-up per value instead of a merge.
 */
export class LiteralRow {
  private counts = new Float64Array(64);
  private left: LiteralBag | null = null;

  setLeft(bag: LiteralBag): void {
    if (this.left) for (const id of this.left.ids) this.counts[id] = 0;
    const top = bag.ids.length ? bag.ids[bag.ids.length - 1] : -1;
    if (top >= this.counts.length) this.counts = new Float64Array(2 * (top + 1));
    for (let x = 0; x < bag.ids.length; x++) this.counts[bag.ids[x]] = bag.counts[x];
    this.left = bag;
  }

  /** Dice coefficient of the left bag and `right` (NaN when both are empty). */
  dice(right: LiteralBag): number {
    const left = this.left!;
    if (left.size + right.size === 0) return NaN;
    let common = 0;
    const counts = this.counts, limit = counts.length;
    for (let x = 0; x < right.ids.length; x++) {
      const id = right.ids[x];
      if (id < limit) common += Math.min(counts[id], right.counts[x]);
    }
    return (2 * common) / (left.size + right.size);
  }
}
