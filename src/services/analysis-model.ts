import type { Exclusion, Passage } from '../engine/index.js';
import type { AssignmentSettings } from './settings.js';

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
}
