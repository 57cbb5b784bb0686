import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFeatures, featureLength, HABIT_FEATURES, type FeatureSpec } from './features.js';
import { flattenWhitespace } from './segments.js';
import { sentences, tokenize } from './tokens.js';

const spec: FeatureSpec = { hashBits: 6, maxN: 2, habits: true };
const base = featureLength({ ...spec, habits: false });

function habits(text: string): Record<string, number> {
  const flat = flattenWhitespace(text);
  const tokens = tokenize(flat);
  const x = extractFeatures(flat, tokens, sentences(flat, tokens), spec);
  return Object.fromEntries(HABIT_FEATURES.map((name, k) => [name, x[base + k]]));
}

test('the habit block adds its features after the hashed n-grams, and only when asked for', () => {
  assert.equal(featureLength(spec), base + HABIT_FEATURES.length);
  const flat = 'Plain words here. More plain words there.';
  const tokens = tokenize(flat);
  assert.equal(extractFeatures(flat, tokens, sentences(flat, tokens), { ...spec, habits: false }).length, base);
});

test('stock phrases and sentence-opening connectives are counted; plain prose has none', () => {
  const generated = 'However, it is important to note that sleep plays a crucial role in health. In addition, exercise can help as well as diet. Overall, there are several benefits.';
  const plain = 'We went to the lake on Sunday. My brother caught two fish and I caught none. Dad laughed at me all the way home.';
  const g = habits(generated);
  const p = habits(plain);
  // "it is important to", "plays a crucial role", "in addition", "can help", "as well as", "overall,", "there are several": 7 in 28 words.
  assert.equal(g.stock_phrase_rate, (7 / 28) * 20);
  assert.equal(g.initial_connective_share, 1, 'every sentence opens with a connective and a comma');
  assert.equal(p.stock_phrase_rate, 0);
  assert.equal(p.initial_connective_share, 0);
});

test('sentences alike in commas and function words score low on the two spread features', () => {
  const even = 'The cat, the dog and the bird sat in the sun. The man, the boy and the girl ran to the park. The sea, the sand and the sky were in the view.';
  const uneven = 'The cats sat down. Well, honestly, frankly, truly, I do not, in any way, like them, or their fur, at all. The dogs sleep now.';
  assert.equal(habits(even).sentence_comma_cv, 0);
  assert.ok(habits(uneven).sentence_comma_cv > 1);
  assert.ok(habits(even).sentence_function_word_sd < habits(uneven).sentence_function_word_sd);
});

test('a segment counts the stock phrases of its own tokens only', () => {
  const flat = 'It is important to rest. We swam in the cold river all day long.';
  const tokens = tokenize(flat);
  const second = tokens.findIndex((t) => t.text === 'We');
  const segTokens = tokens.slice(second);
  const segSents = sentences(flat, tokens).filter((s) => s.first >= second).map((s) => ({ ...s, first: s.first - second, last: s.last - second }));
  const x = extractFeatures(flat, segTokens, segSents, spec);
  assert.equal(x[base + HABIT_FEATURES.indexOf('stock_phrase_rate')], 0);
  const whole = extractFeatures(flat, tokens, sentences(flat, tokens), spec);
  assert.ok(whole[base + HABIT_FEATURES.indexOf('stock_phrase_rate')] > 0);
});
