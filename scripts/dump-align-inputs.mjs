#!/usr/bin/env node
// Writes what the compiled alignment (native/text/align.h) needs to be checked against the
// TypeScript engine, for every same-language pair of a PAN corpus: the prepared documents (the
// fields of `origo::Document`), the English synonym index, the pairs, and the passages the
// TypeScript `alignInputs` gives for each pair (the expected output). Also a table of
// `Math.log` values for the arguments alignment takes the logarithm of, to compare with the C
// library's `log`.
//
// Documents are prepared as `origo pan` prepares them (`DocumentPreparer` of src/pan/align-pairs.ts).
// Uses the built engine of this checkout (dist/): run `npx tsc -p tsconfig.json` first.
//
//   node scripts/dump-align-inputs.mjs [corpus-dir] [--out file] [--no-timing] [--include-cross-language] [--also-reversed] [--self-pairs] [--params JSON]
//
// --also-reversed: each pair is also aligned the other way round (the source as the submission),
// more passages of other shapes to compare.
// --self-pairs: every document is also aligned with itself (passages in documents of every
// language of the corpus, where its pairs across languages give none).
// --params: alignment parameters other than the defaults (`AlignParams`, e.g. '{"neighbourReach":0}'),
// passed to `alignInputs` and written into the file for the compiled aligner.
//
// Pairs across languages (`sameLanguagePair` false: `origo pan` aligns them with
// `alignTranslation`) are left out, unless --include-cross-language: then they are aligned with
// `alignInputs` too, which checks the port on documents in other languages (Snowball stems, no
// synonyms) where a corpus has no same-language pair of them.
//
// Prints one JSON line: { file, documents, pairs, skippedCrossLanguage, passages, jsFirstPassSeconds, jsAlignSeconds }.
// jsFirstPassSeconds: the first pass of `alignInputs` over all pairs (the one that gives the
// expected passages, code not yet optimised by V8, as in one `origo pan` run).
// jsAlignSeconds: the least time of three passes of `alignInputs` over all pairs after a first
// (warm-up) pass that gives the expected passages; the sentence models are built before.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
const { alignInputs, keyHashes, DEFAULT_ALIGN_PARAMS } = await import(dist('engine/text/index.js'));
const { modelSource } = await import(dist('engine/text/align/sentence-model.js'));
const { synonymIndex } = await import(dist('engine/text/align/synonyms.js'));
const { readPanPairs } = await import(dist('pan/corpus.js'));
const { DocumentPreparer, groupBySuspicious, sameLanguagePair } = await import(dist('pan/align-pairs.js'));

const args = process.argv.slice(2);
let corpus = join(root, '..', 'shared', 'data', 'pan-dev');
let out = null;
let timing = true;
let crossLanguage = false;
let params = null;
let reversed = false;
let selfPairs = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') out = args[++i];
  else if (args[i] === '--no-timing') timing = false;
  else if (args[i] === '--include-cross-language') crossLanguage = true;
  else if (args[i] === '--params') params = JSON.parse(args[++i]);
  else if (args[i] === '--also-reversed') reversed = true;
  else if (args[i] === '--self-pairs') selfPairs = true;
  else corpus = args[i];
}
out ??= join(mkdtempSync(join(tmpdir(), 'native-align-')), 'align-inputs.bin');

/** A growable little-endian binary writer. */
class Writer {
  constructor() { this.buf = Buffer.alloc(1 << 20); this.at = 0; }
  room(n) {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length;
    while (size < this.at + n) size *= 2;
    const grown = Buffer.alloc(size);
    this.buf.copy(grown, 0, 0, this.at);
    this.buf = grown;
  }
  u32(x) { this.room(4); this.buf.writeUInt32LE(x, this.at); this.at += 4; }
  i32(x) { this.room(4); this.buf.writeInt32LE(x, this.at); this.at += 4; }
  f64(x) { this.room(8); this.buf.writeDoubleLE(x, this.at); this.at += 8; }
  /** A count, then the values as int32. */
  i32s(a) { this.u32(a.length); this.room(4 * a.length); for (let i = 0; i < a.length; i++) { this.buf.writeInt32LE(a[i], this.at); this.at += 4; } }
  /** A length, then the UTF-16 code units of a JavaScript string. */
  utf16(s) { this.u32(s.length); this.room(2 * s.length); for (let i = 0; i < s.length; i++) { this.buf.writeUInt16LE(s.charCodeAt(i), this.at); this.at += 2; } }
  /** A length, then UTF-8 bytes. */
  utf8(s) { const b = Buffer.from(s, 'utf8'); this.u32(b.length); this.room(b.length); b.copy(this.buf, this.at); this.at += b.length; }
  bytes() { return this.buf.subarray(0, this.at); }
}

const KINDS = { verbatim: 0, paraphrase: 1, summary: 2 };

const pairs = readPanPairs(corpus, { truth: false });
const jobs = pairs.map((p) => ({ susp: p.susp, src: p.src }));
const docs = new DocumentPreparer(corpus, jobs, groupBySuspicious(jobs));

// Documents in order of first use; pairs aligned within one language only.
const docIndex = new Map();
const docList = [];
const aligned = [];
let skipped = 0;
async function docOf(folder, name) {
  const key = `${folder}/${name}`;
  let i = docIndex.get(key);
  if (i === undefined) {
    i = docList.length;
    docIndex.set(key, i);
    docList.push({ text: await docs.get(folder, name), input: await docs.input(folder, name) });
  }
  return i;
}
for (const job of jobs) {
  const susp = await docs.get('susp', job.susp);
  const src = await docs.get('src', job.src);
  if (!sameLanguagePair(susp, src) && !crossLanguage) { skipped++; continue; }
  const s = await docOf('susp', job.susp);
  const r = await docOf('src', job.src);
  aligned.push({ name: `${job.susp} ${job.src}`, s, r });
  if (reversed) aligned.push({ name: `${job.src} ${job.susp} (reversed)`, s: r, r: s });
}
if (selfPairs) {
  for (const [key, i] of docIndex) aligned.push({ name: `${key} itself (${docList[i].text.language})`, s: i, r: i });
}

const generation = docList.length ? docList[0].text.forms.stemGeneration : 0;
for (const d of docList) {
  if (d.text.forms.stemGeneration !== generation) throw new Error('documents of more than one stem generation: their stem numbers do not compare');
}

// Expected passages (first pass), then a timed warm pass.
const options = params ? { params } : {};
const P = { ...DEFAULT_ALIGN_PARAMS, ...(params ?? {}) };
for (const key of Object.keys(P)) if (!(key in DEFAULT_ALIGN_PARAMS)) throw new Error(`--params: no alignment parameter ${key}`);
const first = process.hrtime.bigint();
const expected = aligned.map((p) => alignInputs(docList[p.s].input, docList[p.r].input, options));
const jsFirstPassSeconds = Number(process.hrtime.bigint() - first) / 1e9;
let jsAlignSeconds = null;
if (timing) {
  for (let run = 0; run < 3; run++) {
    const t0 = process.hrtime.bigint();
    let n = 0;
    for (const p of aligned) n += alignInputs(docList[p.s].input, docList[p.r].input, options).length;
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (jsAlignSeconds === null || seconds < jsAlignSeconds) jsAlignSeconds = seconds;
    if (n !== expected.reduce((t, x) => t + x.length, 0)) throw new Error('a timed pass found other passages than the first');
  }
}

const w = new Writer();
w.u32(0x4c41524f); // "ORAL"
w.u32(2);
// The alignment parameters, in the order of `origo::AlignParams` (document.h).
w.f64(P.seedCosine); w.f64(P.seedDice); w.f64(P.validation); w.f64(P.synonymWeight); w.i32(P.neighbourReach);
w.f64(P.singleSeedSimilarity); w.f64(P.loneSeedSimilarity); w.f64(P.topicalBackground); w.f64(P.weakSimilarity); w.f64(P.weakSeedCoverage);
w.u32(docList.length);
for (const { text: p } of docList) {
  const m = modelSource(p);
  w.utf16(p.text);
  w.i32s(p.wordStart);
  w.i32s(p.wordEnd);
  w.i32s(keyHashes(p));
  w.i32s(m.wordStem);
  w.i32s(m.sentenceStart);
  w.i32s(m.sentenceEnd);
  w.i32s(m.sentenceFirstWord);
  w.i32s(m.sentenceEndWord);
  w.utf8(p.language);
}
const syn = synonymIndex(generation);
if (!syn) throw new Error('no synonym index for the documents\' stem generation');
w.i32s(syn.start);
w.i32s(syn.list);
let nPassages = 0;
w.u32(aligned.length);
aligned.forEach((p, i) => {
  w.utf8(p.name);
  w.u32(p.s);
  w.u32(p.r);
  w.u32(expected[i].length);
  for (const x of expected[i]) {
    if (!(x.kind in KINDS)) throw new Error(`unexpected passage kind ${x.kind}`);
    w.i32(x.offset); w.i32(x.length); w.i32(x.sourceOffset); w.i32(x.sourceLength); w.i32(KINDS[x.kind]); w.f64(x.similarity);
    nPassages++;
  }
});

// Math.log of what alignment takes the logarithm of: (n + 1) / df for every 1 <= df <= n up to
// the largest n (units of both texts) of the pairs, and every integer up to that n + 1.
let maxUnits = 0;
for (const p of aligned) maxUnits = Math.max(maxUnits, docList[p.s].input.model.start.length + docList[p.r].input.model.start.length);
w.u32(maxUnits);
for (let k = 1; k <= maxUnits + 1; k++) w.f64(Math.log(k));
for (let n = 1; n <= maxUnits; n++) for (let df = 1; df <= n; df++) w.f64(Math.log((n + 1) / df));

writeFileSync(out, w.bytes());
console.log(JSON.stringify({ file: out, documents: docList.length, pairs: aligned.length, skippedCrossLanguage: skipped, passages: nPassages, jsFirstPassSeconds, jsAlignSeconds }));
