#!/usr/bin/env node
// Cross-validated PAN score: chooses alignment parameters by five-fold cross-validation inside a
// PAN corpus and scores each fold with the parameters chosen on the other four, so the figure
// says how the choice of parameters carries over to pairs it was not made on.
//
// Folds are by suspicious document (every pair of a suspicious document is in one fold: the
// documents are sorted by name and dealt round-robin). For each fold, every setting of the grid
// below aligns the pairs of the other folds; the one with the best entire plagdet there (ties:
// the earlier setting, the defaults first) aligns the fold's own pairs. The held-out detections
// of the five folds are then scored together, per sub-corpus, with PAN's measures.
//
// Prints ONE JSON line: the grid, each fold's choice, the cross-validated measures (`cv`), the
// measures of the defaults on the whole corpus (`full`), and positive pairs without any
// detection (`unmatchedPositives`) for both.
// usage: node bench/pan-cv.mjs [corpus-dir] [folds]   (npm run build first)
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { readPanPairs, readPanText } = await import(join(root, 'dist/pan/corpus.js'));
const { panMeasures } = await import(join(root, 'dist/pan/measures.js'));
const { prepareText, alignTexts, loadStemmers, DEFAULT_ALIGN_PARAMS } = await import(join(root, 'dist/engine/text/index.js'));

const corpus = resolve(process.argv[2] ?? process.env.ORIGO_PAN_DEV ?? join(root, '../shared/data/pan-dev'));
const folds = Number(process.argv[3] ?? 5);

/**
 * The grid: a few values around each default of the parameters that decide recall against
 * precision (the defaults are in it). Every combination is tried.
 */
const GRID = {
  seedCosine: [0.3, 0.33, 0.36],
  validation: [0.3, 0.34, 0.38],
  synonymWeight: [0, 0.5, 1],
  neighbourReach: [0, 1, 2],
};

function settings() {
  let out = [{}];
  for (const [key, values] of Object.entries(GRID)) {
    out = out.flatMap((s) => values.map((v) => ({ ...s, [key]: v })));
  }
  // Seed cosine and Dice move together (Sanchez-Perez et al. use one threshold for both).
  out = out.map((s) => ({ ...s, seedDice: s.seedCosine }));
  const isDefault = (s) => Object.entries(s).every(([k, v]) => DEFAULT_ALIGN_PARAMS[k] === v);
  return [...out.filter(isDefault), ...out.filter((s) => !isDefault(s))];
}

const require = createRequire(import.meta.url);
await loadStemmers(() => require('snowball-stemmers'));
const pairs = readPanPairs(corpus);
const prepared = new Map();
const prep = (folder, name) => {
  const key = `${folder}/${name}`;
  let p = prepared.get(key);
  if (!p) prepared.set(key, p = prepareText(readPanText(corpus, folder, name)));
  return p;
};
for (const p of pairs) { prep('susp', p.susp); prep('src', p.src); }

const suspNames = [...new Set(pairs.map((p) => p.susp))].sort();
const foldOfSusp = new Map(suspNames.map((n, i) => [n, i % folds]));
const foldOf = pairs.map((p) => foldOfSusp.get(p.susp));

const annotations = (i, passages) => passages.map((d) => ({
  doc: pairs[i].susp, offset: d.offset, length: d.length, source: pairs[i].src, sourceOffset: d.sourceOffset, sourceLength: d.sourceLength,
}));

function score(indices, detectionsOf) {
  const groups = new Map();
  for (const i of indices) {
    for (const name of [pairs[i].subCorpus || 'all', 'entire']) {
      let g = groups.get(name);
      if (!g) groups.set(name, g = { cases: [], found: [], unmatched: 0 });
      const found = annotations(i, detectionsOf(i));
      g.cases.push(...pairs[i].truth);
      g.found.push(...found);
      if (pairs[i].truth.length && found.length === 0) g.unmatched++;
    }
  }
  const r = (x) => Number(x.toFixed(4));
  const out = {};
  for (const [name, g] of [...groups].sort((a, b) => (a[0] === 'entire') - (b[0] === 'entire') || a[0].localeCompare(b[0]))) {
    const m = panMeasures(g.cases, g.found);
    out[name] = { plagdet: r(m.plagdet), precision: r(m.precision), recall: r(m.recall), granularity: r(m.granularity), detections: m.detections, unmatchedPositives: g.unmatched };
  }
  return out;
}

const grid = settings();
const results = grid.map((params) => pairs.map((p) => alignTexts(prep('susp', p.susp), prep('src', p.src), { params })));
const all = pairs.map((_, i) => i);
const chosen = [];
for (let k = 0; k < folds; k++) {
  const train = all.filter((i) => foldOf[i] !== k);
  let best = 0;
  let bestScore = -1;
  grid.forEach((_, g) => {
    const s = score(train, (i) => results[g][i]).entire.plagdet;
    if (s > bestScore) { bestScore = s; best = g; }
  });
  chosen.push(best);
}
const cv = score(all, (i) => results[chosen[foldOf[i]]][i]);
const full = score(all, (i) => results[0][i]);
console.log(JSON.stringify({
  bench: 'pan-cv', corpus, pairs: pairs.length, folds, grid: GRID, settings: grid.length,
  defaults: DEFAULT_ALIGN_PARAMS,
  chosen: chosen.map((g) => grid[g]),
  cv, full,
}));
