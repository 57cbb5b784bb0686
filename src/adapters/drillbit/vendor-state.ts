/**
 * What the DrillBit adapter keeps in vendor records (kind → data). Folder ids and paper ids are
 * Origo's internal assignment and document ids; these records hold DrillBit-only state and mark
 * papers that came in through this API (only those get the PUT callback).
 */
import type { Phrases } from './wire-types.js';

export const FOLDER = 'folder';
export const PAPER = 'paper';

export interface FolderState {
  exclude_small_sources: boolean;
  exclude_threshold: number;
  exclude_phrases: boolean;
  phrases: Phrases | null;
  grammar_check: boolean;
  db_studentpaper: boolean;
  db_publications: boolean;
  db_internet: boolean;
  institution_repository: boolean;
  email_notifications: boolean;
  end_date: string | null;
}

export interface PaperState {
  /** Report key, fixed at upload; shown only once the analysis is done. */
  d_key: string;
  folder_id: number | null;
  author: string;
  mail_id: string;
  doc_type: string;
  language: string;
  guide_name: string;
  guide_email: string;
  plagiarism_check: boolean;
  grammar_check: boolean;
  /** Which client family uploaded it: its links point back into that family. */
  via: 'classroom' | 'moodle' | 'legacy';
  /** Base URL (scheme, host, prefix) the paper was uploaded through, for links in callbacks. */
  base_url: string;
}
