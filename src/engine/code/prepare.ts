/**
 * A submission made ready for comparison: its files' normalised token streams concatenated, with
 * the file and line of every token, the hash of every k-gram that stays inside one file, and its
 * literal values. Depends on nothing but the submission, so each is prepared as soon as it is
 * tokenised and its token objects are dropped.
 */
import { winnow } from '../text/winnow.js';
import { kgramHashes, kindNumber } from './kgrams.js';
import { normaliseStatementOrder } from './normalise.js';
import type { CodeSubmission, CodeToken } from './types.js';

export interface PreparedSubmission {
  id: string;
  paths: string[];
  /** File index and source line of every normalised token. */
  fileOf: Int32Array;
  lines: Int32Array;
  /**
   * Every k-gram inside one file, per file: the file's first token in the stream (k-gram i starts
   * at token offset + i), the k-grams' hashes in stream order, and the k-grams winnowing selects
   * (indices into hash).
   */
  kgramFiles: { offset: number; hash: Uint32Array; picks: Int32Array }[];
  /** Distinct k-gram hashes, ascending. */
  distinct: Uint32Array;
  /** The values of its literals, in stream order (see literals.ts). */
  literals: string[];
  /** Surface-mark counts, when the tokeniser gave them (CodeSubmission.surface). */
  surface?: Float64Array;
  /** Library names (hashes), when the tokeniser gave them (CodeSubmission.names). */
  names: readonly number[];
}

/** Kind numbers of the file being prepared (reused from file to file). */
let scratchIds = new Int32Array(1024);

export function prepareSubmission(sub: CodeSubmission, k: number, w: number, canonicalOrder: boolean): PreparedSubmission {
  const literals: string[] = [];
  const normalised: CodeToken[][] = [];
  let count = 0;
  // Plain loops, not forEach: no callback for V8 to optimise on its own while the first
  // submissions run in slower code.
  for (let f = 0; f < sub.files.length; f++) {
    const raw = sub.files[f].tokens;
    for (let i = 0; i < raw.length; i++) {
      const value = raw[i].value;
      if (value !== undefined) literals.push(value);
    }
    const tokens = normaliseStatementOrder(raw, canonicalOrder);
    normalised.push(tokens);
    count += tokens.length;
  }
  const fileOf = new Int32Array(count);
  const lines = new Int32Array(count);
  const kgramFiles: PreparedSubmission['kgramFiles'] = [];
  let offset = 0;
  for (let f = 0; f < normalised.length; f++) {
    const tokens = normalised[f];
    if (scratchIds.length < tokens.length) scratchIds = new Int32Array(2 * tokens.length);
    const ids = scratchIds.subarray(0, tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      ids[i] = kindNumber(tokens[i].kind);
      fileOf[offset + i] = f;
      lines[offset + i] = tokens[i].line;
    }
    const hash = kgramHashes(ids, k);
    // winnow only reads length and indices, which a typed array has: no copy into an Array.
    kgramFiles.push({ offset, hash, picks: Int32Array.from(winnow(hash as unknown as number[], w)) });
    offset += tokens.length;
  }
  let all = 0;
  for (const f of kgramFiles) all += f.hash.length;
  const sorted = new Uint32Array(all);
  all = 0;
  for (const f of kgramFiles) {
    sorted.set(f.hash, all);
    all += f.hash.length;
  }
  sorted.sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[m++] = sorted[i];
  return {
    id: sub.id,
    paths: sub.files.map((f) => f.path),
    fileOf,
    lines,
    kgramFiles,
    distinct: m === sorted.length ? sorted : sorted.slice(0, m),
    literals,
    surface: sub.surface,
    names: sub.names ?? [],
  };
}

/** Distinct k-gram hashes of a prepared submission, ascending. */
export function distinctHashes(p: PreparedSubmission): Uint32Array {
  return p.distinct;
}
