import type { DocumentRow, Store } from '../../store/index.js';
import { alignTexts, prepareText, scoreSubmission, textFingerprints } from '../../engine/index.js';
import type { StoredAnalysis, StoredSource } from '../../services/analysis-model.js';
import type { AssignmentSettings } from '../../services/settings.js';

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
  const found: { source: DocumentRow; passages: ReturnType<typeof alignTexts> }[] = [];
  for (const id of ids) {
    const source = rows.get(id);
    const sourceText = texts.get(id);
    if (!source || sourceText === undefined || source.status === 'deleted') continue;
    const passages = alignTexts(submission, prepareText(sourceText), { minWords: settings.min_match_words });
    if (passages.length) found.push({ source, passages });
  }
  const score = scoreSubmission(submission, found);
  const minShare = settings.exclude_small_sources_percent / 100;
  const kept = score.sources.filter((s) => s.similarity >= minShare);
  const keptScore = kept.length === score.sources.length ? score : scoreSubmission(submission, kept.map((s) => ({ source: s.source, passages: s.passages })));
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
    sources,
    settings,
    scopes,
    candidates_considered: candidates.length,
    reason,
  };
}
