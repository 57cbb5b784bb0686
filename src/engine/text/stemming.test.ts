import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadStemmers, stemmerFor } from './stemming.js';
import { stemPolish } from './polish-stemmer.js';
import { prepareText } from './prepare.js';

test('English is stemmed with Porter without loading anything', () => {
  const en = stemmerFor('en');
  assert.equal(en?.name, 'porter');
  assert.equal(en?.stem('connections'), en?.stem('connected'));
  assert.equal(en?.stem('running'), 'run');
});

test('Polish forms of one word share a stem', () => {
  assert.equal(stemPolish('książkami'), stemPolish('książki'));
  assert.equal(stemPolish('miastach'), stemPolish('miasto'));
  assert.equal(stemPolish('kot'), 'kot'); // too short to strip
});

test('the Snowball languages are stemmed once loaded', async () => {
  await loadStemmers();
  const cases: [string, string, string][] = [
    ['de', 'Häuser', 'Häusern'], ['es', 'comerciales', 'comercial'], ['fr', 'continuellement', 'continuel'],
    ['it', 'fiumi', 'fiume'], ['pt', 'comerciantes', 'comerciante'], ['nl', 'rivieren', 'rivier'],
    ['sv', 'floderna', 'floden'], ['no', 'elvene', 'elven'], ['cs', 'města', 'město'],
    ['tr', 'kitaplar', 'kitap'], ['ru', 'городами', 'города'],
  ];
  for (const [lang, a, b] of cases) {
    const s = stemmerFor(lang);
    assert.ok(s, `stemmer for ${lang}`);
    assert.ok(s.name.startsWith('snowball-'));
    assert.equal(s.stem(a.toLowerCase()), s.stem(b.toLowerCase()), `${lang}: ${a} / ${b}`);
  }
});

test('prepared words carry stems and stop-word flags of the detected language', () => {
  const p = prepareText('The connections were running between the cities.');
  assert.equal(p.stemmer, 'porter');
  const byKey = Object.fromEntries(p.words.map((w) => [w.key, w]));
  assert.equal(byKey.the.stop, true);
  assert.equal(byKey.connections.stop, false);
  assert.equal(byKey.running.stem, 'run');
  assert.equal(byKey.cities.stem, 'citi');
});
