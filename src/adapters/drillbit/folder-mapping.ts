import type { AssignmentRow } from '../../store/index.js';
import { DEFAULT_SETTINGS, type AssignmentSettings } from '../../services/settings.js';
import { looseBool, looseInt, looseString } from '../shared/index.js';
import { wireDate, yesNo } from './wire-format.js';
import type { FolderWire, Phrases } from './wire-types.js';
import type { FolderState } from './vendor-state.js';

/** DrillBit's own default threshold (its clients send 14). */
export const DEFAULT_THRESHOLD = 14;
const MAX_PHRASES = 15;

/** The DrillBit view of an assignment that was not made through DrillBit: read from its settings. */
export function stateFromSettings(s: AssignmentSettings): FolderState {
  const phrases = s.excluded_phrases.length ? Object.fromEntries(s.excluded_phrases.map((p, i) => [`p${i + 1}`, p])) : null;
  return {
    exclude_small_sources: s.min_match_words !== DEFAULT_SETTINGS.min_match_words,
    exclude_threshold: s.min_match_words,
    exclude_phrases: s.excluded_phrases.length > 0,
    phrases,
    grammar_check: false,
    db_studentpaper: s.check_peers,
    db_publications: false,
    db_internet: false,
    institution_repository: s.check_repository,
    email_notifications: false,
    end_date: null,
  };
}

function flag(params: Record<string, unknown>, names: string[], fallback: boolean): boolean {
  for (const n of names) {
    const v = looseBool(params[n]);
    if (v !== undefined) return v;
  }
  return fallback;
}

/** `phrases: {p1: …}` (or `p1`… at the top level), in order, empty ones dropped; at most 15. */
function readPhrases(params: Record<string, unknown>, fallback: Phrases | null): Phrases | null {
  const source = params.phrases && typeof params.phrases === 'object' && !Array.isArray(params.phrases) ? (params.phrases as Record<string, unknown>) : params;
  const out: Phrases = {};
  let any = false;
  for (let i = 1; i <= MAX_PHRASES; i++) {
    const v = looseString(source[`p${i}`]);
    if (v !== undefined) any = true;
    if (v && v.trim()) out[`p${i}`] = v.trim();
  }
  if (!any) return fallback;
  return Object.keys(out).length ? out : null;
}

export interface FolderInput {
  name: string | undefined;
  state: FolderState;
}

/**
 * Reads a create/update body (`folder_name` or `assignment_name`, YES/NO flags, `exclude_threshold`,
 * `phrases`). Fields left out keep their previous value (or DrillBit's default on create).
 */
export function readFolderInput(params: Record<string, unknown>, previous: FolderState | null): FolderInput {
  const prev: FolderState = previous ?? {
    exclude_small_sources: false,
    exclude_threshold: DEFAULT_THRESHOLD,
    exclude_phrases: false,
    phrases: null,
    grammar_check: false,
    db_studentpaper: true,
    db_publications: true,
    db_internet: true,
    institution_repository: true,
    email_notifications: false,
    end_date: null,
  };
  const name = looseString(params.folder_name ?? params.assignment_name ?? params.folderName)?.trim();
  const threshold = looseInt(params.exclude_threshold);
  return {
    name: name || undefined,
    state: {
      exclude_small_sources: flag(params, ['exclude_small_sources', 'excludeSmallSources'], prev.exclude_small_sources),
      exclude_threshold: threshold !== undefined && threshold >= 1 ? Math.min(threshold, 1000) : prev.exclude_threshold,
      exclude_phrases: flag(params, ['exclude_phrases', 'excludePhrases'], prev.exclude_phrases),
      phrases: readPhrases(params, prev.phrases),
      grammar_check: flag(params, ['grammar_check', 'grammarCheck'], prev.grammar_check),
      db_studentpaper: flag(params, ['db_studentpaper'], prev.db_studentpaper),
      db_publications: flag(params, ['db_publications'], prev.db_publications),
      db_internet: flag(params, ['db_internet'], prev.db_internet),
      institution_repository: flag(params, ['institution_repository'], prev.institution_repository),
      email_notifications: flag(params, ['email_notifications'], prev.email_notifications),
      end_date: looseString(params.end_date) ?? prev.end_date,
    },
  };
}

export interface ExclusionFlags {
  exclude_quotes: boolean;
  exclude_references: boolean;
}

/** The flags that live directly in Origo's settings (the rest are in FolderState). */
export function readExclusions(params: Record<string, unknown>, previous: ExclusionFlags): ExclusionFlags {
  return {
    exclude_quotes: flag(params, ['exclude_quotes', 'excludeQuotes'], previous.exclude_quotes),
    exclude_references: flag(params, ['exclude_reference', 'exclude_references', 'excludeReferences'], previous.exclude_references),
  };
}

/**
 * The folder's settings applied to Origo's analysis: quotes and references excluded as asked;
 * "exclude small sources" drops matches shorter than `exclude_threshold` words; excluded phrases
 * only while "exclude phrases" is YES; student papers = peers in the folder; institution
 * repository = the organisation's repositories. Publications and internet cannot be searched.
 */
export function settingsPatch(state: FolderState, ex: ExclusionFlags): Partial<AssignmentSettings> {
  return {
    exclude_quotes: ex.exclude_quotes,
    exclude_references: ex.exclude_references,
    min_match_words: state.exclude_small_sources ? state.exclude_threshold : DEFAULT_SETTINGS.min_match_words,
    excluded_phrases: state.exclude_phrases && state.phrases ? Object.values(state.phrases) : [],
    check_peers: state.db_studentpaper,
    check_repository: state.institution_repository,
  };
}

export function folderView(a: AssignmentRow, settings: AssignmentSettings, state: FolderState, submissions: number): FolderWire {
  return {
    folder_id: a.id,
    folder_name: a.name,
    creation_date: wireDate(a.created_at),
    end_date: state.end_date,
    excludeReferences: yesNo(settings.exclude_references),
    excludeQuotes: yesNo(settings.exclude_quotes),
    excludeSmallSources: yesNo(state.exclude_small_sources),
    excludeIncludeSources: 'NO',
    grammarCheck: yesNo(state.grammar_check),
    excludePhrases: yesNo(state.exclude_phrases),
    phrases: state.phrases,
    db_studentpaper: yesNo(state.db_studentpaper),
    db_publications: yesNo(state.db_publications),
    db_internet: yesNo(state.db_internet),
    institution_repository: yesNo(state.institution_repository),
    repository_scope: 'LOCAL',
    email_notifications: yesNo(state.email_notifications),
    no_of_submissions: submissions,
    exclude_threshold: state.exclude_threshold,
  };
}
