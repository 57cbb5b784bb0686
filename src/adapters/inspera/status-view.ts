import type { DocumentRow } from '../../store/index.js';
import type { StoredAnalysis } from '../../services/analysis-model.js';
import { percent } from '../../services/report-service.js';
import { verdictIndex } from '../../services/ai-verdict.js';

/** Inspera's document status codes (webhooks and the Moodle plugin's poll). */
export const STATUS = { processing: -1, queued: 0, processed: 1, failed: 2, changed: 3 } as const;

export const STATUS_MESSAGES: Record<number, string> = {
  [STATUS.queued]: 'Document is still in the queue',
  [STATUS.processing]: 'Document is processing',
  [STATUS.processed]: 'Document is processed',
  [STATUS.changed]: 'Document had some changes',
  [STATUS.failed]: 'Something went wrong, please report this',
};

/** Origo's document status → Inspera's code; a document whose file has not arrived yet is queued. */
export function statusCode(doc: DocumentRow | null): number {
  if (!doc || doc.status === 'queued') return STATUS.queued;
  if (doc.status === 'done') return STATUS.processed;
  if (doc.status === 'failed' || doc.status === 'deleted') return STATUS.failed;
  return STATUS.processing;
}

/**
 * Risk bands of the `originality` field. The documentation names three bands but no numbers; these
 * are Origo's, applied to every score that exists (similarity, and the AI score when there is one):
 * High risk when a score reaches its high mark, Medium risk when one reaches its medium mark, else
 * Low risk. Percentages, inclusive lower bounds.
 */
export const RISK_BANDS = {
  similarity: { high: 40, medium: 15 },
  ai: { high: 80, medium: 50 },
} as const;

export type Risk = 'High risk' | 'Medium risk' | 'Low risk';

export function riskOf(similarityPercent: number, aiPercent: number | null): Risk {
  const at = (band: { high: number; medium: number }, v: number | null) => (v === null ? 0 : v >= band.high ? 2 : v >= band.medium ? 1 : 0);
  const level = Math.max(at(RISK_BANDS.similarity, similarityPercent), at(RISK_BANDS.ai, aiPercent));
  return level === 2 ? 'High risk' : level === 1 ? 'Medium risk' : 'Low risk';
}

/**
 * The AI-text verdict of an analysis as Inspera's AI_index (a percentage): 0 not flagged, 50
 * inconclusive, 100 flagged. The detector's raw score is not a calibrated probability, so it is
 * never sent as one; the verdict is. Null when there is no verdict: detection off, text too short,
 * language not supported, code, or an analysis stored before AI scores existed.
 */
export function aiPercent(analysis: StoredAnalysis): number | null {
  const ai = analysis.ai as StoredAnalysis['ai'] | undefined;
  return ai && ai.status === 'ok' ? verdictIndex(ai) : null;
}

export interface Scores {
  similarity: number;
  /** Percent covered by passages translated from English sources; null when not computed. */
  translation_similarity: number | null;
  AI_index: number | null;
  originality: Risk;
}

/** The score fields of a processed document, as both the poll and the webhooks send them. */
export function scoresOf(analysis: StoredAnalysis): Scores {
  const similarity = percent(analysis.similarity);
  const ai = aiPercent(analysis);
  // Translation similarity: computed for German, Polish, Spanish and French text when the FreeDict
  // dictionary is installed; null (the not-available answer) for English text, code, or no dictionary.
  const t = analysis.translation;
  const translation = t && t.status === 'ok' && typeof t.similarity === 'number' ? percent(t.similarity) : null;
  return { similarity, translation_similarity: translation, AI_index: ai, originality: riskOf(similarity, ai) };
}

/** The integrity signals the extraction found (counts), for the newer generation's checkStatus. */
export interface IntegrityCounts {
  characterReplacement: number;
  hiddenText: number;
  imageAsText: number;
}

export function integrityCounts(extraction: Record<string, unknown> | null): IntegrityCounts | null {
  const s = extraction?.signals as { hiddenText?: { count?: number }; replacedCharacters?: { count?: number }; imageOnlyPages?: unknown[] } | undefined;
  if (!s) return null;
  return {
    characterReplacement: s.replacedCharacters?.count ?? 0,
    hiddenText: s.hiddenText?.count ?? 0,
    imageAsText: Array.isArray(s.imageOnlyPages) ? s.imageOnlyPages.length : 0,
  };
}

/**
 * The checkStatus body: both generations' field names at once (the older `AI_index` and
 * `translation_similarity`, the newer `ai_index`, `translationSimilarity` and
 * `originality_percentage`), scores only once the document is processed.
 */
export function checkStatusBody(doc: DocumentRow | null, analysis: StoredAnalysis | null, integrity: IntegrityCounts | null): Record<string, unknown> {
  const status = statusCode(doc);
  const body: Record<string, unknown> = { message: STATUS_MESSAGES[status], status };
  if (status === STATUS.failed && doc?.reason) body.message = `${STATUS_MESSAGES[status]}: ${doc.reason}`;
  if (status === STATUS.processed && analysis) {
    const s = scoresOf(analysis);
    Object.assign(body, {
      similarity: s.similarity,
      // The Moodle plugin stores originality_percentage as the document's similarity score.
      originality_percentage: s.similarity,
      translation_similarity: s.translation_similarity,
      translationSimilarity: s.translation_similarity,
      AI_index: s.AI_index,
      ai_index: s.AI_index,
      originality: s.originality,
      characterReplacement: integrity?.characterReplacement ?? null,
      hiddenText: integrity?.hiddenText ?? null,
      imageAsText: integrity?.imageAsText ?? null,
    });
  }
  return body;
}
