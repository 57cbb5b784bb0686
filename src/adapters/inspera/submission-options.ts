import type { DocumentOptions } from '../../services/document-options.js';
import type { AssignmentSettings } from '../../services/settings.js';
import { looseBool, looseInt, looseString } from '../shared/index.js';

/** docType values of the documentation (short names and MIME types) → the MIME type and file extension Origo stores. */
const DOC_TYPES: [string[], string, string][] = [
  [['pdf', 'application/pdf'], 'application/pdf', 'pdf'],
  [['txt', 'text/plain'], 'text/plain', 'txt'],
  [['html', 'text/html'], 'text/html', 'html'],
  [['xml', 'application/xml', 'text/xml'], 'application/xml', 'xml'],
  [['doc', 'application/msword', 'application/doc', 'application/ms-doc'], 'application/msword', 'doc'],
  [['docx', 'word', 'doc/docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  [['odt', 'application/vnd.oasis.opendocument.text'], 'application/vnd.oasis.opendocument.text', 'odt'],
  [['rtf', 'application/rtf', 'text/rtf'], 'application/rtf', 'rtf'],
  [['wpd', 'application/wordperfect'], 'application/wordperfect', 'wpd'],
  [['ps', 'application/postscript'], 'application/postscript', 'ps'],
  [['hwp', 'application/x-hwp'], 'application/x-hwp', 'hwp'],
  [['pages', 'application/vnd.apple.pages'], 'application/vnd.apple.pages', 'pages'],
  [['ppt', 'application/vnd.ms-powerpoint', 'application/mspowerpoint', 'application/powerpoint', 'application/x-mspowerpoint'], 'application/vnd.ms-powerpoint', 'ppt'],
  [['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'], 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'],
  [['ppsx', 'application/vnd.openxmlformats-officedocument.presentationml.slideshow'], 'application/vnd.openxmlformats-officedocument.presentationml.slideshow', 'ppsx'],
  [['odp', 'application/vnd.oasis.opendocument.presentation'], 'application/vnd.oasis.opendocument.presentation', 'odp'],
  [['key', 'application/vnd.apple.keynote'], 'application/vnd.apple.keynote', 'key'],
  [['xls', 'application/vnd.ms-excel', 'application/excel', 'application/x-excel', 'application/x-msexcel'], 'application/vnd.ms-excel', 'xls'],
  [['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  [['ods', 'application/vnd.oasis.opendocument.spreadsheet'], 'application/vnd.oasis.opendocument.spreadsheet', 'ods'],
  [['numbers', 'application/vnd.apple.numbers'], 'application/vnd.apple.numbers', 'numbers'],
  [['json', 'application/json'], 'application/json', 'json'],
  [['csv', 'text/csv'], 'text/csv', 'csv'],
  [['md', 'text/markdown'], 'text/markdown', 'md'],
];

export interface DocType {
  mime: string;
  extension: string;
}

/** The docType a client sent, or null when it is none of the documented ones. */
export function docTypeOf(v: unknown): DocType | null {
  const s = looseString(v)?.trim().toLowerCase().split(';')[0].trim();
  if (!s) return null;
  for (const [names, mime, extension] of DOC_TYPES) if (names.includes(s)) return { mime, extension };
  return null;
}

/**
 * The older generation's `file`: `"base64,<data>"` (also `"base64, <data>"` and data URLs), or the
 * HTML content itself (text from a WYSIWYG editor). Null when it claims base64 and is not.
 */
export function decodeFile(file: string): { bytes: Buffer; html: boolean } | null {
  const m = /^\s*(?:data:[^,;]*(?:;[^,;]*)*;)?base64\s*,\s*/i.exec(file);
  if (!m) return { bytes: Buffer.from(file, 'utf8'), html: true };
  const data = file.slice(m[0].length).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(data)) return null;
  const bytes = Buffer.from(data, 'base64');
  return bytes.length ? { bytes, html: false } : null;
}

/** The title rule of the documentation: 5 to 190 characters. */
export function titleAllowed(title: string): boolean {
  const n = [...title.trim()].length;
  return n >= 5 && n <= 190;
}

export interface SubmissionChoices {
  /** Per-document overrides of the check settings. */
  options: DocumentOptions;
  /** How many times one author may submit to one assignment (first submission included). */
  maxSubmissions: number;
  /** Translation languages asked for (translation similarity is not computed; kept for the record). */
  translatedLanguages: string[];
  /** Sources the client wants left out (the Moodle plugin sends URLs). */
  excludeSources: string[];
  /** Sources the client wants searched too (kept for the record; Origo does not search the internet). */
  includeSources: string[];
}

function stringList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => looseString(x)?.trim() ?? '').filter(Boolean);
  const s = looseString(v);
  return s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [];
}

/**
 * Maps the option fields of both generations onto Origo's document options:
 * - `archive` → add the document to the organisation's repository once checked (`to_repository`);
 * - every document is checked against the organisation's repository (the institution's archive,
 *   "collusion" in Inspera's words) and, when it names an assignment, against its peers;
 * - `enableAIDetection` → `ai_detection` (off unless asked, as documented);
 * - `excludeCitations` → `exclude_quotes` and `exclude_references`; the older
 *   `enableReferenceDetection` (on by default) → `exclude_references`;
 * - `sourcesThreshold` (percent) → `exclude_small_sources_percent`;
 * - `sources.excludeSources` → `excluded_sources` (sources whose id, title or file name is listed);
 * - `minLimit` → `min_words`; `reSubmissions` (default 1) → at most 1 + reSubmissions uploads.
 */
export function submissionChoices(params: Record<string, unknown>, hasAssignment: boolean): SubmissionChoices {
  const settings: Partial<AssignmentSettings> = { ai_detection: looseBool(params.enableAIDetection) ?? false };
  const excludeCitations = looseBool(params.excludeCitations);
  if (excludeCitations !== undefined) {
    settings.exclude_quotes = excludeCitations;
    settings.exclude_references = excludeCitations;
  } else {
    settings.exclude_references = looseBool(params.enableReferenceDetection) ?? true;
  }
  const threshold = looseInt(params.sourcesThreshold);
  if (threshold !== undefined) settings.exclude_small_sources_percent = Math.min(100, Math.max(0, threshold));
  const options: DocumentOptions = {
    settings,
    to_repository: looseBool(params.archive) ?? false,
    check_repository: true,
    check_peers: hasAssignment,
  };
  const minWords = looseInt(params.minLimit);
  if (minWords !== undefined && minWords > 0) options.min_words = minWords;
  const resubmissions = looseInt(params.reSubmissions);
  const sources = (params.sources && typeof params.sources === 'object' ? params.sources : {}) as Record<string, unknown>;
  const excludeSources = stringList(sources.excludeSources);
  if (excludeSources.length) settings.excluded_sources = excludeSources;
  return {
    options,
    maxSubmissions: 1 + (resubmissions !== undefined && resubmissions >= 0 ? resubmissions : 1),
    translatedLanguages: stringList(params.translatedLanguage ?? params['translated language'] ?? params.translationLanguages),
    excludeSources,
    includeSources: stringList(sources.includeSources),
  };
}
