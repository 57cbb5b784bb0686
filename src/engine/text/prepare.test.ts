import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareText } from './prepare.js';

test('words keep their ORIGINAL offsets through invisible characters and homoglyphs', () => {
  const text = 'A pla\u200Bgiar\u0456sm case.';
  const p = prepareText(text);
  const w = p.words[1];
  assert.equal(w.key, 'plagiarism');
  assert.equal(text.slice(w.start, w.end), 'pla\u200Bgiar\u0456sm');
  assert.deepEqual(p.hidden.map((h) => h.kind), ['invisible', 'homoglyph']);
});

test('sentences end at terminal punctuation before a capital, not after abbreviations', () => {
  const text = 'It works, e.g. here. Then it stops! Done';
  const p = prepareText(text);
  assert.deepEqual(p.sentences.map((s) => text.slice(s.start, s.end)), ['It works, e.g. here.', 'Then it stops!', 'Done']);
});

test('a blank line ends a sentence (headings)', () => {
  const text = 'Introduction\n\nThe text starts here.';
  const p = prepareText(text);
  assert.equal(p.sentences.length, 2);
  assert.equal(text.slice(p.sentences[0].start, p.sentences[0].end), 'Introduction');
});

test('scripts without spaces are segmented with Intl.Segmenter', () => {
  const p = prepareText('我们去学校');
  assert.ok(p.words.length >= 2, `${p.words.length} words`);
  assert.equal(p.words.map((w) => w.key).join(''), '我们去学校');
});

test('contractions stay one word and digits are words', () => {
  const p = prepareText("Don't stop at 42.");
  assert.deepEqual(p.words.map((w) => w.key), ["don't", 'stop', 'at', '42']);
});

test('odd inputs: offsets stay inside the text and alignment does not throw', async () => {
  const { alignTexts } = await import('./align/align.js');
  const odd = [
    '', '   \n\n  ', '!!! ??? ...', 'a'.repeat(5000), '😀 emoji 😀 w😀rd', 'שלום עולם. مرحبا بالعالم.',
    '日本語のテキストです。これは二文目です。', '\u200B\u200C\u200D', 'x\u0301\u0302\u0303 y', 'don\'t \'quote\' it’s',
  ];
  for (const text of odd) {
    const p = prepareText(text);
    for (const w of p.words) {
      assert.ok(w.start >= 0 && w.end <= text.length && w.start < w.end, JSON.stringify(text));
      assert.ok(w.key.length > 0);
    }
    for (const s of p.sentences) assert.ok(s.start >= 0 && s.end <= text.length);
    for (const other of odd) alignTexts(p, prepareText(other));
  }
});
