/**
 * The words every renderer uses for the AI-text verdict, so that the viewer, the PDFs, the DOCX
 * and the web UI say the same thing as the JSON report model. The verdict is one of three words
 * (flagged, inconclusive, not flagged); the score is a 0-100 number with its two thresholds, never
 * a "percent written by AI"; the share is the share of the words in the highlighted passages.
 */
import type { AiReport } from './model.js';

type AiOk = Extract<AiReport, { available: true }>;

export const AI_VERDICT_LABEL: Record<AiOk['verdict'], string> = {
  flagged: 'Flagged',
  inconclusive: 'Inconclusive',
  not_flagged: 'Not flagged',
};

/** One line: "AI-text check: Flagged (score 91 of 100; inconclusive from 57, flagged from 86)". */
export function aiSummary(ai: AiReport): string {
  if (!ai.available) return `AI-text check: not available. ${ai.reason}`;
  return `AI-text check: ${AI_VERDICT_LABEL[ai.verdict]} (score ${ai.score} of 100; inconclusive from ${ai.inconclusive_threshold}, flagged from ${ai.threshold})`;
}

/** What the verdict means, for the reader of a report. */
export function aiExplanation(ai: AiOk): string {
  const what = {
    flagged: 'The writing style scores at or above the flag threshold, which no human-written text of any genre in our calibration data reached.',
    inconclusive: 'The writing style scores between the two thresholds, where both human-written and machine-written texts occur. This is no evidence either way.',
    not_flagged: 'The writing style scores below the inconclusive threshold. A low score does not show that a person wrote the text.',
  }[ai.verdict];
  return `${what} The score (0 to 100) measures how much the writing style resembles text from language models in our training data; it is a statistical estimate, not proof, and not a share of the text written by a machine. Treat it as a reason to talk with the student, never as a verdict on its own.`;
}

/** The passages line: only for a verdict that has highlighted passages. */
export function aiPassages(ai: AiOk): string {
  const n = ai.segments.filter((s) => s.ai).length;
  if (!n) return ai.verdict === 'not_flagged' ? 'No passage is highlighted: the text is not flagged.' : 'No passage is highlighted.';
  return `${n} highlighted passage${n === 1 ? '' : 's'} (${ai.share}% of the words) drove the verdict: each scores at or above the inconclusive threshold on its own, or is the highest-scoring one.`;
}

/** The label of one highlighted passage. */
export function aiPassageLabel(segment: AiOk['segments'][number]): string {
  return `AI-text check: passage that drove the verdict (its own score ${segment.probability} of 100)`;
}
