import { prepareText, type ScoreOptions } from '../engine/index.js';

/** The assignment settings that decide what counts in a score, seen structurally. */
export interface ScoringSettings {
  exclude_quotes?: boolean;
  exclude_references?: boolean;
  min_match_words?: number;
  excluded_phrases?: string[];
  template_text?: string;
}

/**
 * The engine's scoring options for an assignment's settings. The analysis and every later
 * recomputation (an instructor's edit in the viewer) use this one mapping, so they agree.
 */
export function scoreOptionsFor(settings: ScoringSettings): ScoreOptions {
  return {
    excludeQuotes: settings.exclude_quotes ?? false,
    excludeReferences: settings.exclude_references ?? false,
    minMatchWords: settings.min_match_words ?? 0,
    excludedPhrases: settings.excluded_phrases ?? [],
    templates: settings.template_text && settings.template_text.trim() ? [prepareText(settings.template_text)] : [],
  };
}
