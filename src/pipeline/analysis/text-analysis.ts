import type { DocumentRow, Store } from '../../store/index.js';
import { alignTexts, loadStemmers, prepareText, scoreSubmission, textFingerprints, type PreparedText } from '../../engine/index.js';
import type { StoredAi, StoredAnalysis, StoredSource } from '../../services/analysis-model.js';
import { detectAiTextBuiltin } from '../../ai-models/index.js';
import { scoreOptionsFor } from '../../report/score-options.js';
import type { AssignmentSettings } from '../../services/settings.js';

/**
 * Shortest passage (characters, both sides) the service reports. The aligner's own default (150)
 * suits PAN's long cases; a copied sentence of about 13 words in a student essay is evidence a
 * teacher wants to see. Measured on the PAN dev negatives: 2 of 81 pairs get a passage at 80
 * characters against 1 at 150 (both weak paraphrase seeds), and shorter limits add more.
 */
export const SERVICE_MIN_CHARS = 80;

/** How many candidate sources from the index are aligned in full, most shared fingerprints first. */
export const MAX_CANDIDATES = 50;

export interface Scopes {
  peers: boolean;
  repository: boolean;
}

/**
 * Checks a text document: candidates come from the inverted index (peers of the assignment and
 * the organisation's repositories, as the scopes say), each is aligned passage by passage, and
 * the submission is scored.
 */
export async function analyseText(store: Store, doc: DocumentRow, text: string, settings: AssignmentSettings, scopes: Scopes, reason: string): Promise<StoredAnalysis> {
  await loadStemmers();
  const submission = prepareText(text);
  const hashes = textFingerprints(submission);
  const candidates = await store.fingerprints.candidates(
    {
      organisationId: doc.organisation_id,
      excludeDocumentId: doc.id,
      assignmentId: scopes.peers ? doc.assignment_id : null,
      repositories: scopes.repository ? true : undefined,
    },
    hashes,
    MAX_CANDIDATES,
  );
  const ids = candidates.map((c) => c.documentId);
  const rows = new Map((await store.documents.byIds(ids)).map((d) => [d.id, d]));
  const texts = new Map((await store.documents.texts(ids)).map((t) => [t.document_id, t.text]));
  const found: { source: DocumentRow; passages: ReturnType<typeof alignTexts>; text: PreparedText }[] = [];
  const excluded = new Set((settings.excluded_sources ?? []).map((x) => x.trim().toLowerCase()));
  const isExcluded = (d: DocumentRow) => [d.public_id, d.title, d.filename].some((n) => n !== null && excluded.has(n.trim().toLowerCase()));
  for (const id of ids) {
    const source = rows.get(id);
    const sourceText = texts.get(id);
    if (!source || sourceText === undefined || source.status === 'deleted' || isExcluded(source)) continue;
    const prepared = prepareText(sourceText);
    const passages = alignTexts(submission, prepared, { minWords: settings.min_match_words, minChars: SERVICE_MIN_CHARS });
    if (passages.length) found.push({ source, passages, text: prepared });
  }
  const options = scoreOptionsFor(settings);
  const score = scoreSubmission(submission, found, options);
  // Sources below the assignment's threshold leave the report, and the score is computed without them.
  const minShare = settings.exclude_small_sources_percent / 100;
  const keptSources = new Set(score.sources.filter((s) => s.similarity >= minShare).map((s) => s.source.id));
  const keptScore = keptSources.size === score.sources.length ? score : scoreSubmission(submission, found.filter((f) => keptSources.has(f.source.id)), options);
  const sources: StoredSource[] = keptScore.sources.map((s) => ({
    document_id: s.source.id,
    public_id: s.source.public_id,
    title: s.source.title,
    scope: doc.assignment_id !== null && s.source.assignment_id === doc.assignment_id ? 'peer' : 'repository',
    similarity: s.similarity,
    passages: s.passages,
  }));
  return {
    engine: 'text',
    similarity: keptScore.similarity,
    factor1: keptScore.factor1,
    factor2: keptScore.factor2,
    exclusions: keptScore.exclusions,
    language: submission.language,
    sources,
    settings,
    scopes,
    candidates_considered: candidates.length,
    reason,
    ai: settings.ai_detection ? aiScore(text, doc.language) : { status: 'disabled' },
  };
}

/** The built-in AI-text detector's verdict, in the stored form. */
export function aiScore(text: string, language: string | null): StoredAi {
  const v = detectAiTextBuiltin(text, { language: language && language !== 'und' ? language : undefined });
  if (v.status === 'too_short') return { status: 'too_short', words: v.words, min_words: v.minWords };
  if (v.status === 'unsupported_language') return { status: 'unsupported_language', language: v.language };
  return { status: 'ok', detector: v.detector, score: v.score, threshold: v.threshold, flagged: v.flagged, ai_share: v.aiShare, words: v.words, segments: v.segments };
}
