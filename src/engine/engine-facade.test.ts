import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignTexts, prepareText, scoreSubmission, textFingerprints, winnow } from './index.js';

const shared =
  'The industrial revolution transformed the economic and social structure of Britain in ways that historians still debate today, especially the effect on wages and the living standards of workers.';

test('winnowing picks the minimum of every window and guarantees a fingerprint for long shared runs', () => {
  //  hashes:   5 3 7 3 9 1 4
  //  windows of 3: [5 3 7]→1 [3 7 3]→3 (rightmost) [7 3 9]→3 [3 9 1]→5 [9 1 4]→5
  assert.deepEqual(winnow([5, 3, 7, 3, 9, 1, 4], 3), [1, 3, 5]);
  assert.deepEqual(winnow([], 4), []);
  assert.deepEqual(winnow([9, 2], 4), [1]);
});

test('fingerprints of two texts sharing a paragraph intersect; unrelated texts do not', () => {
  const a = textFingerprints(prepareText(`Alice begins her essay. ${shared} Then gardens.`));
  const b = textFingerprints(prepareText(`Bob writes otherwise first. ${shared} And ends with machines.`));
  const c = textFingerprints(prepareText('Arctic terns migrate across the oceans every single year without fail, following the sun.'));
  const inter = (x: number[], y: number[]) => x.filter((h) => y.includes(h)).length;
  assert.ok(inter(a, b) >= 3, `shared fingerprints: ${inter(a, b)}`);
  assert.equal(inter(a, c), 0);
});

test('a shared paragraph is aligned with exact character ranges on both sides', () => {
  const subText = `Alice begins her essay here. ${shared} Then she writes about gardens.`;
  const srcText = `Bob writes something else first, at length. ${shared} And ends with machines.`;
  const passages = alignTexts(prepareText(subText), prepareText(srcText));
  assert.equal(passages.length, 1);
  const p = passages[0];
  const start = subText.indexOf(shared);
  const sourceStart = srcText.indexOf(shared);
  // The passage covers the paragraph (the aligner may stop at the last word, before the final period).
  assert.ok(p.offset <= start + 1 && p.offset + p.length >= start + shared.length - 1, JSON.stringify(p));
  assert.ok(p.sourceOffset <= sourceStart + 1 && p.sourceOffset + p.sourceLength >= sourceStart + shared.length - 1, JSON.stringify(p));
  assert.equal(subText.slice(p.offset, p.offset + 3), srcText.slice(p.sourceOffset, p.sourceOffset + 3));
});

test('similarity is the share of the submission covered, per source and overall', () => {
  const sub = prepareText(`${shared} ${'Original words of the student follow here without any copying at all.'}`);
  const passages = alignTexts(sub, prepareText(`Intro. ${shared}`));
  const score = scoreSubmission(sub, [{ source: 'src-1', passages }, { source: 'src-2', passages: [] }]);
  assert.equal(score.sources.length, 1);
  assert.ok(score.similarity > 0.6 && score.similarity < 0.9, String(score.similarity));
  assert.equal(score.sources[0].similarity, score.similarity);
  assert.equal(scoreSubmission(sub, []).similarity, 0);
});
