/** DrillBit's wire shapes (what its clients send and read). Field names are DrillBit's own. */
import type { YesNo } from './wire-format.js';

export interface LoginReply {
  token: string;
  role: string;
  username: string;
  name: string;
  in_flag: boolean;
  ai_flag: boolean;
  mfa: boolean;
  id: number;
  con_type: string | null;
}

export interface Link {
  rel: string;
  href: string;
}

/** Up to 15 excluded phrases, `p1`…`p15`. */
export type Phrases = Record<string, string>;

export interface FolderWire {
  folder_id: number;
  folder_name: string;
  creation_date: string | null;
  end_date: string | null;
  excludeReferences: YesNo;
  excludeQuotes: YesNo;
  excludeSmallSources: YesNo;
  excludeIncludeSources: YesNo;
  grammarCheck: YesNo;
  excludePhrases: YesNo;
  phrases: Phrases | null;
  db_studentpaper: YesNo;
  db_publications: YesNo;
  db_internet: YesNo;
  institution_repository: YesNo;
  repository_scope: string;
  email_notifications: YesNo;
  no_of_submissions: number;
  exclude_threshold: number;
}

export interface PageWire {
  size: number;
  totalElements: number;
  totalPages: number;
  number: number;
}

/** One paper in a folder's submission list. */
export interface SubmissionListItem {
  paper_id: number;
  name: string;
  mail_id: string;
  title: string;
  date_up: string | null;
  percent: string;
  d_key: string;
  to_char: string;
  to_words: string;
  to_sens: string;
  to_pages: string;
  file_length: string;
  original_fn: string;
  doc_type: string;
  lang: string;
  lang1: string;
  grammar_url: string;
  ai: string;
  og_percent: string;
  status: string;
  links?: Link[];
}

/** GET /pro/folder/{f}/submission/{p}. */
export interface SubmissionDetail {
  paper_id: number;
  folder_id: number;
  folder_name: string;
  title: string;
  name: string;
  percent: string;
  total_char: string;
  total_words: string;
  total_pages: string;
  d_key: string;
  document_type: string;
  language: string;
  language1: string;
  original_file_name: string;
  ai: string;
  og_percent: string;
  ai_sup: number;
  exclude_references: YesNo;
  exclude_quotes: YesNo;
  small_sources: YesNo;
  date_up: string | null;
  status: string;
}

/** The PUT callback sent to the organisation's registered URL when a paper's analysis completes. */
export interface CallbackWire {
  paper_id: number;
  similarity: string;
  download_url: string;
  flag: 0 | 1;
}
