import type { Passage } from '../engine/index.js';
import type { Extraction, IntegritySignals } from '../extract/index.js';
import { lineLocator, type Location } from './locate.js';
import { excludedSpans, matchCount, type ExcludedReason, type ExcludedSpan, type StoredExclusion } from './counted.js';
import { reportFilters, type CommonCodeSummary, type ReportFilter } from './filters.js';

/**
 * The versioned report model: everything a renderer (JSON, HTML viewer, PDF, DOCX) or a vendor
 * adapter shows about one analysis version of a document. Built from plain data (the stored
 * analysis, the extracted texts) so this module knows nothing of the store or the services.
 * Its JSON schema is `report-model.schema.json`; a test checks built models against it.
 */
export const REPORT_MODEL_VERSION = '1.0.0';

/** A passage as the analysis stores it; code analyses may add file and line figures. */
export type InputPassage = Passage & {
  file?: string;
  startLine?: number;
  endLine?: number;
  sourceFile?: string;
  sourceStartLine?: number;
  sourceEndLine?: number;
};

export interface InputSource {
  document_id?: number;
  public_id: string;
  title: string;
  scope: 'peer' | 'repository';
  similarity: number;
  passages: InputPassage[];
  /**
   * Code sources: what the code engine found besides the passages (StoredSource.code): the
   * fragments by file and line (Codequiry's match rows read them), the longest fragment, shared
   * fingerprints and the literal values both use. An instructor's edit carries it unchanged.
   */
  code?: { shared_values?: string[]; fragments?: unknown[]; longest_fragment?: number; shared_fingerprints?: number };
}

/** What the analyse step stores (StoredAnalysis), seen structurally. */
export interface InputAnalysis {
  engine: 'text' | 'code';
  similarity: number;
  sources: InputSource[];
  settings: object;
  scopes?: { peers: boolean; repository: boolean };
  reason: string;
  /** Code checks: starter and common code the run left out (see StoredAnalysis.common_code). */
  common_code?: CommonCodeSummary;
  /** What an instructor excluded in the viewer (kept so it can be shown and restored). */
  excluded?: { sources: InputSource[]; passages: { source_id: string; title?: string; scope?: 'peer' | 'repository'; passage: InputPassage }[] };
  /** The AI-generated-text verdict stored with the analysis (shares 0..1), or why there is none. */
  ai?: {
    status: string;
    score?: number;
    threshold?: number;
    /** Absent in analyses stored before the three verdicts: then flagged or not_flagged. */
    verdict?: 'flagged' | 'inconclusive' | 'not_flagged';
    inconclusive_threshold?: number;
    flagged?: boolean;
    ai_share?: number;
    detector?: string;
    words?: number;
    min_words?: number;
    language?: string;
    segments?: { offset: number; length: number; words: number; probability: number; ai: boolean }[];
  } | null;
  /** Text left out of the score, and why (quotes, references, phrases, template, short matches, and
   * "common": text the class shares). */
  exclusions?: StoredExclusion[];
  /** Plagiat.pl coefficients (0..1): words in matched phrases of at least 5 / 25 words. */
  factor1?: number;
  factor2?: number;
  /** Cross-language detection (similarity 0..1), absent in analyses stored before it. */
  translation?: { status: string; language: string; similarity: number | null; reason?: string };
}

export interface StoredText {
  text: string;
  extraction: Partial<Extraction> | Record<string, unknown> | null;
}

export interface ReportInput {
  document: {
    id: string;
    title: string;
    author: string | null;
    filename: string | null;
    status: string;
    language: string | null;
    counts: { characters: number; words: number; pages: number } | null;
    created_at: string;
  };
  analysis: InputAnalysis;
  version: number;
  created_at: string;
  versions: { version: number; similarity: number; created_at: string }[];
  submission: StoredText;
  /** Source texts by the source's public id (missing when the source was deleted since). */
  sources: Map<string, StoredText>;
  /** Who wrote each source and when it was submitted, by public id (missing when deleted since). */
  source_documents?: Map<string, { author: string | null; created_at: string }>;
}

export interface TextRange extends Partial<Location> {
  offset: number;
  length: number;
}

export interface ReportMatch {
  /** Stable id: the same passage keeps its id across versions. */
  id: string;
  source_id: string;
  /** Flat figures of the native report (same as `source_id`, `submission` and `source`). */
  source_document_id: string;
  offset: number;
  length: number;
  source_offset: number;
  source_length: number;
  /**
   * True when the match does not count: an instructor excluded it or its source, or all of its
   * words lie in text the settings leave out (a quotation, the reference list, ...).
   */
  excluded: boolean;
  /** Why it does not count (null when it counts). */
  excluded_reason: ExcludedReason | null;
  /** Parts of the match (submission side) lying in excluded text, with their reasons; a match with some left still counts. */
  excluded_parts: { offset: number; length: number; reason: ExcludedReason }[];
  submission: TextRange;
  source: TextRange;
  submission_excerpt: string;
  source_excerpt: string;
  /**
   * How the passage was found: `verbatim`, `paraphrase`, `summary`, `code`, or `translation` (the
   * submission translates the source's passage into another language).
   */
  kind: Passage['kind'];
}

export interface ReportSource {
  id: string;
  /** Same as `id` (the native report's name). */
  source_document_id: string;
  title: string;
  scope: 'peer' | 'repository';
  /** Percent of the submission covered by this source (after exclusions). */
  similarity: number;
  /** Matches that count. */
  matches: number;
  /** Matches that do not count (excluded by the settings or by the instructor). */
  excluded_matches: number;
  /** Excluded by the instructor. */
  excluded: boolean;
  /** The source's author, when known. */
  author: string | null;
  /** When the source was submitted (null when it was deleted since). */
  submitted_at: string | null;
  /** Which of the two was submitted first: this source or the submission the report is about. */
  came_first: 'source' | 'submission' | null;
  /** False when the source's text is no longer stored (deleted since the analysis). */
  text_available: boolean;
  /** Code reports: literal values both use, the weightiest first (a source with no matches scored by these alone). */
  shared_values?: string[];
}

export interface IntegrityReport {
  available: boolean;
  hidden_text: { count: number; samples: string[] };
  replaced_characters: { count: number; samples: string[] };
  invisible_characters: number;
  image_only_pages: number[];
}

export type AiReport =
  | {
      available: true;
      status: 'ok';
      /** What a teacher sees: flagged, inconclusive or not flagged (never a "percent written by AI"). */
      verdict: 'flagged' | 'inconclusive' | 'not_flagged';
      /** The detector's score on a 0-100 scale (its probability times 100); compare with the thresholds. */
      score: number;
      /** Percent of the words in the highlighted segments (`ai: true`); 0 when not flagged. */
      share: number;
      /** verdict === 'flagged'. */
      flagged: boolean;
      /** 0-100: scores from here up are flagged. */
      threshold: number;
      /** 0-100: scores from here up to the flag threshold are inconclusive. */
      inconclusive_threshold: number;
      model: string | null;
      /** Segments with their own score (0-100); `ai` ones drove the verdict and are highlighted. */
      segments: { offset: number; length: number; words: number; probability: number; ai: boolean }[];
    }
  | { available: false; status: string; reason: string };

/** Cross-language detection in a report: whether it ran, for which language, and why not. */
export interface TranslationReport {
  status: 'ok' | 'not_applicable' | 'unavailable';
  /** Language of the submission (ISO 639-1), null when unknown. */
  language: string | null;
  /** Null when it did not run. */
  reason: string | null;
}

export interface ReportModel {
  model_version: typeof REPORT_MODEL_VERSION;
  /** The document's public id and status (as in the native report). */
  document_id: string;
  status: string;
  document: ReportInput['document'] & { kind: 'text' | 'code' };
  version: number;
  created_at: string;
  reason: string;
  /** Percent (0..100) of the submission covered by matches after exclusions. */
  similarity: number;
  sources: ReportSource[];
  matches: ReportMatch[];
  exclusions: { sources: string[]; matches: string[]; by_settings: Record<string, unknown> };
  /** Stretches of the submission the settings leave out of the score, each with its reason. */
  excluded_text: ExcludedSpan[];
  /** The filters in force (scopes, exclusions, thresholds), in words. */
  filters: ReportFilter[];
  integrity: IntegrityReport;
  ai: AiReport;
  /**
   * Percent (0..100) of the submission covered by passages translated from English sources; null
   * when not computed (English text, code, no dictionary for the language: `translation` says why).
   */
  translation_similarity: number | null;
  translation: TranslationReport;
  /** Percent of words in matched phrases of at least 5 / 25 words (Plagiat.pl's coefficients); null for code. */
  factors: { phrases_5_words: number; phrases_25_words: number } | null;
  settings: Record<string, unknown>;
  scopes: { peers: boolean; repository: boolean } | null;
  versions: { version: number; similarity: number; created_at: string }[];
}

export const toPercent = (share: number) => Math.round(share * 10000) / 100;

/**
 * An AI score on the 0-100 scale, rounded down to two decimals: a score just under the flag
 * threshold (0.880996 against 0.881) must not read as the threshold itself (88.1) on a report
 * that says "not flagged".
 */
const scoreOn100 = (score: number) => Math.floor(Math.round(score * 1e8) / 1e4) / 100;
const EXCERPT_MAX = 4000;

/** FNV-1a, for short stable ids. */
function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function matchId(sourceId: string, p: Passage): string {
  return `m-${fnv(sourceId)}-${p.offset}-${p.sourceOffset}`;
}

function excerpt(text: string | undefined, offset: number, length: number): string {
  if (text === undefined) return '';
  const s = text.slice(offset, offset + Math.min(length, EXCERPT_MAX));
  return length > EXCERPT_MAX ? `${s}…` : s;
}

function integrityOf(extraction: StoredText['extraction']): IntegrityReport {
  const signals = (extraction as { signals?: IntegritySignals } | null)?.signals;
  if (!signals) return { available: false, hidden_text: { count: 0, samples: [] }, replaced_characters: { count: 0, samples: [] }, invisible_characters: 0, image_only_pages: [] };
  return {
    available: true,
    hidden_text: { count: signals.hiddenText?.count ?? 0, samples: signals.hiddenText?.samples ?? [] },
    replaced_characters: { count: signals.replacedCharacters?.count ?? 0, samples: signals.replacedCharacters?.samples ?? [] },
    invisible_characters: signals.invisibleCharacters ?? 0,
    image_only_pages: signals.imageOnlyPages ?? [],
  };
}

function translationOf(a: InputAnalysis): { translation_similarity: number | null; translation: TranslationReport } {
  const t = a.translation;
  if (a.engine === 'code') return { translation_similarity: null, translation: { status: 'not_applicable', language: null, reason: 'source code is not translated' } };
  if (!t) return { translation_similarity: null, translation: { status: 'unavailable', language: null, reason: 'this analysis was made before cross-language detection existed; check the document again' } };
  const status = t.status === 'ok' || t.status === 'not_applicable' ? t.status : 'unavailable';
  return {
    translation_similarity: status === 'ok' && typeof t.similarity === 'number' ? toPercent(t.similarity) : null,
    translation: { status, language: t.language ?? null, reason: status === 'ok' ? null : t.reason ?? null },
  };
}

function aiOf(a: InputAnalysis): AiReport {
  const ai = a.ai;
  if (ai && ai.status === 'ok' && typeof ai.score === 'number') {
    const verdict = ai.verdict ?? (ai.flagged === true ? 'flagged' : 'not_flagged');
    const threshold = toPercent(ai.threshold ?? 1);
    return {
      available: true,
      status: 'ok',
      verdict,
      score: scoreOn100(ai.score),
      share: toPercent(ai.ai_share ?? 0),
      flagged: verdict === 'flagged',
      threshold,
      inconclusive_threshold: typeof ai.inconclusive_threshold === 'number' ? toPercent(ai.inconclusive_threshold) : threshold,
      model: ai.detector ?? null,
      segments: (ai.segments ?? []).map((g) => ({ ...g, probability: toPercent(g.probability) })),
    };
  }
  const asked = (a.settings as { ai_detection?: boolean }).ai_detection !== false;
  if (!asked || ai?.status === 'disabled') return { available: false, status: 'disabled', reason: 'AI detection is turned off for this assignment.' };
  if (ai?.status === 'too_short') return { available: false, status: 'too_short', reason: `Too short: the text has ${ai.words} words; an AI score needs at least ${ai.min_words}.` };
  if (ai?.status === 'unsupported_language') return { available: false, status: 'unsupported_language', reason: `Not available: the AI detector was not trained for this language (${ai.language}).` };
  if (a.engine === 'code' || ai?.status === 'not_applicable') return { available: false, status: 'not_applicable', reason: 'AI scoring applies to prose, not to source code.' };
  return { available: false, status: 'not_available', reason: 'No AI-generated-text score exists for this version of the report.' };
}

/** Settings that leave text out of the comparison, as applied to this version. */
function settingExclusions(settings: Record<string, unknown>): Record<string, unknown> {
  const keys = ['exclude_quotes', 'exclude_references', 'min_match_words', 'exclude_small_sources_percent', 'excluded_phrases'];
  const out: Record<string, unknown> = Object.fromEntries(keys.filter((k) => k in settings).map((k) => [k, settings[k]]));
  if (typeof settings.template_text === 'string') out.template = settings.template_text.length > 0;
  return out;
}

/** Builds the report model of one analysis version. Pure: same input, same model. */
export function buildReportModel(input: ReportInput): ReportModel {
  const a = input.analysis;
  const kind = a.engine;
  const showLines = kind === 'code' || Array.isArray((input.submission.extraction as { files?: unknown } | null)?.files);
  const locateSubmission = lineLocator(input.submission, input.document.filename ?? input.document.title);
  const locators = new Map<string, ReturnType<typeof lineLocator>>();
  const titles = new Map([...a.sources, ...(a.excluded?.sources ?? [])].map((s) => [s.public_id, s.title]));
  const locateSource = (id: string) => {
    const t = input.sources.get(id);
    if (!t) return null;
    if (!locators.has(id)) locators.set(id, lineLocator(t, titles.get(id) ?? id));
    return locators.get(id)!;
  };
  const range = (offset: number, length: number, loc: ReturnType<typeof lineLocator> | null, given: Partial<Location>): TextRange => {
    if (!showLines) return { offset, length };
    if (given.start_line !== undefined) return { offset, length, ...given };
    return { offset, length, ...(loc ? loc(offset, length) : {}) };
  };
  const minWords = typeof (a.settings as { min_match_words?: unknown }).min_match_words === 'number' ? (a.settings as { min_match_words: number }).min_match_words : undefined;
  const excludedText = a.engine === 'text' ? excludedSpans(a.exclusions, minWords) : [];
  const toMatch = (s: InputSource | { public_id: string }, p: InputPassage, byInstructor: ExcludedReason | null): ReportMatch => {
    const counted = matchCount(input.submission.text, p.offset, p.length, excludedText, minWords);
    const reason = byInstructor ?? counted.reason;
    return {
    id: matchId(s.public_id, p),
    source_id: s.public_id,
    source_document_id: s.public_id,
    offset: p.offset,
    length: p.length,
    source_offset: p.sourceOffset,
    source_length: p.sourceLength,
    excluded: reason !== null,
    excluded_reason: reason,
    excluded_parts: counted.parts,
    submission: range(p.offset, p.length, locateSubmission, p.startLine !== undefined ? { file: p.file, start_line: p.startLine, end_line: p.endLine } : {}),
    source: range(p.sourceOffset, p.sourceLength, locateSource(s.public_id), p.sourceStartLine !== undefined ? { file: p.sourceFile, start_line: p.sourceStartLine, end_line: p.sourceEndLine } : {}),
    submission_excerpt: excerpt(input.submission.text, p.offset, p.length),
    source_excerpt: excerpt(input.sources.get(s.public_id)?.text, p.sourceOffset, p.sourceLength),
    kind: p.kind,
    };
  };

  const excludedSources = a.excluded?.sources ?? [];
  const excludedPassages = a.excluded?.passages ?? [];
  const matches: ReportMatch[] = [
    ...a.sources.flatMap((s) => s.passages.map((p) => toMatch(s, p, null))),
    ...excludedSources.flatMap((s) => s.passages.map((p) => toMatch(s, p, 'source-excluded'))),
    ...excludedPassages.map((e) => toMatch({ public_id: e.source_id }, e.passage, 'instructor')),
  ].sort((x, y) => x.submission.offset - y.submission.offset || x.source_id.localeCompare(y.source_id));
  const counts = new Map<string, { counted: number; excluded: number }>();
  for (const x of matches) {
    const c = counts.get(x.source_id) ?? { counted: 0, excluded: 0 };
    if (x.excluded) c.excluded++;
    else c.counted++;
    counts.set(x.source_id, c);
  }
  const submittedAt = input.document.created_at;
  const sourceEntry = (s: Omit<InputSource, 'passages'>, excluded: boolean): ReportSource => {
    const meta = input.source_documents?.get(s.public_id);
    const when = meta?.created_at ?? null;
    return {
      id: s.public_id,
      source_document_id: s.public_id,
      title: s.title,
      scope: s.scope,
      similarity: toPercent(s.similarity),
      matches: counts.get(s.public_id)?.counted ?? 0,
      excluded_matches: counts.get(s.public_id)?.excluded ?? 0,
      excluded,
      author: meta?.author ?? null,
      submitted_at: when,
      came_first: when === null || when === submittedAt ? null : when < submittedAt ? 'source' : 'submission',
      text_available: input.sources.has(s.public_id),
      ...(s.code?.shared_values?.length ? { shared_values: s.code.shared_values } : {}),
    };
  };
  const sources: ReportSource[] = [
    ...a.sources.map((s) => sourceEntry(s, false)),
    ...excludedSources.map((s) => sourceEntry(s, true)),
  ];
  // A source whose every match was excluded one by one still lists its excluded matches.
  for (const e of excludedPassages) {
    if (!sources.some((s) => s.id === e.source_id)) {
      sources.push(sourceEntry({ public_id: e.source_id, title: e.title ?? e.source_id, scope: e.scope ?? 'repository', similarity: 0 }, true));
    }
  }
  const settings = { ...(a.settings as Record<string, unknown>) };
  return {
    model_version: REPORT_MODEL_VERSION,
    document_id: input.document.id,
    status: input.document.status,
    document: { ...input.document, kind },
    version: input.version,
    created_at: input.created_at,
    reason: a.reason,
    similarity: toPercent(a.similarity),
    sources,
    matches,
    exclusions: {
      sources: excludedSources.map((s) => s.public_id),
      matches: excludedPassages.map((e) => matchId(e.source_id, e.passage)),
      by_settings: settingExclusions(settings),
    },
    excluded_text: excludedText,
    filters: reportFilters(kind, settings, a.scopes ?? null, { sources: excludedSources.length, matches: excludedPassages.length }, a.common_code),
    integrity: integrityOf(input.submission.extraction),
    ai: aiOf(a),
    ...translationOf(a),
    factors: a.engine === 'text' && typeof a.factor1 === 'number' ? { phrases_5_words: toPercent(a.factor1), phrases_25_words: toPercent(a.factor2 ?? 0) } : null,
    settings,
    scopes: a.scopes ?? null,
    versions: input.versions.map((v) => ({ version: v.version, similarity: toPercent(v.similarity), created_at: v.created_at })),
  };
}
