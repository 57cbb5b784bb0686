import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreSubmission } from './similarity.js';
import { phraseRuns } from './factors.js';
import { prepareText } from '../text/prepare.js';
import type { Passage } from '../text/types.js';

function passage(text: string, part: string, source: string, sourcePart = part): Passage {
  return { offset: text.indexOf(part), length: part.length, sourceOffset: source.indexOf(sourcePart), sourceLength: sourcePart.length, kind: 'verbatim', similarity: 1 };
}

/*
 * submission: 10 words "aa bb ... jj"; words 1-6 ("aa".."ff") also appear in the source.
 * similarity = word chars covered / word chars = 12 / 20 = 0.6.
 * factor1 (phrases >= 5 words) = 6 / 10; factor2 (>= 25 words) = 0.
 */
test('similarity, per source, and Plagiat.pl factors on a hand-computed case', () => {
  const text = 'aa bb cc dd ee ff gg hh ii jj';
  const source = 'xx aa bb cc dd ee ff yy';
  const copied = 'aa bb cc dd ee ff';
  const s = scoreSubmission(prepareText(text), [{ source: 'S1', passages: [passage(text, copied, source)], text: prepareText(source) }]);
  assert.equal(s.similarity, 0.6);
  assert.equal(s.sources[0].similarity, 0.6);
  assert.equal(s.factor1, 0.6);
  assert.equal(s.factor2, 0);
  assert.deepEqual(s.exclusions, []);
});

test('factor2 counts only phrases of 25 words or more', () => {
  const words = Array.from({ length: 30 }, (_, i) => `w${i}x`);
  const text = `${words.join(' ')} tail1 tail2 tail3 tail4 tail5 tail6 tail7 tail8 tail9 tail10`;
  const source = words.join(' ');
  const s = scoreSubmission(prepareText(text), [{ source: 1, passages: [passage(text, source, source)], text: prepareText(source) }]);
  assert.equal(s.factor1, 30 / 40);
  assert.equal(s.factor2, 30 / 40);
});

test('factors from stored phrase runs equal the factors from the source texts', () => {
  const words = Array.from({ length: 30 }, (_, i) => `w${i}x`);
  const text = `${words.join(' ')} tail1 tail2 tail3 tail4 tail5 tail6 aa bb cc dd ee ff gg`;
  const s1 = words.join(' ');
  const s2 = 'zz aa bb cc dd ee ff yy';
  const sub = prepareText(text);
  const found = [
    { source: 1, passages: [passage(text, s1, s1)], text: prepareText(s1) },
    { source: 2, passages: [passage(text, 'aa bb cc dd ee ff', s2)], text: prepareText(s2) },
  ];
  const fromTexts = scoreSubmission(sub, found);
  const fromRuns = scoreSubmission(sub, found.map((f) => ({ source: f.source, passages: f.passages, phrases: phraseRuns(sub, f.text) })));
  assert.deepEqual(fromRuns, fromTexts);
  assert.equal(fromTexts.factor1, 36 / 43);
  assert.equal(fromTexts.factor2, 30 / 43);
});

test('quoted text and the references section leave numerator and denominator, and are reported', () => {
  const body = 'one two three four five six seven eight nine ten';
  const text = `${body} "q1 q2 q3 q4" ${body}\nReferences\nr1 r2`;
  // A passage over the quote: the quote's words do not count.
  const sub = prepareText(text);
  const p = passage(text, `"q1 q2 q3 q4" ${body}`, text);
  const s = scoreSubmission(sub, [{ source: 'S', passages: [p] }]);
  // Counted words: 2 x body (2 x 39 chars); covered: the second body (39 chars).
  assert.equal(s.similarity, 0.5);
  assert.deepEqual(s.exclusions.map((e) => e.reason), ['quote', 'references']);
  const off = scoreSubmission(sub, [{ source: 'S', passages: [p] }], { excludeQuotes: false, excludeReferences: false });
  // Without exclusions every word counts: covered quote + body (8 + 39) of 39 + 8 + 39 + 10 + 4.
  assert.equal(off.similarity, 47 / 100);
  assert.deepEqual(off.exclusions, []);
});

test('passages shorter than minMatchWords are excluded and reported', () => {
  const text = 'alpha beta gamma delta epsilon zeta eta theta';
  const short = passage(text, 'alpha beta', text);
  const long = passage(text, 'delta epsilon zeta eta theta', text);
  const s = scoreSubmission(prepareText(text), [{ source: 'S', passages: [short, long] }], { minMatchWords: 3 });
  assert.equal(s.sources[0].passages.length, 1);
  assert.deepEqual(s.exclusions.map((e) => [e.reason, e.offset]), [['short-match', 0]]);
  const counted = 'delta epsilon zeta eta theta'.replace(/ /g, '').length;
  assert.equal(s.similarity, counted / text.replace(/ /g, '').length);
});

test('a quotation copied with a word after its closing mark counts nothing: the remnant is shorter than minMatchWords', () => {
  const own = 'my own words about gardens and bees and the long grey winters';
  const text = `${own} "the keeper climbed the stairs one final time and polished the lens" and then laughed`;
  const source = 'the keeper climbed the stairs one final time and polished the lens and wrote';
  const sub = prepareText(text);
  // The aligner's passage runs past the closing mark by one word.
  const p = passage(text, '"the keeper climbed the stairs one final time and polished the lens" and', source, 'the keeper climbed the stairs one final time and polished the lens and');
  const s = scoreSubmission(sub, [{ source: 'S', passages: [p] }], { minMatchWords: 8 });
  assert.equal(s.similarity, 0);
  assert.equal(s.sources[0].similarity, 0);
  assert.equal(s.sources[0].passages.length, 1, 'the passage is still listed (shown as excluded)');
  assert.deepEqual(s.exclusions.map((e) => e.reason), ['quote']);
  // Without a minimum, the word after the quote counts as before.
  assert.ok(scoreSubmission(sub, [{ source: 'S', passages: [p] }]).similarity > 0);
  // A passage with enough words outside the quote still counts them.
  const long = passage(text, `and the long grey winters "the keeper climbed the stairs one final time and polished the lens" and then laughed`, source);
  assert.ok(scoreSubmission(sub, [{ source: 'S', passages: [long] }], { minMatchWords: 8 }).similarity > 0);
});

test('template text and excluded phrases are left out', () => {
  const text = 'Answer the question below carefully. My answer is entirely my own work here.';
  const template = prepareText('Answer the question below carefully.');
  const all = passage(text, text, text);
  const s = scoreSubmission(prepareText(text), [{ source: 'S', passages: [all] }], { templates: [template], excludedPhrases: ['my own work'] });
  assert.deepEqual(s.exclusions.map((e) => e.reason), ['template', 'phrase']);
  assert.equal(s.similarity, 1); // everything left is covered
  const words = s.exclusions.map((e) => text.slice(e.offset, e.offset + e.length));
  assert.deepEqual(words, ['Answer the question below carefully', 'my own work']);
});
