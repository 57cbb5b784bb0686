import type { ReportModel } from './model.js';
import { reasonLabel } from './counted.js';
import type { MarkRange } from './text-markup.js';

type Match = ReportModel['matches'][number];

/** A piece of a match on the submission side; `last` marks the match's last counted piece (where its `[n]` goes). */
export interface MatchPiece extends MarkRange {
  last: boolean;
}

/**
 * The submission-side marks of a report's matches, as the JSON says they count: a match that does
 * not count is one range marked excluded with its reason; a counted match is cut at its
 * `excluded_parts` (template text, a quotation, an excluded phrase inside it), which are marked
 * excluded with their own reason, so no rendering draws excluded text as counted.
 */
export function submissionMarks(m: ReportModel): MatchPiece[] {
  const colour = new Map(m.sources.map((s, i) => [s.id, i]));
  const excludedSources = new Set(m.exclusions.sources);
  const minWords = typeof m.settings?.min_match_words === 'number' ? m.settings.min_match_words : undefined;
  const out: MatchPiece[] = [];
  for (const x of m.matches) {
    const c = colour.get(x.source_id) ?? 0;
    const start = x.submission.offset;
    const end = start + x.submission.length;
    const byInstructor = excludedSources.has(x.source_id) || x.excluded_reason === 'instructor' || x.excluded_reason === 'source-excluded';
    if (byInstructor || (x.excluded && !x.excluded_parts?.length)) {
      const reason = x.excluded_reason ? reasonLabel(x.excluded_reason, minWords) : excludedSources.has(x.source_id) ? reasonLabel('source-excluded') : 'excluded';
      out.push({ id: x.id, start, end, colour: c, excluded: true, reason, last: false });
      continue;
    }
    // A match the settings exclude still shows each part's own reason; what is left of it outside
    // excluded text is too short to count (fewer than min_match_words words).
    const rest = x.excluded ? { excluded: true, reason: reasonLabel('short-match', minWords) } : { excluded: false };
    const pieces: MatchPiece[] = [];
    let pos = start;
    for (const p of [...(x.excluded_parts ?? [])].sort((a, b) => a.offset - b.offset)) {
      const a = Math.max(p.offset, pos);
      const z = Math.min(p.offset + p.length, end);
      if (z <= a) continue;
      if (a > pos) pieces.push({ id: x.id, start: pos, end: a, colour: c, ...rest, last: false });
      pieces.push({ id: x.id, start: a, end: z, colour: c, excluded: true, reason: reasonLabel(p.reason, minWords), last: false });
      pos = z;
    }
    if (pos < end) pieces.push({ id: x.id, start: pos, end, colour: c, ...rest, last: false });
    const lastCounted = pieces.map((p) => !p.excluded).lastIndexOf(true);
    if (lastCounted >= 0) pieces[lastCounted].last = true;
    out.push(...pieces);
  }
  return out;
}

/** A match's reason for not counting, in words (undefined when it counts). */
export function notCountedReason(m: ReportModel, x: Match): string | undefined {
  const minWords = typeof m.settings?.min_match_words === 'number' ? m.settings.min_match_words : undefined;
  if (x.excluded_reason) return reasonLabel(x.excluded_reason, minWords);
  if (m.exclusions.sources.includes(x.source_id)) return reasonLabel('source-excluded');
  return x.excluded ? 'excluded' : undefined;
}

/** The lines every rendering lists under the score: the filters in force and the cross-language result. */
export function filterLines(m: ReportModel): string[] {
  const lines = m.filters.map((f) => f.description);
  if (m.translation_similarity !== null) lines.push(`Translation similarity: ${m.translation_similarity}% (the ${m.translation.language ?? 'non-English'} text translating passages of English sources; also counted in the similarity).`);
  else if (m.translation.status === 'unavailable') lines.push(`Cross-language check not available: ${m.translation.reason ?? 'no reason given'}.`);
  return lines;
}
