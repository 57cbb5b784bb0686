/**
 * The engine facade. The engine is pure: it imports nothing from Node, the file system, HTTP,
 * SQL, the clock or randomness (scripts/check-layers.mjs enforces it). Everything outside the
 * engine uses it through this file.
 */
// The text and code parts of the facade, each also importable alone.
export * from './text/index.js';
export * from './code/index.js';
export { scoreSubmission } from './scoring/similarity.js';
export type { SourcePassages, SourceScore, SubmissionScore, ScoreOptions } from './scoring/similarity.js';
export { findQuotes, findBlockQuotes, findReferences, findPhrases, findTemplateText, findCommonText, MAX_EXCLUDED_PHRASES } from './scoring/exclusions.js';
export type { Exclusion, ExclusionReason } from './scoring/exclusions.js';
export { FACTOR1_WORDS, FACTOR2_WORDS, phraseRuns } from './scoring/factors.js';
export type { PhraseRun } from './scoring/factors.js';
export { unionRanges, wordCoverage } from './scoring/coverage.js';
export type { Range } from './scoring/coverage.js';
export type { AiSegment, AiVerdict, AiVerdictLevel, AiOptions, BuiltinAiModel } from './ai/types.js';
export type { FeatureSpec as AiFeatureSpec } from './ai/features.js';
export { featureLength as aiFeatureLength } from './ai/features.js';
export { detectAiText, assembleAiVerdict, aiDocumentFeatures, checkBuiltinModel, verdictLevel, BUILTIN_DETECTOR } from './ai/detect.js';
export type { AiThresholds } from './ai/detect.js';
export { planAiSegments, AI_MIN_WORDS } from './ai/segments.js';
export type { AiPlan, PlannedSegment } from './ai/segments.js';
export { trainLogistic, predict as predictLinear, sigmoid } from './ai/linear-model.js';
export type { LinearModel, TrainOptions } from './ai/linear-model.js';
export { fastDetectCurvature, binocularsScore } from './ai/lm-statistics.js';
export type { LogitRows } from './ai/lm-statistics.js';
