/**
 * Statement-order normalisation (after Sağlam et al., "Obfuscation-Resilient Software
 * Plagiarism Detection with JPlag", ICSE 2024). A tokeniser marks every statement of a block as
 * movable (straight-line code: no control flow, no jumps, no calls, no nested statements) or
 * fixed. Within
 * each block, every maximal run of consecutive movable statements is put in one canonical order
 * (sorted by its token kinds), so reordering independent statements no longer changes the
 * stream. Fixed statements are barriers: control flow keeps its place. Markers are removed.
 *
 * The order is canonical for the run as a whole, not dependency-preserving: two programs that
 * differ only by the order of straight-line statements between the same control points get the
 * same stream.
 */
import { FIXED_OPEN, MOVABLE_OPEN, STATEMENT_CLOSE, type CodeToken } from './types.js';

/**
 * The movable statements of the current run: their tokens one after another in `flat`, statement
 * s holding flat[start[s] .. end[s]). Reused from run to run and call to call (no object per
 * statement: a class of 1,000 submissions has tens of thousands of them).
 */
const flat: CodeToken[] = [];
let start: number[] = [];
let end: number[] = [];
let order: number[] = [];

/**
 * Orders statements by their token kinds, kind by kind (a statement that is a prefix of another
 * comes first): the order of their kinds joined by spaces, without building those strings.
 */
function byKinds(a: number, b: number): number {
  const x = start[a], y = start[b];
  const lx = end[a] - x, ly = end[b] - y;
  const n = Math.min(lx, ly);
  for (let i = 0; i < n; i++) {
    const p = flat[x + i].kind, q = flat[y + i].kind;
    if (p !== q) return p < q ? -1 : 1;
  }
  return lx - ly;
}

/** Appends the run's statements to `out`, sorted when there are two or more (a stable sort), and empties the run. */
function flushRun(out: CodeToken[], statements: number): void {
  if (statements === 0) return;
  if (statements === 1) {
    for (let t = start[0]; t < end[0]; t++) out.push(flat[t]);
  } else {
    order.length = statements;
    for (let s = 0; s < statements; s++) order[s] = s;
    order.sort(byKinds);
    for (let o = 0; o < statements; o++) {
      const s = order[o];
      for (let t = start[s]; t < end[s]; t++) out.push(flat[t]);
    }
  }
  flat.length = 0;
}

export function normaliseStatementOrder(tokens: readonly CodeToken[], canonicalOrder = true): CodeToken[] {
  const out: CodeToken[] = [];
  const n = tokens.length;
  if (!canonicalOrder) {
    for (let i = 0; i < n; i++) {
      const k = tokens[i].kind;
      if (k !== MOVABLE_OPEN && k !== FIXED_OPEN && k !== STATEMENT_CLOSE) out.push(tokens[i]);
    }
    return out;
  }
  let statements = 0;
  let i = 0;
  while (i < n) {
    const t = tokens[i];
    if (t.kind === MOVABLE_OPEN) {
      if (statements === start.length) {
        start = start.concat(new Array<number>(statements + 16).fill(0));
        end = end.concat(new Array<number>(statements + 16).fill(0));
      }
      start[statements] = flat.length;
      i++;
      while (i < n && tokens[i].kind !== STATEMENT_CLOSE) {
        const k = tokens[i].kind;
        if (k !== MOVABLE_OPEN && k !== FIXED_OPEN) flat.push(tokens[i]);
        i++;
      }
      i++;
      end[statements++] = flat.length;
      continue;
    }
    // A fixed statement, a close marker or a plain token ends the current run.
    flushRun(out, statements);
    statements = 0;
    if (t.kind !== FIXED_OPEN && t.kind !== STATEMENT_CLOSE) out.push(t);
    i++;
  }
  flushRun(out, statements);
  return out;
}
