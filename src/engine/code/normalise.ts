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

interface Statement {
  tokens: CodeToken[];
}

/**
 * Orders statements by their token kinds, kind by kind (a statement that is a prefix of another
 * comes first): the order of their kinds joined by spaces, without building those strings.
 */
function byKinds(a: Statement, b: Statement): number {
  const x = a.tokens, y = b.tokens;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const p = x[i].kind, q = y[i].kind;
    if (p !== q) return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

export function normaliseStatementOrder(tokens: readonly CodeToken[], canonicalOrder = true): CodeToken[] {
  const out: CodeToken[] = [];
  if (!canonicalOrder) {
    for (const t of tokens) if (t.kind !== MOVABLE_OPEN && t.kind !== FIXED_OPEN && t.kind !== STATEMENT_CLOSE) out.push(t);
    return out;
  }
  let run: Statement[] = [];
  const flush = () => {
    if (run.length > 1) run.sort(byKinds);
    for (const s of run) for (const t of s.tokens) out.push(t);
    run = [];
  };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.kind === MOVABLE_OPEN) {
      const stmt: CodeToken[] = [];
      i++;
      while (i < tokens.length && tokens[i].kind !== STATEMENT_CLOSE) {
        const k = tokens[i].kind;
        if (k !== MOVABLE_OPEN && k !== FIXED_OPEN) stmt.push(tokens[i]);
        i++;
      }
      i++;
      run.push({ tokens: stmt });
      continue;
    }
    // A fixed statement, a close marker or a plain token ends the current run.
    flush();
    if (t.kind !== FIXED_OPEN && t.kind !== STATEMENT_CLOSE) out.push(t);
    i++;
  }
  flush();
  return out;
}
