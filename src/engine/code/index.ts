/**
 * The engine's code facade: the part of `engine/index.ts` that source-code comparison needs,
 * importable on its own so that a code-only run (`origo compare`, Codequiry checks) does not load
 * the text engine's stop-word lists, stemmers and AI models (~90 ms of start-up).
 */
export type {
  CodeToken,
  TokenizedCodeFile,
  CodeSubmission,
  CodeCompareOptions,
  CodeFragment,
  CodePair,
  CodeComparison,
} from './types.js';
export { MOVABLE_OPEN, FIXED_OPEN, STATEMENT_CLOSE, isMarker } from './types.js';
export { compareTokenizedSubmissions, codePairs, codePairAt, coverage, CODE_DEFAULTS } from './compare.js';
export { pairIndex } from './fingerprint-index.js';
export { contentOrder } from './canonical-order.js';
export { normaliseStatementOrder } from './normalise.js';
export { planCodeComparison, planPrepared, prepareForComparison, matchPlan, comparisonOf, type CodeComparisonPlan, type PairMatches } from './compare.js';
export type { PreparedSubmission } from './prepare.js';
