// Report rendering cost on a synthetic long submission: builds the report model and renders the
// viewer HTML, the full PDF and the DOCX from dist/. Prints one JSON line.
//   node bench/report-render.mjs [words=20000] [sources=20] [matchesPerSource=10]
import { performance } from 'node:perf_hooks';
import { buildReportModel } from '../dist/report/model.js';
import { renderViewerHtml } from '../dist/report/html-viewer.js';
import { renderPdf } from '../dist/report/pdf.js';
import { renderDocx } from '../dist/report/docx.js';

const [words = 20000, nSources = 20, perSource = 10] = process.argv.slice(2).map(Number);
// Deterministic pseudo-words (no randomness: the same input every run).
const vocab = Array.from({ length: 500 }, (_, i) => `w${(i * 7919) % 1000}x`);
const wordsOf = (n, seed) => Array.from({ length: n }, (_, i) => vocab[(i * 31 + seed * 17) % vocab.length]);
const para = (ws) => ws.map((w, i) => (i % 12 === 11 ? `${w}.\n` : w)).join(' ');
const text = para(wordsOf(words, 1));
const sources = new Map();
const stored = [];
let cursor = 0;
const step = Math.floor(text.length / (nSources * perSource + 1));
for (let s = 0; s < nSources; s++) {
  const srcText = para(wordsOf(3000, s + 2));
  const passages = [];
  for (let k = 0; k < perSource; k++) {
    const offset = cursor;
    cursor += step;
    passages.push({ offset, length: Math.min(200, step - 1), sourceOffset: (k * 997) % (srcText.length - 300), sourceLength: 200 });
  }
  const id = `src-${s}`;
  sources.set(id, { text: srcText, extraction: null });
  stored.push({ document_id: s + 2, public_id: id, title: `Source ${s}`, scope: 'repository', similarity: 0.01, passages });
}
const input = {
  document: { id: 'doc', title: 'Benchmark submission', author: null, filename: null, status: 'done', language: 'en', counts: { characters: text.length, words, pages: 0 }, created_at: '2026-01-01T00:00:00.000Z' },
  analysis: { engine: 'text', similarity: 0.2, sources: stored, settings: { ai_detection: true }, scopes: { peers: true, repository: true }, reason: 'initial' },
  version: 1, created_at: '2026-01-01T00:00:00.000Z', versions: [], submission: { text, extraction: null }, sources,
};
const time = async (fn) => { const t = performance.now(); const out = await fn(); return [out, Math.round(performance.now() - t)]; };
const [model, modelMs] = await time(() => buildReportModel(input));
const bundle = { model, submission: { text }, sources: new Map([...sources].map(([k, v]) => [k, { text: v.text }])) };
const [html, htmlMs] = await time(() => renderViewerHtml(bundle, { mode: 'view' }));
const [pdf, pdfMs] = await time(() => renderPdf(bundle, 'full'));
const [docx, docxMs] = await time(() => renderDocx(bundle));
console.log(JSON.stringify({ words, characters: text.length, sources: nSources, matches: model.matches.length, model_ms: modelMs, html_ms: htmlMs, html_bytes: html.length, pdf_ms: pdfMs, pdf_bytes: pdf.length, docx_ms: docxMs, docx_bytes: docx.length }));
