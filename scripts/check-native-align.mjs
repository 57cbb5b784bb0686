#!/usr/bin/env node
// Checks that the compiled alignment (native/text/) gives exactly the passages the TypeScript
// engine gives: dumps the prepared documents and the TypeScript passages of a PAN corpus
// (scripts/dump-align-inputs.mjs, with the built dist/ of this checkout), compiles
// native/text/align-check.cc with g++ into a temp folder, runs it and prints its JSON line
// (pairs, identical, differing, firstDifferences, alignSeconds, ...) with the JavaScript time.
// Exits 1 on any difference.
//
//   npx tsc -p tsconfig.json && node scripts/check-native-align.mjs [corpus-dir] [--threads N] [--include-cross-language] [--also-reversed] [--self-pairs] [--params JSON]
//
// --include-cross-language also aligns (with alignInputs) the pairs `origo pan` aligns across
// languages: documents in other languages, where a corpus has no same-language pairs of them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let corpus = join(root, '..', 'shared', 'data', 'pan-dev');
let threads = 2;
const dumpOptions = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--threads') threads = Number(args[++i]);
  else if (args[i] === '--include-cross-language' || args[i] === '--also-reversed' || args[i] === '--self-pairs') dumpOptions.push(args[i]);
  else if (args[i] === '--params') dumpOptions.push(args[i], args[++i]);
  else corpus = args[i];
}

const work = mkdtempSync(join(tmpdir(), 'native-align-check-'));
try {
  const dumpFile = join(work, 'align-inputs.bin');
  const dumped = JSON.parse(execFileSync(process.execPath, [join(root, 'scripts', 'dump-align-inputs.mjs'), corpus, '--out', dumpFile, ...dumpOptions], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));

  const src = join(root, 'native', 'text');
  // The alignment port and the check program (not the rest of the addon's sources).
  const sources = ['align-check.cc', 'align.cc', 'seeds.cc', 'extension.cc', 'verbatim.cc', 'sentence-model.cc', 'js-math.cc'].map((f) => join(src, f));
  const program = join(work, 'align-check');
  execFileSync('g++', ['-std=c++17', '-O2', '-ffp-contract=off', '-Wall', '-Wextra', '-Werror', '-pthread', '-o', program, ...sources], { stdio: 'inherit' });

  const run = spawnSync(program, [dumpFile, '--threads', String(threads)], { encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) {
    process.stderr.write(run.stderr);
    throw new Error(`align-check failed (status ${run.status})`);
  }
  const result = JSON.parse(run.stdout);
  result.corpus = corpus;
  result.skippedCrossLanguage = dumped.skippedCrossLanguage;
  result.expectedPassages = dumped.passages;
  result.jsFirstPassSeconds = dumped.jsFirstPassSeconds;
  result.jsAlignSeconds = dumped.jsAlignSeconds;
  console.log(JSON.stringify(result));
  if (result.pairs === 0) console.error('no pair was checked (a corpus of cross-language pairs only: see --include-cross-language)');
  const ok = result.pairs > 0 && run.status === 0 && result.differing === 0 && result.jsLogDiffering === 0 && (threads <= 1 || result.threadedEqualPairs === result.pairs);
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
