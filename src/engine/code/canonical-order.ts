/**
 * The order a class is matched in: by content, not by the order its submissions were given in.
 *
 * Matching one pair is not symmetric. Seeds are the right side's winnowed fingerprints, looked up
 * among all the left side's k-grams; tiles are laid longest first and merged in left-stream
 * order. Where exclusions cut runs short, the two orientations of a pair can find different
 * tiles. Which side a submission took followed its place in the input, which in the service is
 * the upload order: one conplag pair scored 0.09 or 0.15 depending on it, and one pair in seven
 * moved. The class sample of `classStructure` and the numbering of literal values (the order of a
 * pair's floating-point sums) followed the input order too; both follow the plan's order now.
 *
 * So the engine matches a class sorted by a hash of everything a submission is scored by (its
 * k-gram stream, literal values, library names and surface marks), and hands the results back in
 * the input order, each pair's fragments seen from its input left side. Submissions that hash
 * alike are alike in everything the score reads; the id only orders those.
 */
import { pairIndex } from './fingerprint-index.js';
import type { PreparedSubmission } from './prepare.js';
import type { CodeFragment } from './types.js';

/** Two 32-bit hashes of everything a prepared submission is scored by (FNV-1a and a Murmur-style mix, side by side). */
function contentKey(p: PreparedSubmission): [number, number] {
  // Written out with locals, not through a helper: a closure over the two hashes kept them in a
  // context object, and this runs over every k-gram of the class.
  let h1 = 0x811c9dc5 ^ p.fileOf.length, h2 = Math.imul(0x2545f491 ^ p.fileOf.length, 0x5bd1e995);
  for (const f of p.kgramFiles) {
    const hash = f.hash;
    h1 = Math.imul(h1 ^ hash.length, 0x01000193);
    for (let i = 0; i < hash.length; i++) {
      const x = hash[i];
      h1 = Math.imul(h1 ^ x, 0x01000193);
      h2 = Math.imul(h2 ^ x, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
  }
  h1 = Math.imul(h1 ^ p.literals.length, 0x01000193);
  for (const v of p.literals) {
    h1 = Math.imul(h1 ^ v.length, 0x01000193);
    for (let i = 0; i < v.length; i++) {
      const x = v.charCodeAt(i);
      h1 = Math.imul(h1 ^ x, 0x01000193);
      h2 = Math.imul(h2 ^ x, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
  }
  h1 = Math.imul(h1 ^ p.names.length, 0x01000193);
  for (const x of p.names) {
    h1 = Math.imul(h1 ^ x, 0x01000193);
    h2 = Math.imul(h2 ^ x, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  if (p.surface) {
    for (let i = 0; i < p.surface.length; i++) {
      h1 = Math.imul(h1 ^ p.surface[i], 0x01000193);
      h2 = Math.imul(h2 ^ p.surface[i], 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
  }
  return [h1 >>> 0, h2 >>> 0];
}

/**
 * The input index of each submission in content order, or null when the input already is in it.
 */
export function canonicalOrder(prepared: readonly PreparedSubmission[]): Int32Array | null {
  const keys = prepared.map(contentKey);
  const order = Int32Array.from(prepared, (_, i) => i);
  order.sort((a, b) => keys[a][0] - keys[b][0] || keys[a][1] - keys[b][1] || (prepared[a].id < prepared[b].id ? -1 : prepared[a].id > prepared[b].id ? 1 : a - b));
  return order.every((x, i) => x === i) ? null : order;
}

/**
 * Where the pairs of a class matched in content order go in the input order's pair columns:
 * pair (i, j) of the matched order (i < j) sits at `rowBase[a] + b` for its input indices a < b.
 */
export class InputPairs {
  /** Input index of each submission of the matched order (identity when `inputOf` was null). */
  readonly inputOf: Int32Array;
  private readonly rowBase: Int32Array;

  constructor(n: number, inputOf: Int32Array | null) {
    this.inputOf = inputOf ?? Int32Array.from({ length: n }, (_, i) => i);
    this.rowBase = new Int32Array(n);
    for (let i = 0; i < n; i++) this.rowBase[i] = pairIndex(i, i + 1, n) - (i + 1);
  }

  /** The input order's index of pair (i, j), i < j in the matched order. */
  at(i: number, j: number): number {
    const a = this.inputOf[i], b = this.inputOf[j];
    return a < b ? this.rowBase[a] + b : this.rowBase[b] + a;
  }

  /** Whether the input order has pair (i, j) the other way round (j's submission on the left). */
  swapped(i: number, j: number): boolean {
    return this.inputOf[i] > this.inputOf[j];
  }
}

/**
 * A pair's fragments seen from the other side: sides swapped, in the order of the new left
 * side's files (`leftPaths`) and lines.
 */
export function flippedFragments(fragments: readonly CodeFragment[], leftPaths: readonly string[]): CodeFragment[] {
  const file = (path: string) => leftPaths.indexOf(path);
  return fragments
    .map((f) => ({ leftFile: f.rightFile, leftStartLine: f.rightStartLine, leftEndLine: f.rightEndLine, rightFile: f.leftFile, rightStartLine: f.leftStartLine, rightEndLine: f.leftEndLine, tokens: f.tokens }))
    .sort((x, y) => file(x.leftFile) - file(y.leftFile) || x.leftStartLine - y.leftStartLine || x.rightStartLine - y.rightStartLine);
}

/**
 * The order the engine matches these submissions in, as input indices. Callers that read a
 * plan's per-submission tables beside their own per-submission data (the experiment benches) put
 * their submissions in this order first; the plan's order then is theirs.
 */
export function contentOrder(prepared: readonly PreparedSubmission[]): Int32Array {
  return canonicalOrder(prepared) ?? Int32Array.from(prepared, (_, i) => i);
}
