import type { Passage } from '../engine/index.js';
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
  sources: StoredSource[];
  settings: AssignmentSettings;
  scopes: { peers: boolean; repository: boolean };
  candidates_considered: number;
  /** Why this version exists: the first check, a peer's later upload, an instructor's edit, ... */
  reason: string;
  /** Sources and passages an instructor excluded in the viewer (reason "edit"); kept to show and restore them. */
  excluded?: { sources: StoredSource[]; passages: { source_id: string; title?: string; scope?: 'peer' | 'repository'; passage: Passage }[] };
  /** AI-generated-text score (0..1) when a model scored the document; absent otherwise. */
  ai?: { score: number; model?: string } | null;
}
