import type { Candidate, DocumentRow, PairResultRow, Store } from '../../store/index.js';
import { nowIso } from '../../store/index.js';
import { alignTexts, alignTranslation, findCommonText, loadStemmers, phraseRuns, scoreSubmission, textFingerprints, translatedFingerprints, type Passage, type PreparedText, type SourcePassages, type TranslationLexicon } from '../../engine/index.js';
import { availableDictionaries, loadFreedictLexicon, missingDictionaryReason } from '../../dictionaries/freedict.js';
import type { StoredAi, StoredAnalysis, StoredSource, StoredTranslation } from '../../services/analysis-model.js';
import { detectAiTextBuiltin } from '../../ai-models/index.js';
import { scoreOptionsFor } from '../../report/score-options.js';
import type { AssignmentSettings } from '../../services/settings.js';
import { decodePair, encodePair, pairOptionsKey, type PairResult } from './pair-result.js';
import { preparedText } from './prepared-cache.js';
import { isProgram } from '../../extract/index.js';

/**
 * Shortest passage (characters, both sides) the service reports. The aligner's own default (150)
 * suits PAN's long cases; a copied sentence of about 13 words in a student essay is evidence a
 * teacher wants to see. Measured on the PAN dev negatives: 2 of 81 pairs get a passage at 80
 * characters against 1 at 150 (both weak paraphrase seeds), and shorter limits add more.
 */
export const SERVICE_MIN_CHARS = 80;

/** How many candidate sources from the index are aligned in full, most shared fingerprints first. */
export const MAX_CANDIDATES = 50;

/**
 * A fingerprint found in at least this many documents of an assignment is common text of the
 * class (a pasted prompt, the questions): it finds no candidates, and the text it marks is
 * excluded from the score and reported as common. "More than 10" follows MOSS's default for
 * passages that appear in too many programs (its -m option); a group of ten students copying
 * one another is still shown as matches.
 */
export const COMMON_TEXT_MIN_DOCUMENTS = 11;

/** A passage at least this much (share of its characters) inside common text is not a match. */
const COMMON_PASSAGE_SHARE = 0.8;

/** The language sources are translated into: cross-language detection looks for English sources. */
export const TRANSLATION_TARGET = 'en';

/**
 * Cross-language detection for a submission: the lexicon from its language into English, or why
 * there is none (an English or undetermined text needs none; a language without an installed
 * FreeDict dictionary has none, and the report says so instead of a 0).
 */
export async function translationFor(language: string): Promise<{ lexicon: TranslationLexicon | null; stored: StoredTranslation }> {
  if (language === TRANSLATION_TARGET || language === 'und') {
    return { lexicon: null, stored: { status: 'not_applicable', language, similarity: null, reason: language === 'und' ? 'the language of the text was not recognised' : 'the text is in English, the language of the sources' } };
  }
  const reason = missingDictionaryReason(language);
  const lexicon = reason === null ? await loadFreedictLexicon(language) : null;
  if (!lexicon) return { lexicon: null, stored: { status: 'unavailable', language, similarity: null, reason: reason ?? 'the dictionary could not be read' } };
  return { lexicon, stored: { status: 'ok', language, similarity: 0 } };
}

/**
 * Earlier peers in a language with a dictionary whose translated fingerprints share some with an
 * English document's own (`fingerprints`, common text left out), most shared first.
 */
async function translatingPeers(store: Store, doc: DocumentRow, fingerprints: ReadonlySet<number>): Promise<Candidate[]> {
  const languages = availableDictionaries();
  const peers = (await store.documents.inAssignmentWithLanguages(doc.assignment_id!, languages)).filter((d) => d.id !== doc.id && d.status !== 'deleted');
  if (peers.length === 0) return [];
  const out: Candidate[] = [];
  for (const t of await store.documents.texts(peers.map((d) => d.id))) {
    const peer = preparedText(t.document_id, t.text);
    const lexicon = (await translationFor(peer.language)).lexicon;
    if (!lexicon) continue;
    let shared = 0;
    for (const h of translatedFingerprints(peer, lexicon)) if (fingerprints.has(h)) shared++;
    if (shared > 0) out.push({ documentId: t.document_id, shared });
  }
  return out.sort((a, b) => b.shared - a.shared || a.documentId - b.documentId);
}

/** Aligns a submission with one source: across languages when a lexicon into the source's language is at hand. */
function alignPair(submission: PreparedText, source: PreparedText, lexicon: TranslationLexicon | null, minWords: number): { passages: Passage[]; phrases: ReturnType<typeof phraseRuns> } {
  if (lexicon && submission.language === lexicon.language && source.language === lexicon.target) {
    return { passages: alignTranslation(submission, source, lexicon, { minChars: SERVICE_MIN_CHARS }), phrases: [] };
  }
  const passages = alignTexts(submission, source, { minWords, minChars: SERVICE_MIN_CHARS });
  return { passages, phrases: passages.length ? phraseRuns(submission, source) : [] };
}

export interface Scopes {
  peers: boolean;
  repository: boolean;
}

/** A composed analysis and what composing it learnt, for the caller to store in one transaction. */
export interface Composed {
  analysis: StoredAnalysis;
  /** Pairs aligned now (they were not stored, or with other aligner options). */
  newPairs: PairResultRow[];
  /** Shared fingerprints of the last candidate kept (0 when fewer than MAX_CANDIDATES were found). */
  floor: number;
  /** Candidates found (at most MAX_CANDIDATES). */
  candidates: number;
  /** Peers of the assignment sharing fingerprints (outside common text) with the document (first checks only). */
  peerShares: Candidate[];
}

/**
 * Composes a text document's report from pair results. Candidates come from the inverted index
 * (peers of the assignment and the organisation's repositories, as the scopes say), without the
 * fingerprints of the class's common text; each candidate's alignment is read from the stored
 * pair results, and only pairs never aligned are aligned now. The submission is then scored.
 * The result depends only on the documents present, not on the order they came in: composing
 * again after every document arrived gives the same report as composing once at the end.
 */
export async function composeText(store: Store, doc: DocumentRow, text: string, settings: AssignmentSettings, scopes: Scopes, reason: string, previousAi?: StoredAi): Promise<Composed> {
  await loadStemmers();
  const submission = preparedText(doc.id, text);
  const hashes = textFingerprints(submission);
  const common = doc.assignment_id !== null ? await store.fingerprints.common(doc.assignment_id, hashes, COMMON_TEXT_MIN_DOCUMENTS) : new Set<number>();
  const query = common.size ? hashes.filter((h) => !common.has(h)) : hashes;
  const scope = {
    organisationId: doc.organisation_id,
    excludeDocumentId: doc.id,
    assignmentId: scopes.peers ? doc.assignment_id : null,
    repositories: scopes.repository ? (true as const) : undefined,
  };
  // Only a first check looks for earlier peers it may join (see the analyse step): every peer
  // sharing fingerprints. Without the repository in scope, that lookup is the candidate lookup
  // without its limit, so one query answers both (ordered alike: most shared first).
  const joinsPeers = reason === 'initial' && scopes.peers && doc.assignment_id !== null;
  const peerShares = joinsPeers
    ? await store.fingerprints.candidates({ organisationId: doc.organisation_id, excludeDocumentId: doc.id, assignmentId: doc.assignment_id }, query, Number.MAX_SAFE_INTEGER)
    : [];
  const candidates = joinsPeers && !scopes.repository
    ? peerShares.slice(0, MAX_CANDIDATES)
    : await store.fingerprints.candidates(scope, query, MAX_CANDIDATES);
  const floor = candidates.length >= MAX_CANDIDATES ? candidates[MAX_CANDIDATES - 1].shared : 0;
  // A text in another language also looks for English sources with its translated fingerprints.
  const translation = await translationFor(submission.language);
  const translatedCandidates = translation.lexicon
    ? await store.fingerprints.candidates(scope, translatedFingerprints(submission, translation.lexicon), MAX_CANDIDATES)
    : [];
  // An English text may be the source of earlier peers in other languages, which its own
  // fingerprints cannot find: those whose translated fingerprints share some with it join too.
  if (joinsPeers && submission.language === TRANSLATION_TARGET) {
    peerShares.push(...await translatingPeers(store, doc, new Set(query)));
  }

  const ids = [...new Set([...candidates, ...translatedCandidates].map((c) => c.documentId))];
  const rows = new Map((await store.documents.byIds(ids)).map((d) => [d.id, d]));
  const excluded = new Set((settings.excluded_sources ?? []).map((x) => x.trim().toLowerCase()));
  const isExcluded = (d: DocumentRow) => [d.public_id, d.title, d.filename].some((n) => n !== null && excluded.has(n.trim().toLowerCase()));
  const wanted = ids.filter((id) => {
    const source = rows.get(id);
    return source !== undefined && source.status !== 'deleted' && !isExcluded(source);
  });
  const key = pairOptionsKey(settings.min_match_words, SERVICE_MIN_CHARS, translation.lexicon?.language ?? null);
  const stored = new Map<number, PairResult>();
  if (doc.id > 0) for (const p of await store.pairs.of(doc.id, wanted)) if (p.options_key === key) stored.set(p.source_id, decodePair(p.result));
  const missing = wanted.filter((id) => !stored.has(id));
  const texts = new Map((await store.documents.texts(missing)).map((t) => [t.document_id, t.text]));
  const newPairs: PairResultRow[] = [];
  const at = nowIso();
  const found: SourcePassages<DocumentRow>[] = [];
  for (const id of wanted) {
    let pair = stored.get(id);
    if (!pair) {
      const sourceText = texts.get(id);
      if (sourceText === undefined) continue;
      pair = alignPair(submission, preparedText(id, sourceText), translation.lexicon, settings.min_match_words);
      if (doc.id > 0) newPairs.push({ document_id: doc.id, source_id: id, options_key: key, result: encodePair(pair), created_at: at });
    }
    if (pair.passages.length) found.push({ source: rows.get(id)!, passages: pair.passages, phrases: pair.phrases });
  }

  // Common text of the class: excluded like template text, and a match lying in it is no match.
  const commonText = findCommonText(submission, common);
  const inCommon = (p: Passage) => {
    let inside = 0;
    for (const e of commonText) inside += Math.max(0, Math.min(p.offset + p.length, e.offset + e.length) - Math.max(p.offset, e.offset));
    return p.length > 0 && inside >= COMMON_PASSAGE_SHARE * p.length;
  };
  const kept = commonText.length
    ? found.map((f) => ({ ...f, passages: f.passages.filter((p) => !inCommon(p)) })).filter((f) => f.passages.length > 0)
    : found;

  const options = { ...scoreOptionsFor(settings), excluded: commonText };
  const score = scoreSubmission(submission, kept, options);
  // Sources below the assignment's threshold leave the report, and the score is computed without them.
  const minShare = settings.exclude_small_sources_percent / 100;
  const keptSources = new Set(score.sources.filter((s) => s.similarity >= minShare).map((s) => s.source.id));
  const keptScore = keptSources.size === score.sources.length ? score : scoreSubmission(submission, kept.filter((f) => keptSources.has(f.source.id)), options);
  // Translation similarity: the share of the text covered by passages translated from a source.
  if (translation.stored.status === 'ok') {
    const translated = kept
      .filter((f) => keptSources.has(f.source.id))
      .map((f) => ({ ...f, passages: f.passages.filter((p) => p.kind === 'translation') }))
      .filter((f) => f.passages.length > 0);
    translation.stored.similarity = translated.length ? scoreSubmission(submission, translated, options).similarity : 0;
  }
  const sources: StoredSource[] = keptScore.sources.map((s) => ({
    document_id: s.source.id,
    public_id: s.source.public_id,
    title: s.source.title,
    scope: doc.assignment_id !== null && s.source.assignment_id === doc.assignment_id ? 'peer' : 'repository',
    similarity: s.similarity,
    passages: s.passages,
  }));
  const analysis: StoredAnalysis = {
    engine: 'text',
    similarity: keptScore.similarity,
    factor1: keptScore.factor1,
    factor2: keptScore.factor2,
    exclusions: keptScore.exclusions,
    language: submission.language,
    sources,
    settings,
    scopes,
    candidates_considered: ids.length,
    translation: translation.stored,
    reason,
    // The AI verdict depends on the text alone: a re-composition keeps the one it had. A program
    // file (.py, .java ...) checked as text gets none: the detector was trained on prose, so a
    // verdict on source code would be a number without meaning (the code engine stores the same).
    ai: !settings.ai_detection ? { status: 'disabled' }
      : isProgram(doc.filename) ? { status: 'not_applicable' }
      : previousAi && previousAi.status !== 'disabled' ? previousAi : aiScore(text, doc.language),
  };
  return { analysis, newPairs, floor, candidates: candidates.length, peerShares };
}

/**
 * The pairs of earlier documents against a new one (`source`), aligned while the new one is at
 * hand: stored with its analysis, they let an earlier report that gains nothing from the new
 * document skip its re-composition.
 */
export async function alignAgainst(store: Store, sourceId: number, sourceText: string, documentIds: readonly number[], settings: AssignmentSettings): Promise<Map<number, PairResultRow & { matches: number }>> {
  await loadStemmers();
  const source = preparedText(sourceId, sourceText);
  const out = new Map<number, PairResultRow & { matches: number }>();
  const at = nowIso();
  for (const t of await store.documents.texts([...documentIds])) {
    const submission = preparedText(t.document_id, t.text);
    // Keyed as the peer's own composition keys its pairs (with the language it translates from).
    const lexicon = (await translationFor(submission.language)).lexicon;
    const key = pairOptionsKey(settings.min_match_words, SERVICE_MIN_CHARS, lexicon?.language ?? null);
    const pair = alignPair(submission, source, lexicon, settings.min_match_words);
    out.set(t.document_id, { document_id: t.document_id, source_id: sourceId, options_key: key, result: encodePair(pair), created_at: at, matches: pair.passages.length });
  }
  return out;
}

/**
 * Checks a text document against its candidates without storing anything (benchmarks, and callers
 * that only want the analysis): `composeText` without the bookkeeping.
 */
export async function analyseText(store: Store, doc: DocumentRow, text: string, settings: AssignmentSettings, scopes: Scopes, reason: string): Promise<StoredAnalysis> {
  return (await composeText(store, doc, text, settings, scopes, reason)).analysis;
}

/** The built-in AI-text detector's verdict, in the stored form. */
export function aiScore(text: string, language: string | null): StoredAi {
  const v = detectAiTextBuiltin(text, { language: language && language !== 'und' ? language : undefined });
  if (v.status === 'too_short') return { status: 'too_short', words: v.words, min_words: v.minWords };
  if (v.status === 'unsupported_language') return { status: 'unsupported_language', language: v.language };
  return {
    status: 'ok', detector: v.detector, score: v.score, threshold: v.threshold, inconclusive_threshold: v.inconclusiveThreshold,
    verdict: v.verdict, flagged: v.flagged, ai_share: v.aiShare, words: v.words, segments: v.segments,
  };
}

