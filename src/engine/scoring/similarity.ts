import type { Passage, PreparedText } from '../text/types.js';
import { wordCoverage } from './coverage.js';

export interface SourcePassages<S> {
  source: S;
  passages: Passage[];
}

export interface SourceScore<S> {
  source: S;
  /** Share of the submission covered by this source's passages, 0..1. */
  similarity: number;
  passages: Passage[];
}

export interface SubmissionScore<S> {
  /** Share of the submission's word characters covered by any passage, 0..1. */
  similarity: number;
  sources: SourceScore<S>[];
}

/** Overall and per-source similarity of a submission from the passages found against each source. */
export function scoreSubmission<S>(submission: PreparedText, found: readonly SourcePassages<S>[]): SubmissionScore<S> {
  const toRange = (p: Passage) => ({ start: p.offset, end: p.offset + p.length });
  const sources = found
    .filter((f) => f.passages.length > 0)
    .map((f) => ({ source: f.source, passages: f.passages, similarity: wordCoverage(submission.words, f.passages.map(toRange)) }))
    .sort((a, b) => b.similarity - a.similarity);
  const all = sources.flatMap((s) => s.passages.map(toRange));
  return { similarity: wordCoverage(submission.words, all), sources };
}
