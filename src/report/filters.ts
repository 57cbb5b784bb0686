import { CODE_DEFAULTS } from '../engine/index.js';
/**
 * The filters in force for one report version, in words a teacher reads: what was compared and
 * what was left out of the score. Every rendering (JSON, viewer, PDF, DOCX) lists them.
 */
export interface ReportFilter {
  /** The setting (or `scopes`, `instructor`) the filter comes from. */
  name: string;
  /** Its value as stored. */
  value: unknown;
  /** True when the filter leaves something out of the score. */
  active: boolean;
  description: string;
}

/** What a code check left out as starter or common code (StoredAnalysis.common_code). */
export interface CommonCodeSummary {
  base: number;
  common: number;
  common_kept: number;
  min_holders: number;
  submissions: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The filters of a report version: the settings it ran with, its scopes and the instructor's exclusions. */
export function reportFilters(
  kind: 'text' | 'code',
  settings: Record<string, unknown>,
  scopes: { peers: boolean; repository: boolean } | null,
  instructor: { sources: number; matches: number },
  commonCode?: CommonCodeSummary,
): ReportFilter[] {
  const out: ReportFilter[] = [];
  if (scopes) {
    const where = [scopes.peers ? 'the other submissions of the assignment' : null, scopes.repository ? "the organisation's repository" : null].filter(Boolean);
    out.push({ name: 'scopes', value: scopes, active: false, description: where.length ? `Compared with ${where.join(' and ')}.` : 'Compared with no other documents.' });
  }
  const template = typeof settings.template_text === 'string' && settings.template_text.trim().length > 0;
  if (kind === 'code') {
    out.push({ name: 'template', value: template, active: template, description: template ? 'Starter code given with the assignment is not counted.' : 'No starter code is set: all shared code counts.' });
    const language = typeof settings.language === 'string' ? settings.language : null;
    out.push({ name: 'language', value: language, active: false, description: language ? `Code read as ${language}.` : 'Code language detected from each file name.' });
    if (commonCode) out.push(commonCodeFilter(commonCode));
  } else {
    const quotes = settings.exclude_quotes === true;
    const references = settings.exclude_references === true;
    out.push({ name: 'exclude_quotes', value: quotes, active: quotes, description: quotes ? 'Quotations are not counted.' : 'Quotations count like other text.' });
    out.push({ name: 'exclude_references', value: references, active: references, description: references ? 'The reference list is not counted.' : 'The reference list counts like other text.' });
    const minWords = typeof settings.min_match_words === 'number' ? settings.min_match_words : 0;
    out.push({ name: 'min_match_words', value: minWords, active: minWords > 1, description: minWords > 1 ? `Matches shorter than ${plural(minWords, 'word')} are not counted.` : 'Matches of any length count.' });
    const phrases = Array.isArray(settings.excluded_phrases) ? (settings.excluded_phrases as unknown[]).filter((p): p is string => typeof p === 'string') : [];
    out.push({ name: 'excluded_phrases', value: phrases, active: phrases.length > 0, description: phrases.length ? `${plural(phrases.length, 'phrase')} never counted: ${phrases.map((p) => `“${p.length > 60 ? `${p.slice(0, 60)}…` : p}”`).join(', ')}.` : 'No phrases are excluded.' });
    out.push({ name: 'template', value: template, active: template, description: template ? 'Text shared with the assignment template is not counted.' : 'No template text is set.' });
  }
  const small = typeof settings.exclude_small_sources_percent === 'number' ? settings.exclude_small_sources_percent : 0;
  out.push({ name: 'exclude_small_sources_percent', value: small, active: small > 0, description: small > 0 ? `Sources covering less than ${small}% of the submission are left out.` : 'Sources of any size are listed.' });
  const named = Array.isArray(settings.excluded_sources) ? (settings.excluded_sources as unknown[]).length : 0;
  if (named) out.push({ name: 'excluded_sources', value: settings.excluded_sources, active: true, description: `${plural(named, 'named source')} never compared.` });
  if (instructor.sources || instructor.matches) {
    out.push({ name: 'instructor', value: instructor, active: true, description: `Excluded by the instructor: ${plural(instructor.sources, 'source')}, ${plural(instructor.matches, 'match', 'matches')}.` });
  }
  return out;
}

/** What the code check left out as common code, and why (reports made before it was recorded have none). */
function commonCodeFilter(c: CommonCodeSummary): ReportFilter {
  const parts: string[] = [];
  if (c.base > 0) parts.push(`${plural(c.base, 'code fingerprint')} of the starter code not counted.`);
  if (c.min_holders === 0) parts.push(`No automatic common-code check: it needs at least ${CODE_DEFAULTS.suppressMinSubmissions} submissions (this check had ${c.submissions}).`);
  else {
    parts.push(
      c.common > 0
        ? `${plural(c.common, 'code fingerprint')} not counted as common code: each is in at least ${c.min_holders} of ${c.submissions} submissions whose code is otherwise mostly different.`
        : `No common code was left out (code is common when at least ${c.min_holders} of ${c.submissions} submissions share it and are otherwise mostly different).`,
    );
    if (c.common_kept > 0) parts.push(`${plural(c.common_kept, 'code fingerprint')} as widespread still counted: the submissions sharing them are mostly alike as a whole, which looks like copying from one source rather than starter code (set the starter code if it is given code).`);
  }
  return { name: 'common_code', value: c, active: c.base > 0 || c.common > 0, description: parts.join(' ') };
}
