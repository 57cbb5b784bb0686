import type { AssignmentSettings } from './settings.js';

/** Per-document choices that vendor APIs and the native API can make at upload time. */
export interface DocumentOptions {
  /** Overrides of the assignment's settings for this document only. */
  settings?: Partial<AssignmentSettings>;
  /** Add the document to the organisation's default repository once checked. */
  to_repository?: boolean;
  /** Check against the organisation's repositories (all of them, or these ids). */
  check_repository?: boolean;
  /** Check against peers in the same assignment. */
  check_peers?: boolean;
  /** Index only (a reference document): extract and index, do not run a check. */
  index_only?: boolean;
  /** Do not start the check until asked (PlagScan's manual check, Codequiry's start). */
  hold?: boolean;
  /** Fail the document when its text has fewer words than this (Inspera's minLimit). */
  min_words?: number;
}

export function parseOptions(json: string): DocumentOptions {
  try {
    return JSON.parse(json) as DocumentOptions;
  } catch {
    return {};
  }
}
