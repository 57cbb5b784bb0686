#!/usr/bin/env node
// Extraction throughput per format, in megabytes of input per second.
// Builds one large document (about 300 KB of PAN-2013 source text, ORIGO_DATA_DIR/pan-dev/src) and has
// LibreOffice convert it into every format it writes (in a temporary folder), plus Markdown/JSON/CSV,
// PostScript (enscript) and a zip of source code (ORIGO_DATA_DIR/code-dev). Then each file is
// extracted in this process (extractDocument, no worker) REPEAT times; the median time counts.
// Usage: npm run build && nice -n 5 node bench/extract.mjs        (prints one JSON line)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { extractDocument, extractDocumentIsolated, sofficePath } from '../dist/extract/index.js';
import { CALC_TARGETS, IMPRESS_TARGETS, WRITER_TARGETS, convertWithSoffice, flatPresentation, flatSpreadsheet, flatText, textFormats } from '../scripts/office-sources.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = process.env.ORIGO_DATA_DIR ?? join(root, '../shared/data');
const REPEAT = Number(process.env.REPEAT ?? 5);
const TARGET_CHARS = Number(process.env.TARGET_CHARS ?? 300_000);

// Paragraphs of real text, up to TARGET_CHARS characters.
const srcDir = join(data, 'pan-dev/src');
const paragraphs = ['Benchmark document'];
let chars = 0;
for (const name of readdirSync(srcDir).sort()) {
  if (chars >= TARGET_CHARS) break;
  for (const p of readFileSync(join(srcDir, name), 'utf8').split(/\n\s*\n|\r?\n/)) {
    const t = p.trim();
    if (t.length < 40) continue;
    paragraphs.push(t);
    chars += t.length;
  }
}

const work = mkdtempSync(join(tmpdir(), 'origo-bench-'));
const files = []; // [label, bytes]
for (const [name, content] of Object.entries(textFormats(paragraphs))) files.push([name.replace('known.', ''), Buffer.from(content)]);
files.push(['txt', Buffer.from(paragraphs.join('\n\n'))]);
if (await sofficePath()) {
  writeFileSync(join(work, 'b.fodt'), flatText(paragraphs));
  writeFileSync(join(work, 'b.fodp'), flatPresentation(paragraphs));
  writeFileSync(join(work, 'b.fods'), flatSpreadsheet(paragraphs));
  for (const [source, targets] of [['b.fodt', WRITER_TARGETS], ['b.fodp', IMPRESS_TARGETS], ['b.fods', CALC_TARGETS]]) {
    for (const [ext, filter, name] of targets) {
      if (ext === 'txt') continue;
      const label = name.replace('known.', '').replace('known-', '').replace('.pdf', '-pdf').replace('docbook.xml', 'xml');
      files.push([label, convertWithSoffice(work, join(work, source), ext, filter)]);
    }
  }
}
try {
  writeFileSync(join(work, 'b.txt'), paragraphs.slice(0, 200).join('\n\n'));
  execFileSync('enscript', ['-q', '-B', '--word-wrap', '-p', join(work, 'b.ps'), join(work, 'b.txt')], { stdio: 'pipe' });
  files.push(['ps', readFileSync(join(work, 'b.ps'))]);
} catch { /* no enscript: no PostScript figure */ }
// A zip of student code.
const codeFiles = {};
const walk = (d) => readdirSync(d).forEach((n) => { const p = join(d, n); statSync(p).isDirectory() ? walk(p) : (codeFiles[relative(join(data, 'code-dev'), p)] = readFileSync(p)); });
walk(join(data, 'code-dev'));
files.push(['zip', Buffer.from(zipSync(codeFiles))]);

const results = {};
for (const [label, bytes] of files) {
  const input = new Uint8Array(bytes);
  const first = await extractDocument(input, { filename: `bench.${label}` }); // warm-up, and the outcome
  if (!first.ok) { results[label] = { error: `${first.code}: ${first.reason}` }; continue; }
  const times = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = process.hrtime.bigint();
    await extractDocument(input, { filename: `bench.${label}` });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)];
  results[label] = {
    format: first.extraction.format,
    bytes: input.length,
    chars: first.extraction.counts.characters,
    ms: Math.round(ms * 10) / 10,
    mbPerSec: Math.round((input.length / 1e6 / (ms / 1000)) * 100) / 100,
    ...(first.extraction.via ? { via: first.extraction.via } : {}),
  };
}
rmSync(work, { recursive: true, force: true });

// The price of isolation: the committed 6 KB known.docx, in this process, in a child process, in a worker.
const small = new Uint8Array(readFileSync(join(root, 'src/extract/fixtures/office/known.docx')));
const median = async (run) => {
  await run();
  const times = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = process.hrtime.bigint();
    const outcome = await run();
    if (!outcome.ok) throw new Error(outcome.reason);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return Math.round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]);
};
const isolationMs = {
  inProcess: await median(() => extractDocument(small, { filename: 'known.docx' })),
  childProcess: await median(() => extractDocumentIsolated(small, { filename: 'known.docx' }, { isolation: 'process' })),
  workerThread: await median(() => extractDocumentIsolated(small, { filename: 'known.docx' }, { isolation: 'worker' })),
};
console.log(JSON.stringify({ bench: 'extract', repeat: REPEAT, textChars: chars, node: process.version, results, isolationMs }));
