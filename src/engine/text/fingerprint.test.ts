import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retrievalHashes, textFingerprints } from './fingerprint.js';
import { winnow } from './winnow.js';
import { prepareText } from './prepare.js';

test('winnowing keeps one minimum per window, so every run of w hashes holds a pick', () => {
  const hashes = [77, 74, 42, 17, 98, 50, 17, 98, 8, 88, 67, 39, 77, 74, 42, 17, 98];
  const picked = winnow(hashes, 4);
  for (let i = 0; i + 4 <= hashes.length; i++) assert.ok(picked.some((p) => p >= i && p < i + 4), `window at ${i}`);
  // Rightmost minimum on ties: window [17, 98, 50, 17] picks index 6, not 3 again.
  assert.ok(picked.includes(6));
});

test('fingerprints are distinct, sorted and deterministic', () => {
  const text = 'The harbour authority dredged the northern channel so that larger steamships could reach the docks.';
  const a = textFingerprints(prepareText(text));
  assert.deepEqual(a, textFingerprints(prepareText(text)));
  assert.deepEqual(a, [...new Set(a)].sort((x, y) => x - y));
  assert.ok(a.length > 0);
});

test('retrieval k-grams survive reordering and inflection; unrelated text shares none', () => {
  const source = prepareText('The harbour authority dredged the northern channel so that larger steamships could reach the inner docks of the town.');
  const para = prepareText('So that steamships, larger ones, could reach the docks inside the town, the authority of the harbour dredged channels in the north.');
  const other = prepareText('Photosynthesis converts light energy into chemical energy stored in sugars by green plants.');
  const shared = (x: number[], y: number[]) => x.filter((h) => y.includes(h)).length;
  // Order-free stem pairs shared: {harbour, author}, {larger, steamship}.
  const hs = retrievalHashes(source);
  assert.equal(shared(hs, retrievalHashes(para)), 2);
  assert.equal(shared(hs, retrievalHashes(other)), 0);
  // Exact word 5-grams would share nothing here.
  assert.equal(shared(textFingerprints(source), textFingerprints(other)), 0);
});
