import type { DocumentRow } from '../../store/index.js';
import type { StoredAi } from '../../services/analysis-model.js';
import { flaggedShare } from '../../services/ai-verdict.js';
import type { Folder } from './folders.js';
import type { PaperState } from './vendor-state.js';
import type { Link, SubmissionDetail, SubmissionListItem } from './wire-types.js';
import { countText, fileLength, PENDING, percentText, wireDate, yesNo } from './wire-format.js';

/** The report key of a document: 20 characters of its random public id, upper case (DrillBit keys look alike). */
export function reportKeyOf(doc: DocumentRow): string {
  return doc.public_id.replace(/-/g, '').slice(0, 20).toUpperCase();
}

/**
 * A paper's figures: `--` until the analysis is done. `ai` is the whole-number share of the words
 * in the passages that drove a FLAGGED AI-text verdict; "0" for a text that is not flagged or
 * inconclusive (no evidence either way is no share to report); `--` when there is no AI verdict
 * (text too short, language not supported, detection off, code).
 */
export function paperFigures(doc: DocumentRow, ai?: StoredAi | null): { done: boolean; percent: string; d_key: string; ai: string; aiAvailable: boolean } {
  const done = doc.status === 'done' && doc.similarity !== null;
  const aiAvailable = done && ai?.status === 'ok';
  return {
    done,
    percent: done ? percentText(doc.similarity as number) : PENDING,
    d_key: done ? reportKeyOf(doc) : PENDING,
    ai: aiAvailable && ai?.status === 'ok' ? percentText(flaggedShare(ai)) : PENDING,
    aiAvailable,
  };
}

/** DrillBit-only facts of a paper; documents that did not come through DrillBit get neutral ones. */
export function paperFacts(doc: DocumentRow, rec: PaperState | undefined): Omit<PaperState, 'd_key' | 'base_url' | 'via'> {
  return {
    folder_id: rec?.folder_id ?? doc.assignment_id,
    author: rec?.author ?? doc.author ?? '',
    mail_id: rec?.mail_id ?? '',
    doc_type: rec?.doc_type ?? 'Assignment',
    language: rec?.language ?? '',
    guide_name: rec?.guide_name ?? '',
    guide_email: rec?.guide_email ?? '',
    plagiarism_check: rec?.plagiarism_check ?? true,
    grammar_check: rec?.grammar_check ?? false,
  };
}

const statusText = (doc: DocumentRow) => (doc.status === 'failed' ? 'failed' : 'active');

export function listItem(doc: DocumentRow, rec: PaperState | undefined, ai: StoredAi | null, links?: Link[]): SubmissionListItem {
  const f = paperFacts(doc, rec);
  const fig = paperFigures(doc, ai);
  return {
    paper_id: doc.id,
    name: f.author,
    mail_id: f.mail_id,
    title: doc.title,
    date_up: wireDate(doc.created_at),
    percent: fig.percent,
    d_key: fig.d_key,
    to_char: countText(doc.char_count),
    to_words: countText(doc.word_count),
    // Sentence counts are not computed.
    to_sens: PENDING,
    to_pages: countText(doc.page_count),
    file_length: fileLength(doc.size),
    original_fn: doc.filename ?? doc.title,
    doc_type: f.doc_type,
    lang: f.language || doc.language || '',
    lang1: '',
    grammar_url: 'NA',
    ai: fig.ai,
    // The score before exclusions is not kept.
    og_percent: PENDING,
    status: statusText(doc),
    ...(links ? { links } : {}),
  };
}

export function detail(doc: DocumentRow, rec: PaperState | undefined, ai: StoredAi | null, folder: Folder): SubmissionDetail {
  const f = paperFacts(doc, rec);
  const fig = paperFigures(doc, ai);
  const o = folder.settings;
  return {
    paper_id: doc.id,
    folder_id: folder.assignment.id,
    folder_name: folder.assignment.name,
    title: doc.title,
    name: f.author,
    percent: fig.percent,
    total_char: countText(doc.char_count),
    total_words: countText(doc.word_count),
    total_pages: countText(doc.page_count),
    d_key: fig.d_key,
    document_type: f.doc_type,
    language: f.language || doc.language || '',
    language1: '',
    original_file_name: doc.filename ?? doc.title,
    ai: fig.ai,
    og_percent: PENDING,
    ai_sup: fig.aiAvailable ? 1 : 0,
    exclude_references: yesNo(o.exclude_references),
    exclude_quotes: yesNo(o.exclude_quotes),
    small_sources: yesNo(folder.state.exclude_small_sources),
    date_up: wireDate(doc.created_at),
    status: statusText(doc),
  };
}
