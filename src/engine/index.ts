/**
 * The engine facade. The engine is pure: it imports nothing from Node, the file system, HTTP,
 * SQL, the clock or randomness (scripts/check-layers.mjs enforces it). Everything outside the
 * engine uses it through this file.
 */
export type { Word, Sentence, HiddenCharacter, PreparedText, Passage, AlignOptions, PrepareOptions, NormalisedText, Stemmer } from './text/index.js';
export {
  prepareText,
  normaliseText,
  foldWord,
  detectLanguage,
  SUPPORTED_LANGUAGES,
  loadStemmers,
  needsSnowball,
  stemmerFor,
  textFingerprints,
  retrievalHashes,
  RETRIEVAL_K,
  RETRIEVAL_W,
  alignTexts,
  winnow,
} from './text/index.js';
export { scoreSubmission } from './scoring/similarity.js';
export type { SourcePassages, SourceScore, SubmissionScore, ScoreOptions } from './scoring/similarity.js';
export { findQuotes, findBlockQuotes, findReferences, findPhrases, findTemplateText, MAX_EXCLUDED_PHRASES } from './scoring/exclusions.js';
export type { Exclusion, ExclusionReason } from './scoring/exclusions.js';
export { FACTOR1_WORDS, FACTOR2_WORDS } from './scoring/factors.js';
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
} from './code/index.js';
export { MOVABLE_OPEN, FIXED_OPEN, STATEMENT_CLOSE, isMarker, compareTokenizedSubmissions, codePairs, CODE_DEFAULTS, pairIndex, normaliseStatementOrder } from './code/index.js';
export type { AiSegment, AiVerdict, AiOptions, BuiltinAiModel } from './ai/types.js';
export type { FeatureSpec as AiFeatureSpec } from './ai/features.js';
export { featureLength as aiFeatureLength } from './ai/features.js';
export { detectAiText, assembleAiVerdict, aiDocumentFeatures, checkBuiltinModel, BUILTIN_DETECTOR } from './ai/detect.js';
export { planAiSegments, AI_MIN_WORDS } from './ai/segments.js';
export type { AiPlan, PlannedSegment } from './ai/segments.js';
export { trainLogistic, predict as predictLinear, sigmoid } from './ai/linear-model.js';
export type { LinearModel, TrainOptions } from './ai/linear-model.js';
export { fastDetectCurvature, binocularsScore } from './ai/lm-statistics.js';
export type { LogitRows } from './ai/lm-statistics.js';
