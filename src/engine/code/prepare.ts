/**
 * A submission made ready for comparison: its files' normalised token streams concatenated, with
 * the file and line of every token, and the hash of every k-gram that stays inside one file.
 */
import { kgramHashes, type KindTable } from './kgrams.js';
import { normaliseStatementOrder } from './normalise.js';
import type { CodeSubmission } from './types.js';

export interface PreparedSubmission {
  id: string;
  paths: string[];
  /** File index and source line of every normalised token. */
  fileOf: Int32Array;
  lines: Int32Array;
  /** Every k-gram inside one file: its first token and hash, in stream order, per file. */
  kgramFiles: { pos: Int32Array; hash: Uint32Array }[];
}

export function prepareSubmission(sub: CodeSubmission, kinds: KindTable, k: number, canonicalOrder: boolean): PreparedSubmission {
  const fileOf: number[] = [];
  const lines: number[] = [];
  const kgramFiles: PreparedSubmission['kgramFiles'] = [];
  sub.files.forEach((file, f) => {
    const tokens = normaliseStatementOrder(file.tokens, canonicalOrder);
    const offset = fileOf.length;
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      ids[i] = kinds.id(tokens[i].kind);
      fileOf.push(f);
      lines.push(tokens[i].line);
    }
    const hash = kgramHashes(ids, k);
    const pos = new Int32Array(hash.length);
    for (let i = 0; i < hash.length; i++) pos[i] = offset + i;
    kgramFiles.push({ pos, hash });
  });
  return {
    id: sub.id,
    paths: sub.files.map((f) => f.path),
    fileOf: Int32Array.from(fileOf),
    lines: Int32Array.from(lines),
    kgramFiles,
  };
}

/** Distinct k-gram hashes of a prepared submission. */
export function distinctHashes(p: PreparedSubmission): Set<number> {
  const s = new Set<number>();
  for (const f of p.kgramFiles) for (const h of f.hash) s.add(h);
  return s;
}
