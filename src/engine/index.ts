/**
 * The engine facade. The engine is pure: it imports nothing from Node, the file system, HTTP,
 * SQL, the clock or randomness (scripts/check-layers.mjs enforces it). Everything outside the
 * engine uses it through this file.
 */
export type { Word, PreparedText, Passage, AlignOptions } from './text/types.js';
export { prepareText } from './text/prepare.js';
export { textFingerprints, RETRIEVAL_K, RETRIEVAL_W } from './text/fingerprint.js';
export { alignTexts } from './text/align.js';
export { winnow } from './text/winnow.js';
export { scoreSubmission } from './scoring/similarity.js';
export type { SourcePassages, SourceScore, SubmissionScore } from './scoring/similarity.js';
export { unionRanges, wordCoverage } from './scoring/coverage.js';
export type { Range } from './scoring/coverage.js';
export type {
  CodeToken,
  TokenizedCodeFile,
  CodeSubmission,
  CodeCompareOptions,
  CodeFragment,
  CodePair,
  CodeComparison,
} from './code/types.js';
export { MOVABLE_OPEN, FIXED_OPEN, STATEMENT_CLOSE, isMarker } from './code/types.js';
export { compareTokenizedSubmissions, codePairs, CODE_DEFAULTS } from './code/compare.js';
export { pairIndex } from './code/fingerprint-index.js';
export { normaliseStatementOrder } from './code/normalise.js';
