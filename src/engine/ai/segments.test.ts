import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planAiSegments, AI_MIN_WORDS } from './segments.js';

// A sentence of 12 words; n of them make a text of 12n words.
const SENTENCE = 'The students in the old class wrote their essays about the river. ';
const english = (sentences: number) => SENTENCE.repeat(sentences);

test('under 150 words the answer is too short, with the count', () => {
  const plan = planAiSegments(english(12), ['en']); // 144 words
  assert.deepEqual(plan, { status: 'too_short', words: 144, minWords: AI_MIN_WORDS });
});

test('a language the model was not trained on is unsupported, by the hint or by the text', () => {
  assert.deepEqual(planAiSegments(english(20), ['en'], 'de'), { status: 'unsupported_language', language: 'de' });
  const german = 'Die Studenten schrieben gestern lange Aufsätze über Flüsse, Berge und Städte. '.repeat(20);
  assert.deepEqual(planAiSegments(german, ['en']), { status: 'unsupported_language', language: 'de' });
  assert.equal(planAiSegments(english(20), ['en'], 'en').status, 'ok');
});

test('segments follow sentence boundaries, hold 100 to 300 words and cover the text in order', () => {
  const text = english(60); // 720 words
  const plan = planAiSegments(text, ['en']);
  assert.equal(plan.status, 'ok');
  if (plan.status !== 'ok') return;
  assert.equal(plan.words, 720);
  assert.ok(plan.segments.length >= 3 && plan.segments.length <= 5, `${plan.segments.length} segments`);
  let words = 0;
  let end = 0;
  for (const s of plan.segments) {
    assert.ok(s.words >= 100 && s.words <= 300, `segment of ${s.words} words`);
    assert.ok(s.offset >= end);
    assert.ok(text.slice(s.offset).startsWith('The students'), 'a segment starts at a sentence start');
    assert.ok(text.slice(s.offset, s.offset + s.length).endsWith('river.'), 'and ends at a sentence end');
    words += s.words;
    end = s.offset + s.length;
  }
  assert.equal(words, 720);
});

test('a text of 150 to 300 words is one segment; a long unpunctuated text is still cut', () => {
  const one = planAiSegments(english(20), ['en']);
  assert.equal(one.status === 'ok' && one.segments.length, 1);
  const run = 'and the river went on through the town '.repeat(100); // 800 words, no sentence end
  const plan = planAiSegments(run, ['en']);
  assert.equal(plan.status, 'ok');
  if (plan.status === 'ok') {
    assert.ok(plan.segments.length >= 3);
    for (const s of plan.segments) assert.ok(s.words <= 300, `segment of ${s.words} words`);
  }
});
