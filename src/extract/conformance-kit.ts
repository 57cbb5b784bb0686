import type { Extraction } from './types.js';

/** Words of a text, lower-cased, for in-order comparison. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Length of the longest common subsequence of two word lists (words recovered in order). */
export function wordsInOrder(expected: string[], actual: string[]): number {
  let prev = new Uint32Array(actual.length + 1);
  let row = new Uint32Array(actual.length + 1);
  for (let i = 1; i <= expected.length; i++) {
    for (let j = 1; j <= actual.length; j++) {
      row[j] = expected[i - 1] === actual[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    }
    [prev, row] = [row, prev];
  }
  return prev[actual.length];
}

/**
 * The checks every extractor must pass on a valid file (JPlag-style shared kit): returns the list
 * of violations, empty when the extraction conforms.
 */
export function conformanceProblems(extraction: Extraction, knownText?: string, minRecall = 0.98): string[] {
  const problems: string[] = [];
  const { text, blocks, counts } = extraction;
  if (!/[\p{L}\p{N}]/u.test(text)) problems.push('text is empty');
  if (counts.characters !== text.length) problems.push(`counts.characters ${counts.characters} != text length ${text.length}`);
  if (blocks.length === 0) problems.push('no blocks in the offset map');
  let lastEnd = 0;
  let lastPage = 0;
  for (const [i, block] of blocks.entries()) {
    if (block.offset < lastEnd) problems.push(`block ${i} starts at ${block.offset}, before the previous block ends at ${lastEnd}`);
    if (block.offset + block.length > text.length) problems.push(`block ${i} ends at ${block.offset + block.length}, past the text (${text.length})`);
    if (!/\S/.test(text.slice(block.offset, block.offset + block.length))) problems.push(`block ${i} covers only white space`);
    if (block.page !== undefined) {
      if (block.page < lastPage) problems.push(`block ${i} is on page ${block.page}, after page ${lastPage}`);
      if (block.page < 1 || block.page > counts.pages) problems.push(`block ${i} is on page ${block.page}, outside 1..${counts.pages}`);
      lastPage = block.page;
    }
    lastEnd = block.offset + block.length;
  }
  if (knownText !== undefined) {
    const expected = wordsOf(knownText);
    const recovered = wordsInOrder(expected, wordsOf(text));
    if (recovered < expected.length * minRecall) problems.push(`only ${recovered} of ${expected.length} known words recovered in order`);
  }
  return problems;
}
