import { prepareText, scoreSubmission } from '../engine/index.js';
import { scoreOptionsFor, type ScoringSettings } from './score-options.js';
import { matchId, type InputAnalysis, type InputPassage, type InputSource } from './model.js';

/** An instructor's edit in the viewer: sources and matches (by id) to leave out or bring back. */
export interface ExclusionEdit {
  exclude_sources?: string[];
  exclude_matches?: string[];
  restore_sources?: string[];
  restore_matches?: string[];
}

/** Every source id and match id an analysis knows, excluded or not. */
export function knownIds(a: InputAnalysis): { sources: Set<string>; matches: Set<string> } {
  const all = [...a.sources, ...(a.excluded?.sources ?? [])];
  const sources = new Set(all.map((s) => s.public_id));
  const matches = new Set(all.flatMap((s) => s.passages.map((p) => matchId(s.public_id, p))));
  for (const e of a.excluded?.passages ?? []) {
    sources.add(e.source_id);
    matches.add(matchId(e.source_id, e.passage));
  }
  return { sources, matches };
}

/**
 * Applies an edit to an analysis and recomputes the similarity over what is left, with the
 * same coverage measure the analysis used. Returns a new analysis (reason "edit"); excluded
 * sources and matches are kept under `excluded` so they can be shown and restored.
 */
export function applyExclusions<T extends InputAnalysis>(a: T, submissionText: string, edit: ExclusionEdit): T {
  const sources = new Map<string, { meta: Omit<InputSource, 'passages'>; passages: InputPassage[] }>();
  const add = (s: Omit<InputSource, 'passages'>, passages: InputPassage[]) => {
    const entry = sources.get(s.public_id) ?? { meta: { document_id: s.document_id, public_id: s.public_id, title: s.title, scope: s.scope, similarity: s.similarity, ...(s.code ? { code: s.code } : {}) }, passages: [] };
    entry.passages.push(...passages);
    sources.set(s.public_id, entry);
  };
  for (const s of a.sources) add(s, s.passages);
  for (const s of a.excluded?.sources ?? []) add(s, s.passages);
  for (const e of a.excluded?.passages ?? []) {
    const known = sources.get(e.source_id)?.meta;
    add(known ?? { public_id: e.source_id, title: e.title ?? e.source_id, scope: e.scope ?? 'repository', similarity: 0 }, [e.passage]);
  }

  const offSources = new Set([...(a.excluded?.sources ?? []).map((s) => s.public_id), ...(edit.exclude_sources ?? [])]);
  for (const id of edit.restore_sources ?? []) offSources.delete(id);
  const offMatches = new Set([...(a.excluded?.passages ?? []).map((e) => matchId(e.source_id, e.passage)), ...(edit.exclude_matches ?? [])]);
  for (const id of edit.restore_matches ?? []) offMatches.delete(id);

  if (a.engine === 'code') return codeExclusions(a, sources, offSources, offMatches);
  const submission = prepareText(submissionText);
  const active: { source: Omit<InputSource, 'passages'>; passages: InputPassage[] }[] = [];
  const offList: { source: Omit<InputSource, 'passages'>; passages: InputPassage[] }[] = [];
  const offPassages: { source_id: string; title: string; scope: 'peer' | 'repository'; passage: InputPassage }[] = [];
  for (const [id, { meta, passages }] of sources) {
    const kept = passages.filter((p) => !offMatches.has(matchId(id, p)));
    for (const p of passages) if (offMatches.has(matchId(id, p))) offPassages.push({ source_id: id, title: meta.title, scope: meta.scope, passage: p });
    if (offSources.has(id)) offList.push({ source: meta, passages: kept });
    else if (kept.length) active.push({ source: meta, passages: kept });
  }
  // Common text of the class is not a setting: it comes with the analysis and stays excluded.
  const common = (a.exclusions ?? []).filter((e) => e.reason === 'common').map((e) => ({ offset: e.offset, length: e.length, reason: 'common' as const }));
  const options = { ...scoreOptionsFor(a.settings as ScoringSettings), excluded: common };
  const score = scoreSubmission(submission, active, options);
  const offScore = scoreSubmission(submission, offList, options);
  const asSource = (s: { source: Omit<InputSource, 'passages'>; similarity: number; passages: InputPassage[] }): InputSource => ({ ...s.source, similarity: s.similarity, passages: s.passages });
  // Excluded sources with no passage left (all excluded one by one) still need an entry to be restored from.
  const emptyOff = offList.filter((o) => o.passages.length === 0).map((o) => ({ ...o.source, similarity: 0, passages: [] }));
  return {
    ...a,
    similarity: score.similarity,
    sources: score.sources.map(asSource),
    excluded: { sources: [...offScore.sources.map(asSource), ...emptyOff], passages: offPassages },
    reason: 'edit',
  };
}

/**
 * Carries an instructor's exclusions from the previous version onto a fresh analysis (a re-check
 * after a peer's upload must not bring back what was excluded). Only ids the fresh analysis still
 * has are applied; the fresh analysis keeps its own reason.
 */
export function carryExclusions<T extends InputAnalysis>(previous: InputAnalysis | null | undefined, next: T, submissionText: string): T {
  if (!previous?.excluded) return next;
  const known = knownIds(next);
  const sources = previous.excluded.sources.map((s) => s.public_id).filter((id) => known.sources.has(id));
  const matches = previous.excluded.passages.map((e) => matchId(e.source_id, e.passage)).filter((id) => known.matches.has(id));
  if (!sources.length && !matches.length) return next;
  return { ...applyExclusions(next, submissionText, { exclude_sources: sources, exclude_matches: matches }), reason: next.reason };
}

/**
 * The same edit on a code report. Code pairs are scored by the code engine (structure and literal
 * values), not by the text they cover, so nothing is re-scored from passages: every source keeps
 * the engine's score, also one with no line fragment (scored by its literals alone); the report's
 * similarity is its most similar source's, as the analysis made it; an excluded match is listed
 * as excluded and leaves its source's score as it was (a pair's score is not a sum of fragments).
 */
function codeExclusions<T extends InputAnalysis>(
  a: T,
  sources: Map<string, { meta: Omit<InputSource, 'passages'>; passages: InputPassage[] }>,
  offSources: Set<string>,
  offMatches: Set<string>,
): T {
  const on: InputSource[] = [];
  const off: InputSource[] = [];
  const offPassages: { source_id: string; title: string; scope: 'peer' | 'repository'; passage: InputPassage }[] = [];
  for (const [id, { meta, passages }] of sources) {
    const kept = passages.filter((p) => !offMatches.has(matchId(id, p)));
    for (const p of passages) if (offMatches.has(matchId(id, p))) offPassages.push({ source_id: id, title: meta.title, scope: meta.scope, passage: p });
    (offSources.has(id) ? off : on).push({ ...meta, passages: kept });
  }
  on.sort((x, y) => y.similarity - x.similarity);
  return { ...a, similarity: on.length ? on[0].similarity : 0, sources: on, excluded: { sources: off, passages: offPassages }, reason: 'edit' };
}
