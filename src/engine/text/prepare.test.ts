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

test('word columns: the lazily built words equal the columns and the lexicon entries, offsets stay original', async () => {
  const { fnv1a } = await import('./hash.js');
  const { keyHashes } = await import('./key-hashes.js');
  const text = 'The PLA\u200Bgiar\u0456sm cases were copied, 42 times: the cases were COPIED again. 我们去学校';
  const p = prepareText(text);
  const n = p.wordStart.length;
  assert.equal(p.wordEnd.length, n);
  assert.equal(p.wordEntry.length, n);
  const words = p.words;
  assert.equal(p.words, words, 'built once, then cached');
  assert.equal(words.length, n);
  const hashes = keyHashes(p);
  for (let i = 0; i < n; i++) {
    const e = p.forms.entries[p.wordEntry[i]];
    assert.deepEqual(words[i], { start: p.wordStart[i], end: p.wordEnd[i], key: e.key, stem: e.stem, stop: e.stop });
    assert.ok(p.wordStart[i] < p.wordEnd[i] && p.wordEnd[i] <= text.length);
    assert.equal(hashes[i], fnv1a(e.key) | 0);
    assert.equal(p.forms.hashes[p.wordEntry[i]], fnv1a(e.key) | 0);
    assert.equal(p.forms.content[p.wordEntry[i]], !e.stop && /\p{L}/u.test(e.key) ? 1 : 0, e.key);
    assert.equal(p.forms.stemIds[p.wordEntry[i]], e.stemId);
  }
  assert.equal(text.slice(words[1].start, words[1].end), 'PLA\u200Bgiar\u0456sm');
  assert.equal(words[1].key, 'plagiarism');
  // One entry per form: "cases" twice, "copied" in two cases.
  const ids = words.map((w, i) => [w.key, p.wordEntry[i]] as const);
  assert.equal(ids.find(([k]) => k === 'cases')![1], ids.filter(([k]) => k === 'cases')[1][1]);
  assert.equal(new Set(ids.filter(([k]) => k === 'copied').map(([, id]) => id)).size, 1);
  // Stem numbers are shared between texts (and forms) with equal stems; numbers are not content.
  const q = prepareText('The case was copied.');
  const stemIdOf = (t: typeof p, key: string) => t.forms.entries[t.wordEntry[t.words.findIndex((w) => w.key === key)]].stemId;
  assert.equal(stemIdOf(q, 'case'), stemIdOf(p, 'cases'));
  assert.equal(stemIdOf(q, 'copied'), stemIdOf(p, 'copied'));
  assert.equal(p.forms.content[p.wordEntry[words.findIndex((w) => w.key === '42')]], 0);
});

test('a sentence span takes the closing run after its last word (terminal punctuation, closing quotes, at most 8 characters)', () => {
  const CLOSING_RUN = /^[.!?…。！？"'”’»)\]]*/;
  const closers = ['.', '!', '?', '…', '。', '！', '？', '"', "'", '”', '’', '»', ')', ']', ',', ' ', '\n'];
  let seed = 7;
  const rand = (k: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
  for (let round = 0; round < 300; round++) {
    let text = '';
    for (let s = 0; s < 4; s++) {
      text += ['Alpha', 'beta', 'Gamma', 'delta'][rand(4)];
      for (let k = rand(12); k > 0; k--) text += closers[rand(closers.length)];
      text += ' ';
    }
    const p = prepareText(text, { language: 'en' });
    for (const s of p.sentences) {
      const last = p.wordEnd[s.endWord - 1];
      const tail = CLOSING_RUN.exec(text.slice(last, Math.min(text.length, last + 8)));
      assert.equal(s.end, last + (tail ? tail[0].length : 0), JSON.stringify(text));
    }
  }
  const text = 'He said "Stop!" Then he left.)]';
  assert.deepEqual(prepareText(text).sentences.map((s) => text.slice(s.start, s.end)), ['He said "Stop!"', 'Then he left.)]']);
});
