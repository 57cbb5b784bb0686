#!/usr/bin/env node
// Candidate-retrieval check on the PAN dev subset: for every pair, how many winnowed
// fingerprints (textFingerprints) the suspicious document shares with the source. Prints ONE
// JSON line: per sub-corpus, pairs with a case that share >= 1 and >= 2 fingerprints, and the
// same for pairs without a case (which an index would also propose).
// usage: node bench/pan-retrieval.mjs [corpus-dir]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareText, textFingerprints, winnow } from '../dist/engine/index.js';
import { kgramHashes } from '../dist/engine/text/hash.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.argv[2] ?? process.env.ORIGO_PAN_DEV ?? join(root, '../shared/data/pan-dev'));
// For comparison: exact word 5-grams winnowed with w = 4 (the first scheme of the skeleton).
const word5 = (p) => { const h = kgramHashes(p.words.map((w) => w.key), 5); return winnow(h, 4).map((i) => h[i]); };
const schemes = { textFingerprints, word5 };
const output = {};
for (const [scheme, fp] of Object.entries(schemes)) {
const cache = new Map();
const fingerprints = (path) => {
  if (!cache.has(path)) cache.set(path, new Set(fp(prepareText(readFileSync(path, 'utf8')))));
  return cache.get(path);
};
const result = {};
for (const sub of readdirSync(corpus).filter((d) => /^\d\d-/.test(d)).sort()) {
  const row = { withCase: 0, withCaseShare1: 0, withCaseShare2: 0, without: 0, withoutShare1: 0, withoutShare2: 0 };
  for (const line of readFileSync(join(corpus, sub, 'pairs'), 'utf8').trim().split('\n')) {
    const [susp, src] = line.trim().split(/\s+/);
    const truth = join(corpus, sub, `${susp.replace(/\.txt$/, '')}-${src.replace(/\.txt$/, '')}.xml`);
    const positive = existsSync(truth) && readFileSync(truth, 'utf8').includes('name="plagiarism"');
    const a = fingerprints(join(corpus, 'susp', susp));
    let shared = 0;
    for (const h of fingerprints(join(corpus, 'src', src))) if (a.has(h)) shared++;
    const p = positive ? 'withCase' : 'without';
    row[p]++;
    if (shared >= 1) row[`${p}Share1`]++;
    if (shared >= 2) row[`${p}Share2`]++;
  }
  result[sub] = row;
}
output[scheme] = result;
}
console.log(JSON.stringify({ bench: 'pan-retrieval', corpus, ...output }));
