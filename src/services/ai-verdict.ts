/**
 * The AI-text verdict of a stored analysis, as the vendor adapters map it onto their fields.
 * Analyses stored before the three verdicts existed carry only `flagged`: they read as flagged or
 * not flagged. A vendor field that means "AI share" or "AI probability" gets a value only for a
 * flagged text: an inconclusive text is no evidence, so it is sent as 0, never as a share.
 */
import type { StoredAi } from './analysis-model.js';

export type AiVerdictLevel = 'flagged' | 'inconclusive' | 'not_flagged';

type OkAi = Extract<StoredAi, { status: 'ok' }>;

export function aiVerdictOf(ai: OkAi): AiVerdictLevel {
  return ai.verdict ?? (ai.flagged ? 'flagged' : 'not_flagged');
}

/** Share (0..1) of the words in the passages that drove a flagged verdict; 0 unless flagged. */
export function flaggedShare(ai: OkAi): number {
  return aiVerdictOf(ai) === 'flagged' ? ai.ai_share : 0;
}

/** The verdict as a 0-100 index for fields that want one number: 0 not flagged, 50 inconclusive, 100 flagged. */
export function verdictIndex(ai: OkAi): number {
  return { flagged: 100, inconclusive: 50, not_flagged: 0 }[aiVerdictOf(ai)];
}
