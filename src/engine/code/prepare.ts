/**
 * A submission made ready for comparison: its files' normalised token streams concatenated, with
 * the file and line of every token, the hash of every k-gram that stays inside one file, and its
 * literal values. Depends on nothing but the submission, so each is prepared as soon as it is
 * tokenised and its token objects are dropped.
 */
import { winnow } from '../text/winnow.js';
import { kgramHashes, kindNumber } from './kgrams.js';
import { normaliseStatementOrder } from './normalise.js';
import type { CodeSubmission } from './types.js';

export interface PreparedSubmission {
  id: string;
  paths: string[];
  /** File index and source line of every normalised token. */
  fileOf: Int32Array;
  lines: Int32Array;
  /**
   * Every k-gram inside one file: its first token and hash, in stream order, per file, and the
   * k-grams winnowing selects (indices into hash).
   */
  kgramFiles: { pos: Int32Array; hash: Uint32Array; picks: Int32Array }[];
  /** Distinct k-gram hashes, ascending. */
  distinct: Uint32Array;
  /** The values of its literals, in stream order (see literals.ts). */
  literals: string[];
  /** Surface-mark counts, when the tokeniser gave them (CodeSubmission.surface). */
  surface?: Float64Array;
}

export function prepareSubmission(sub: CodeSubmission, k: number, w: number, canonicalOrder: boolean): PreparedSubmission {
  let count = 0;
  for (const file of sub.files) count += file.tokens.length;
  const fileOf = new Int32Array(count);
  const lines = new Int32Array(count);
  const literals: string[] = [];
  const kgramFiles: PreparedSubmission['kgramFiles'] = [];
  let offset = 0;
  // A plain loop, not forEach: no callback for V8 to optimise on its own while the first
  // submissions run in slower code.
  for (let f = 0; f < sub.files.length; f++) {
    const file = sub.files[f];
    const raw = file.tokens;
    for (let i = 0; i < raw.length; i++) {
      const value = raw[i].value;
      if (value !== undefined) literals.push(value);
    }
    const tokens = normaliseStatementOrder(file.tokens, canonicalOrder);
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      ids[i] = kindNumber(tokens[i].kind);
      fileOf[offset + i] = f;
      lines[offset + i] = tokens[i].line;
    }
    const hash = kgramHashes(ids, k);
    const pos = new Int32Array(hash.length);
    for (let i = 0; i < hash.length; i++) pos[i] = offset + i;
    // winnow only reads length and indices, which a typed array has: no copy into an Array.
    kgramFiles.push({ pos, hash, picks: Int32Array.from(winnow(hash as unknown as number[], w)) });
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
    fileOf: fileOf.slice(0, offset),
    lines: lines.slice(0, offset),
    kgramFiles,
    distinct: sorted.slice(0, m),
    literals,
    surface: sub.surface,
  };
}

/** Distinct k-gram hashes of a prepared submission, ascending. */
export function distinctHashes(p: PreparedSubmission): Uint32Array {
  return p.distinct;
}
