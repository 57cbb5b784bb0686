#!/usr/bin/env node
// Dolos as a user runs it on a folder, for bench/code.mjs: every file of <dir> compared with
// @dodona/dolos-lib (defaults, language given), every pair written to stdout as CSV with the
// columns Origo's `origo compare --format csv` writes (left,right,similarity,longest_fragment,
// total_overlap,left_covered,right_covered), in chunks. Dolos's own CLI (`dolos run -f csv`)
// writes these figures too, through csv-stringify, and beside them every file's content and
// every pair's fragments, so this is the least output work a Dolos user gets.
// Usage: node bench/dolos/compare-csv.mjs <dir> <language>
import { readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { loadDolos } from './load.mjs';

const [dir, language] = process.argv.slice(2);
const names = readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
const { Dolos } = await loadDolos();
const report = await new Dolos({ language }).analyzePaths(names.map((n) => join(dir, n)));
const nameOf = new Map(names.map((n) => [join(dir, n), n]));
let chunk = 'left,right,similarity,longest_fragment,total_overlap,left_covered,right_covered\n';
for (const p of report.allPairs()) {
  const cover = (covered, total) => (total > 0 ? Math.min(1, covered / total) : 0).toFixed(6);
  chunk += `${nameOf.get(p.leftFile.path)},${nameOf.get(p.rightFile.path)},${p.similarity.toFixed(6)},${p.longest},${p.overlap},${cover(p.leftCovered, p.leftTotal)},${cover(p.rightCovered, p.rightTotal)}\n`;
  if (chunk.length > 1 << 16) {
    writeSync(1, chunk);
    chunk = '';
  }
}
writeSync(1, chunk);
