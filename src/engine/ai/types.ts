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
  /**
   * Highlighted as one of the segments that drove the verdict: only when the document is flagged
   * or inconclusive, the segments whose own score reaches the inconclusive threshold (or, if none
   * does, the highest-scoring one). Always false when the document is not flagged.
   */
  ai: boolean;
}

/**
 * What a teacher sees. "flagged": the score reaches the flag threshold, set so that (almost) no
 * human-written text of any genre we measured reaches it. "inconclusive": between the two
 * thresholds, where human and machine-written texts both occur. "not_flagged": below the
 * inconclusive threshold. Never a percentage of the text "written by AI".
 */
export type AiVerdictLevel = 'flagged' | 'inconclusive' | 'not_flagged';

export type AiVerdict =
  | {
      status: 'ok';
      /** Which detector answered, e.g. "builtin-linear-v1". */
      detector: string;
      /** Document-level probability that the text is machine-written, 0..1. */
      score: number;
      /** The flag threshold: the document is flagged when score >= threshold. */
      threshold: number;
      /** Scores from here up to the flag threshold are inconclusive. */
      inconclusiveThreshold: number;
      /** flagged | inconclusive | not_flagged (see AiVerdictLevel). */
      verdict: AiVerdictLevel;
      /** verdict === 'flagged'. */
      flagged: boolean;
      /** Share of the words in the highlighted segments (`ai: true`), 0..1; 0 when not flagged. */
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
  /** Documents are flagged at score >= threshold (calibrated on human corpora, see the training script). */
  threshold: number;
  /**
   * Scores in [inconclusiveThreshold, threshold) are inconclusive; below, not flagged. Absent in
   * older model files: then there is no inconclusive zone.
   */
  inconclusiveThreshold?: number;
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
