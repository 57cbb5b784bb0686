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
  /** The values by interned id. */
  readonly values: string[] = [];
  /** The multiset of literal values (as written), by interned id. */
  bag(values: readonly string[]): Map<number, number> {
    const m = new Map<number, number>();
    for (let x = 0; x < values.length; x++) {
      const v = values[x];
      let id = this.ids.get(v);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(v, id);
        this.values.push(v);
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
 * Rarity-weighted bags of numeric values (library-name hashes), built with typed arrays: the
 * same bags as `LiteralTable` + `literalWeights` + `toBag` would give (ids interned in order of
 * first appearance, ascending in each bag), without a Map per submission. Values of `excluded`
 * (the base's) are left out.
 */
export function numberBags(values: readonly (readonly number[])[], excluded: readonly number[], prior: number): LiteralBag[] {
  // Runs once per comparison, mostly before V8 optimises it: the per-submission work is in
  // small functions (optimised after a few calls) and every loop reads locals.
  const idOf = new Map<number, number>();
  const perSub: { ids: Int32Array; counts: Int32Array }[] = [];
  const scratch = { sorted: new Int32Array(64) };
  for (let s = 0; s < values.length; s++) perSub.push(internedBag(values[s], idOf, scratch));
  const n = values.length;
  const df = new Int32Array(idOf.size);
  for (let s = 0; s < perSub.length; s++) {
    const ids = perSub[s].ids;
    for (let x = 0; x < ids.length; x++) df[ids[x]]++;
  }
  const weightOf = new Float64Array(idOf.size).fill(1);
  if (n >= 2) {
    for (let id = 0; id < weightOf.length; id++) weightOf[id] = rarityWeight(n, df[id], prior);
  }
  for (const v of excluded) {
    const id = idOf.get(v);
    if (id !== undefined) weightOf[id] = -1;
  }
  // A name every submission of a class uses (`System.out.println` in every Java program) tells
  // no two of them apart; in a class of ten or more it is left out, as a value of the base is.
  if (n >= 10) for (let id = 0; id < df.length; id++) if (df[id] === n) weightOf[id] = -1;
  const bags: LiteralBag[] = [];
  for (let s = 0; s < perSub.length; s++) bags.push(weightedBag(perSub[s].ids, perSub[s].counts, weightOf));
  return bags;
}

/** One submission's values as interned ids (new ones numbered in order of first appearance), ascending, with their counts. */
function internedBag(vs: readonly number[], idOf: Map<number, number>, scratch: { sorted: Int32Array }): { ids: Int32Array; counts: Int32Array } {
  if (scratch.sorted.length < vs.length) scratch.sorted = new Int32Array(2 * vs.length);
  const sorted = scratch.sorted.subarray(0, vs.length);
  for (let x = 0; x < vs.length; x++) {
    const v = vs[x];
    let id = idOf.get(v);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(v, id);
    }
    sorted[x] = id;
  }
  sorted.sort();
  let distinct = 0;
  for (let x = 0; x < sorted.length; x++) if (x === 0 || sorted[x] !== sorted[x - 1]) distinct++;
  const ids = new Int32Array(distinct), counts = new Int32Array(distinct);
  for (let x = 0, d = -1; x < sorted.length; x++) {
    if (x === 0 || sorted[x] !== sorted[x - 1]) ids[++d] = sorted[x];
    counts[d]++;
  }
  return { ids, counts };
}

/** A bag of interned ids and counts, each count times its id's weight; ids weighing less than 0 are left out. */
function weightedBag(ids: Int32Array, counts: Int32Array, weightOf: Float64Array): LiteralBag {
  let kept = 0;
  for (let x = 0; x < ids.length; x++) if (weightOf[ids[x]] >= 0) kept++;
  const outIds = new Int32Array(kept), outCounts = new Float64Array(kept);
  let size = 0;
  for (let x = 0, y = 0; x < ids.length; x++) {
    const w = weightOf[ids[x]];
    if (w < 0) continue;
    outIds[y] = ids[x];
    outCounts[y] = counts[x] * w;
    size += outCounts[y++];
  }
  return { ids: outIds, counts: outCounts, size };
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
  const count = (_: number, id: number) => df.set(id, (df.get(id) ?? 0) + 1);
  for (const m of bags) m.forEach(count);
  return (id) => rarityWeight(n, df.get(id) ?? 1, prior);
}

/** The weight of a value held by `df` of `n` submissions (n ≥ 2): see `literalWeights`. */
function rarityWeight(n: number, df: number, prior: number): number {
  const a = n / (n + prior);
  return 1 - a + (a * Math.log(n / df)) / Math.log(n);
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

/** The most literal values `sharedValues` lists for a pair. */
export const SHARED_VALUES_SHOWN = 10;

/**
 * The values two bags share, the weightiest first (the smaller of the two weighted counts, ties
 * by id): what the literal channel found in common. `values` names the ids (`LiteralTable.values`).
 */
export function sharedValues(a: LiteralBag, b: LiteralBag, values: readonly string[], limit = SHARED_VALUES_SHOWN): string[] {
  const shared: { id: number; weight: number }[] = [];
  let i = 0, j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] < b.ids[j]) i++;
    else if (a.ids[i] > b.ids[j]) j++;
    else {
      shared.push({ id: a.ids[i], weight: Math.min(a.counts[i], b.counts[j]) });
      i++;
      j++;
    }
  }
  shared.sort((x, y) => y.weight - x.weight || x.id - y.id);
  return shared.slice(0, limit).map((s) => values[s.id]);
}

/**
 * `literalDice` of one left bag against every later bag of a class at once, from posting lists:
 * for each value of the left bag, the later submissions holding it add their shared count to
 * their row total. The work grows with the values pairs share, not with every pair (most pairs
 * of a class share few values or none), and each pair's sum is taken over the same values in the
 * same (ascending id) order as `literalDice`'s merge, so the figures are identical.
 */
export class LiteralIndex {
  /** Posting lists by value id: the submissions holding it (ascending) and their weighted counts. */
  private readonly start: Int32Array;
  private readonly sub: Int32Array;
  private readonly count: Float64Array;
  /** For submission i, where i itself sits in each of its values' posting lists (parallel to its bag's ids). */
  private readonly self: Int32Array[];
  /** Shared weighted count of the current row with each submission (0 when nothing is shared). */
  readonly common: Float64Array;
  /** Every bag's size (its weighted counts summed). */
  readonly sizes: Float64Array;
  /** Submissions with a shared value in the current row, in the order found; `touchedCount` of them. */
  readonly touched: Int32Array;
  touchedCount = 0;

  constructor(private readonly bags: readonly LiteralBag[]) {
    // Built once per comparison, so it runs mostly before V8 optimises it: every loop reads
    // locals (a property read costs the interpreter as much as the rest of the loop body).
    let top = -1, total = 0;
    for (let b = 0; b < bags.length; b++) {
      const ids = bags[b].ids;
      total += ids.length;
      if (ids.length && ids[ids.length - 1] > top) top = ids[ids.length - 1];
    }
    const start = new Int32Array(top + 2);
    for (let b = 0; b < bags.length; b++) {
      const ids = bags[b].ids;
      for (let x = 0; x < ids.length; x++) start[ids[x] + 1]++;
    }
    for (let v = 0; v <= top; v++) start[v + 1] += start[v];
    const fill = start.slice(0, top + 1);
    const sub = new Int32Array(total), count = new Float64Array(total);
    const self: Int32Array[] = [];
    const sizes = new Float64Array(bags.length);
    for (let b = 0; b < bags.length; b++) {
      self.push(post(bags[b], b, fill, sub, count));
      sizes[b] = bags[b].size;
    }
    this.start = start;
    this.sub = sub;
    this.count = count;
    this.self = self;
    this.common = new Float64Array(bags.length);
    this.sizes = sizes;
    this.touched = new Int32Array(bags.length);
  }

  /**
   * `row` for callers that read `common` only at pairs they already know (no `touched` list): the
   * later part of `common` is cleared instead, one write per later submission, and the scan has no
   * branch (library names held by most of a class have long posting lists).
   */
  rowAll(i: number): void {
    const common = this.common;
    common.fill(0, i + 1);
    const bag = this.bags[i], self = this.self[i], start = this.start, sub = this.sub, count = this.count;
    for (let x = 0; x < bag.ids.length; x++) {
      const c = bag.counts[x];
      const end = start[bag.ids[x] + 1];
      for (let k = self[x] + 1; k < end; k++) {
        const v = count[k];
        common[sub[k]] += c < v ? c : v;
      }
    }
  }

  /** Fills `common` for row i: the shared weighted count with every later submission. */
  row(i: number): void {
    const common = this.common, touched = this.touched;
    for (let t = 0; t < this.touchedCount; t++) common[touched[t]] = 0;
    let n = 0;
    const bag = this.bags[i], self = this.self[i], start = this.start, sub = this.sub, count = this.count;
    for (let x = 0; x < bag.ids.length; x++) {
      const c = bag.counts[x];
      const end = start[bag.ids[x] + 1];
      for (let k = self[x] + 1; k < end; k++) {
        const j = sub[k];
        if (common[j] === 0) touched[n++] = j;
        common[j] += Math.min(c, count[k]);
      }
    }
    this.touchedCount = n;
  }

  /** Dice coefficient of the current row's submission i and j > i (NaN when both bags are empty). */
  dice(i: number, j: number): number {
    const size = this.bags[i].size + this.bags[j].size;
    return size === 0 ? NaN : (2 * this.common[j]) / size;
  }
}

/** Enters bag b's values into the posting lists (at `fill`, advanced); returns where each sits. */
function post(bag: LiteralBag, b: number, fill: Int32Array, sub: Int32Array, count: Float64Array): Int32Array {
  const ids = bag.ids, counts = bag.counts;
  const at = new Int32Array(ids.length);
  for (let x = 0; x < ids.length; x++) {
    const k = fill[ids[x]]++;
    sub[k] = b;
    count[k] = counts[x];
    at[x] = k;
  }
  return at;
}
