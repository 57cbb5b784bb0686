/**
 * PAN's character-level measures for text alignment (Potthast, Stein, Barrón-Cedeño, Rosso,
 * "An Evaluation Framework for Plagiarism Detection", COLING 2010), as the PAN 2013 evaluator
 * computes them: a case and a detection overlap when they concern the same document pair and
 * share characters on both sides; macro recall averages, over the cases, the share of a case's
 * characters (suspicious plus source side) covered by the detections overlapping it; macro
 * precision does the same with the roles swapped; granularity is the mean number of detections
 * per detected case; plagdet = F1 / log2(1 + granularity).
 */
export interface Annotation {
  /** Suspicious document name. */
  doc: string;
  offset: number;
  length: number;
  /** Source document name. */
  source: string;
  sourceOffset: number;
  sourceLength: number;
}

export interface Measures {
  precision: number;
  recall: number;
  granularity: number;
  plagdet: number;
  cases: number;
  detections: number;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

function overlaps(a: Annotation, b: Annotation): boolean {
  return a.doc === b.doc && a.source === b.source
    && overlap(a.offset, a.offset + a.length, b.offset, b.offset + b.length) > 0
    && overlap(a.sourceOffset, a.sourceOffset + a.sourceLength, b.sourceOffset, b.sourceOffset + b.sourceLength) > 0;
}

/** Characters of [from, to) covered by the union of `ranges`. */
export function coveredChars(from: number, to: number, ranges: readonly [number, number][]): number {
  const clipped = ranges
    .map(([x, y]) => [Math.max(x, from), Math.min(y, to)] as [number, number])
    .filter(([x, y]) => y > x)
    .sort((p, q) => p[0] - q[0]);
  let total = 0;
  let end = -Infinity;
  for (const [x, y] of clipped) {
    if (y <= end) continue;
    total += y - Math.max(x, end);
    end = y;
  }
  return total;
}

function coverage(a: Annotation, others: readonly Annotation[]): number {
  const hits = others.filter((o) => overlaps(a, o));
  if (hits.length === 0) return 0;
  const s = coveredChars(a.offset, a.offset + a.length, hits.map((o) => [o.offset, o.offset + o.length]));
  const r = coveredChars(a.sourceOffset, a.sourceOffset + a.sourceLength, hits.map((o) => [o.sourceOffset, o.sourceOffset + o.sourceLength]));
  return (s + r) / (a.length + a.sourceLength);
}

function distinct(xs: readonly Annotation[]): Annotation[] {
  const key = (a: Annotation) => `${a.doc}|${a.offset}|${a.length}|${a.source}|${a.sourceOffset}|${a.sourceLength}`;
  return [...new Map(xs.map((a) => [key(a), a])).values()];
}

function byDoc(xs: readonly Annotation[]): Map<string, Annotation[]> {
  const m = new Map<string, Annotation[]>();
  for (const x of xs) {
    const list = m.get(x.doc);
    if (list) list.push(x); else m.set(x.doc, [x]);
  }
  return m;
}

/** The measures of detections `detected` against the true cases `cases`. */
export function panMeasures(cases: readonly Annotation[], detected: readonly Annotation[]): Measures {
  const S = distinct(cases);
  const R = distinct(detected);
  const Sd = byDoc(S);
  const Rd = byDoc(R);
  let recall: number;
  let precision: number;
  if (S.length === 0 && R.length === 0) recall = precision = 1;
  else if (S.length === 0 || R.length === 0) recall = precision = 0;
  else {
    recall = S.reduce((t, s) => t + coverage(s, Rd.get(s.doc) ?? []), 0) / S.length;
    precision = R.reduce((t, r) => t + coverage(r, Sd.get(r.doc) ?? []), 0) / R.length;
  }
  let detectedCases = 0;
  let detections = 0;
  for (const s of S) {
    const n = (Rd.get(s.doc) ?? []).filter((r) => overlaps(s, r)).length;
    if (n > 0) { detectedCases++; detections += n; }
  }
  const granularity = detectedCases ? detections / detectedCases : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, granularity, plagdet: f1 / Math.log2(1 + granularity), cases: S.length, detections: R.length };
}
