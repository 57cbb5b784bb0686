import type { Exclusion, Passage } from '../engine/index.js';
import type { AssignmentSettings } from './settings.js';
import type { CommonCodeSummary } from '../report/filters.js';

/** One source found for a submission, as stored with the analysis. */
export interface StoredSource {
  /** Internal id of the source document. */
  document_id: number;
  /** Its public id and title when the analysis ran (the source may be deleted later). */
  public_id: string;
  title: string;
  /** Where the source came from: a peer in the assignment or a repository. */
  scope: 'peer' | 'repository';
  /** Share of the submission covered by this source, 0..1. */
  similarity: number;
  passages: Passage[];
  /** Code sources: the matching fragments by file and lines on both sides. */
  code?: {
    fragments: { file: string; start_line: number; end_line: number; source_file: string; source_start_line: number; source_end_line: number; tokens: number }[];
    longest_fragment: number;
    shared_fingerprints: number;
    /** Literal values (strings, numbers) both hold, the weightiest first; absent in analyses stored before them. */
    shared_values?: string[];
  };
}

/** The AI-text score stored with an analysis, or why there is none. */
export type StoredAi =
  | {
      status: 'ok'; detector: string; score: number; threshold: number; flagged: boolean; ai_share: number; words: number;
      /** Absent in analyses stored before the three verdicts (then flagged or not, by `flagged`). */
      verdict?: 'flagged' | 'inconclusive' | 'not_flagged';
      inconclusive_threshold?: number;
      segments: { offset: number; length: number; words: number; probability: number; ai: boolean }[];
    }
  | { status: 'too_short'; words: number; min_words: number }
  | { status: 'unsupported_language'; language: string }
  | { status: 'disabled' }
  | { status: 'not_applicable' };

/**
 * Cross-language detection for a text (issue 21): `ok` with the share of the text covered by
 * passages translated from English sources (0..1); `not_applicable` for English (or unrecognised)
 * text; `unavailable` when no dictionary from the text's language is installed (similarity null,
 * and the reason says which package is missing).
 */
export interface StoredTranslation {
  status: 'ok' | 'not_applicable' | 'unavailable';
  /** Language of the text (ISO 639-1). */
  language: string;
  similarity: number | null;
  reason?: string;
}

/** What the analyse step stores for each version of a document's report. */
export interface StoredAnalysis {
  engine: 'text' | 'code';
  /** Share of the submission covered by matches after exclusions, 0..1. */
  similarity: number;
  /** Plagiat.pl coefficients: share of words in matched phrases of at least 5 / 25 words, 0..1. */
  factor1: number;
  factor2: number;
  /** Text left out of the score and why (quotes, references, phrases, template, short matches). */
  exclusions: Exclusion[];
  /** Language the text was compared in (ISO 639-1, or "und"). */
  language: string;
  sources: StoredSource[];
  settings: AssignmentSettings;
  scopes: { peers: boolean; repository: boolean };
  candidates_considered: number;
  /** Why this version exists: the first check, a peer's later upload, an instructor's edit, ... */
  reason: string;
  /** The AI-generated-text score, or why there is none. */
  ai?: StoredAi;
  /** Cross-language detection (absent in analyses stored before it, and for code). */
  translation?: StoredTranslation;
  /** Sources and passages an instructor excluded in the viewer (reason "edit"); kept to show and restore them. */
  excluded?: { sources: StoredSource[]; passages: { source_id: string; title?: string; scope?: 'peer' | 'repository'; passage: Passage }[] };
  /**
   * Code checks: what the run left out as starter or common code. `common` k-grams were
   * suppressed (each in at least `min_holders` of `submissions` submissions whose code is otherwise
   * mostly different); `common_kept` were as widespread but kept, because the submissions holding
   * them are mostly alike as a whole (copied from one source). `min_holders` 0: no automatic check.
   */
  common_code?: CommonCodeSummary;
}
