/** Types of the AI-generated-text detector (see docs/ai-detection.md). */
import type { FeatureSpec } from './features.js';

/** One stretch of 100 to 300 words, cut along sentence boundaries. */
export interface AiSegment {
  /** Character range in the text as given. */
  offset: number;
  length: number;
  /** Whitespace-separated words in the range. */
  words: number;
  /** Probability that the segment is machine-written, judged on the segment alone. */
  probability: number;
  /** probability >= the detector's threshold. */
  ai: boolean;
}

export type AiVerdict =
  | {
      status: 'ok';
      /** Which detector answered, e.g. "builtin-linear-v1". */
      detector: string;
      /** Document-level probability that the text is machine-written, 0..1. */
      score: number;
      /** The shipped threshold: the document is flagged when score >= threshold. */
      threshold: number;
      /** score >= threshold. */
      flagged: boolean;
      /** Share of the words that lie in segments judged machine-written, 0..1. */
      aiShare: number;
      words: number;
      segments: AiSegment[];
    }
  | { status: 'too_short'; words: number; minWords: number }
  | { status: 'unsupported_language'; language: string };

/** The built-in detector's model: plain data, read from models/ai-builtin.json by src/ai-models. */
export interface BuiltinAiModel {
  format: 'origo-ai-linear';
  version: 1;
  /** ISO 639-1 codes of the languages it was trained on. */
  languages: string[];
  features: FeatureSpec;
  /** Documents are flagged at score >= threshold (chosen on DEV data, see the training script). */
  threshold: number;
  bias: number;
  /** One weight per feature (featureLength(features)); standardisation folded in. */
  weights: number[];
  /** How the model was made: free-form provenance, never read by the engine. */
  provenance?: Record<string, unknown>;
}

export interface AiOptions {
  /** ISO 639-1 language from extraction; "und" or absent lets the detector check for itself. */
  language?: string;
  /**
   * Fewest whitespace-separated words judged (default AI_MIN_WORDS = 150). Lower only to study
   * the detector on short texts; the service keeps the default.
   */
  minWords?: number;
}
