import { invalid } from './errors.js';
import { LANGUAGES, languageByName } from '../code-tokens/languages.js';

/** What an assignment checks against and what it leaves out. Every field has a default. */
export interface AssignmentSettings {
  /** Compare each submission with the other submissions of the assignment. */
  check_peers: boolean;
  /** Compare with the organisation's repository of reference documents. */
  check_repository: boolean;
  /** Add every submission to the organisation's repository once checked. */
  add_to_repository: boolean;
  exclude_quotes: boolean;
  exclude_references: boolean;
  /** Matches shorter than this many words are left out. */
  min_match_words: number;
  /** Sources covering less than this share (percent) of the submission are left out. */
  exclude_small_sources_percent: number;
  /** Sources never counted: a source document's public id, title or file name (e.g. a URL a vendor client names). */
  excluded_sources: string[];
  /** Up to 15 phrases never counted as matches. */
  excluded_phrases: string[];
  /** Instructor-provided text (or starter code) that is never counted. */
  template_text: string;
  ai_detection: boolean;
  /** For code assignments: the programming language, or null to detect by extension. */
  language: string | null;
}

export const DEFAULT_SETTINGS: AssignmentSettings = {
  check_peers: true,
  check_repository: false,
  add_to_repository: false,
  exclude_quotes: false,
  exclude_references: false,
  min_match_words: 8,
  exclude_small_sources_percent: 0,
  excluded_sources: [],
  excluded_phrases: [],
  template_text: '',
  ai_detection: true,
  language: null,
};

type Check = (v: unknown) => string | null;
const bool: Check = (v) => (typeof v === 'boolean' ? null : 'must be true or false');
const num = (min: number, max: number): Check => (v) => (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? null : `must be a number from ${min} to ${max}`);
const CHECKS: Record<keyof AssignmentSettings, Check> = {
  check_peers: bool,
  check_repository: bool,
  add_to_repository: bool,
  exclude_quotes: bool,
  exclude_references: bool,
  min_match_words: num(1, 1000),
  exclude_small_sources_percent: num(0, 100),
  excluded_sources: (v) => (Array.isArray(v) && v.length <= 1000 && v.every((p) => typeof p === 'string' && p.length <= 2000) ? null : 'must be a list of at most 1000 source names'),
  excluded_phrases: (v) => (Array.isArray(v) && v.length <= 15 && v.every((p) => typeof p === 'string' && p.length <= 1000) ? null : 'must be a list of at most 15 phrases'),
  template_text: (v) => (typeof v === 'string' && v.length <= 5_000_000 ? null : 'must be a string'),
  ai_detection: bool,
  language: (v) => languageProblem(v),
};

/** Why a code language setting cannot be used (the tokenizer does not know it), or null. */
export function languageProblem(v: unknown): string | null {
  if (v === null) return null;
  if (typeof v === 'string' && v.length <= 40 && languageByName(v.trim())) return null;
  const known = LANGUAGES.map((l) => l.name).join(', ');
  return typeof v === 'string' ? `"${v.slice(0, 40)}" is not a language the code tokenizer knows; use one of ${known}, or null to detect by file extension` : `must be a language name (${known}) or null`;
}

/** Settings that change no score when changed: what happens to a submission after its check. */
const SCORE_NEUTRAL = new Set<keyof AssignmentSettings>(['add_to_repository']);

/** The settings whose change alters scores (scopes, exclusions, thresholds, AI, language) that differ. */
export function scoreSettingsChanged(before: AssignmentSettings, after: AssignmentSettings): (keyof AssignmentSettings)[] {
  return (Object.keys(CHECKS) as (keyof AssignmentSettings)[]).filter((k) => !SCORE_NEUTRAL.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** Validates a partial settings object and merges it over `base`. Unknown keys are refused. */
export function mergeSettings(base: AssignmentSettings, patch: unknown): AssignmentSettings {
  if (patch === undefined || patch === null) return base;
  if (typeof patch !== 'object' || Array.isArray(patch)) throw invalid('settings must be an object');
  const problems: Record<string, string> = {};
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const check = CHECKS[key as keyof AssignmentSettings];
    if (!check) {
      problems[key] = 'is not a known setting';
      continue;
    }
    const problem = check(value);
    if (problem) problems[key] = problem;
    else out[key] = value;
  }
  if (Object.keys(problems).length) throw invalid('invalid assignment settings', { fields: problems });
  return out as unknown as AssignmentSettings;
}

export function parseSettings(json: string): AssignmentSettings {
  try {
    return { ...DEFAULT_SETTINGS, ...(JSON.parse(json) as Partial<AssignmentSettings>) };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}
