#!/usr/bin/env node
// Word segmentation speed: Intl.Segmenter (word granularity, line by line and on whole texts) against the engine's segmentWords, on the first 60 suspicious
// documents of the PAN dev subset. Prints ONE JSON line: characters, words found by each,
// words with identical spans, seconds and MB/s of each.
// usage: node bench/segmenter.mjs [corpus-dir]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { segmentWords } from '../dist/engine/text/words.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.argv[2] ?? process.env.ORIGO_PAN_DEV ?? join(root, '../shared/data/pan-dev'));
const texts = readdirSync(join(corpus, 'susp')).sort().slice(0, 60).map((f) => readFileSync(join(corpus, 'susp', f), 'utf8'));
const chars = texts.reduce((t, x) => t + x.length, 0);

const seg = new Intl.Segmenter('en', { granularity: 'word' });
let t0 = process.hrtime.bigint();
const viaIntl = texts.map((text) => {
  const spans = [];
  let base = 0;
  for (const line of text.split('\n')) {
    for (const s of seg.segment(line)) if (s.isWordLike) spans.push(`${base + s.index}:${base + s.index + s.segment.length}`);
    base += line.length + 1;
  }
  return spans;
});
const intlSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
t0 = process.hrtime.bigint();
let wholeWords = 0;
for (const text of texts) for (const s of seg.segment(text)) if (s.isWordLike) wholeWords++;
const wholeSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
t0 = process.hrtime.bigint();
const viaScan = texts.map((text) => segmentWords(text).map((w) => `${w.start}:${w.end}`));
const scanSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
let same = 0;
viaIntl.forEach((spans, i) => { const s = new Set(viaScan[i]); for (const x of spans) if (s.has(x)) same++; });
console.log(JSON.stringify({
  bench: 'segmenter', documents: texts.length, chars,
  intl: { words: viaIntl.flat().length, seconds: Number(intlSeconds.toFixed(3)), mbPerSecond: Number((chars / 1e6 / intlSeconds).toFixed(2)) },
  intlWholeTexts: { words: wholeWords, seconds: Number(wholeSeconds.toFixed(3)), mbPerSecond: Number((chars / 1e6 / wholeSeconds).toFixed(2)) },
  scan: { words: viaScan.flat().length, seconds: Number(scanSeconds.toFixed(3)), mbPerSecond: Number((chars / 1e6 / scanSeconds).toFixed(2)) },
  identicalSpans: same,
}));
