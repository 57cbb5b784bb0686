import { alignTexts, loadStemmers, phraseRuns } from '../../engine/index.js';
import { encodePair } from './pair-result.js';
import { preparedText } from './prepared-cache.js';

/**
 * Pairs of stored documents to align, with their texts: the unit of work the analysis threads
 * take (the same function runs in the calling thread when there are none).
 */
export interface AlignTask {
  pairs: { submissionId: number; sourceId: number }[];
  texts: Record<number, string>;
  minWords: number;
  minChars: number;
}

/** One aligned pair: its pair result as stored (encodePair) and how many passages it has. */
export interface AlignedPair {
  submissionId: number;
  sourceId: number;
  result: string;
  matches: number;
}

/** Aligns every pair of the task, in order (prepared texts come from this thread's cache). */
export async function alignTask(task: AlignTask): Promise<AlignedPair[]> {
  await loadStemmers();
  return task.pairs.map(({ submissionId, sourceId }) => {
    const submission = preparedText(submissionId, task.texts[submissionId]);
    const source = preparedText(sourceId, task.texts[sourceId]);
    const passages = alignTexts(submission, source, { minWords: task.minWords, minChars: task.minChars });
    const pair = { passages, phrases: passages.length ? phraseRuns(submission, source) : [] };
    return { submissionId, sourceId, result: encodePair(pair), matches: passages.length };
  });
}
