#!/usr/bin/env node
// How well translated fingerprints find the English source of a translated passage (the service's
// candidate lookup, issue 21): for every pair of the cross-language corpus, the number of the
// suspicious document's translated fingerprints (translatedFingerprints) among the source's
// winnowed fingerprints (textFingerprints, what the index stores). Prints ONE JSON line per
// sub-corpus: positive pairs (with a case) sharing >= 1, 2, 3 fingerprints, the same for negative
// pairs, and whether each positive pair's source ranks first among all 62 sources.
// usage: node bench/cross-lang-retrieval.mjs [corpus-dir]   (npm run build first)
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { readPanPairs, readPanText } = await import(join(root, 'dist/pan/corpus.js'));
const { prepareText, textFingerprints, translatedFingerprints, loadStemmers } = await import(join(root, 'dist/engine/text/index.js'));
const { freedictLexicon } = await import(join(root, 'dist/dictionaries/freedict.js'));
const corpus = resolve(process.argv[2] ?? process.env.ORIGO_CROSS_LANG ?? join(root, '../shared/data/cross-lang/pan'));
await loadStemmers(() => createRequire(import.meta.url)('snowball-stemmers'));

const sources = new Map(readdirSync(join(corpus, 'src')).map((n) => [n, new Set(textFingerprints(prepareText(readPanText(corpus, 'src', n))))]));
const queries = new Map();
const out = {};
for (const pair of readPanPairs(corpus)) {
  let q = queries.get(pair.susp);
  if (!q) {
    const p = prepareText(readPanText(corpus, 'susp', pair.susp));
    const lexicon = freedictLexicon(p.language);
    q = lexicon ? translatedFingerprints(p, lexicon) : [];
    queries.set(pair.susp, q);
  }
  const shared = (name) => q.reduce((a, h) => a + (sources.get(name).has(h) ? 1 : 0), 0);
  const n = shared(pair.src);
  const t = (out[pair.subCorpus] ??= { queryHashesMean: 0, docs: new Set(), positives: { pairs: 0, ge1: 0, ge2: 0, ge3: 0, rankedFirst: 0 }, negatives: { pairs: 0, ge1: 0, ge2: 0, ge3: 0 } });
  if (!t.docs.has(pair.susp)) { t.docs.add(pair.susp); t.queryHashesMean += q.length; }
  const side = pair.truth.length ? t.positives : t.negatives;
  side.pairs++;
  if (n >= 1) side.ge1++;
  if (n >= 2) side.ge2++;
  if (n >= 3) side.ge3++;
  if (pair.truth.length && [...sources.keys()].every((o) => o === pair.src || shared(o) < n)) side.rankedFirst++;
}
for (const t of Object.values(out)) { t.queryHashesMean = Math.round(t.queryHashesMean / t.docs.size); delete t.docs; }
console.log(JSON.stringify({ bench: 'cross-lang-retrieval', corpus, subCorpora: out }));
