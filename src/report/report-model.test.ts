/**
 * The report model from plain data (no store): a code submission of two files against one source.
 *
 *   submission  a.py (lines 1-3) + b.py (lines 1-4)   source  lib.py (lines 1-4)
 *   match m1: b.py lines 2-3  <->  lib.py lines 2-3
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReportModel, matchId, type InputAnalysis, type ReportInput } from './model.js';
import { applyExclusions, carryExclusions, knownIds } from './exclusions.js';
import { segment, markup } from './text-markup.js';
import { lineLocator } from './locate.js';
import { renderViewerHtml } from './html-viewer.js';
import { filesOf } from './bundle.js';
import { renderPdf } from './pdf.js';
import { spawnSync } from 'node:child_process';

const A = 'import os\nprint(os.name)\n\n';
const B = 'def f(x):\n    total = sum(v * v for v in x)\n    return total / len(x)\n\n';
const SUB = A + B;
const SRC = '# library\n    total = sum(v * v for v in x)\n    return total / len(x)\n# end\n';
const dup = '    total = sum(v * v for v in x)\n    return total / len(x)';
const passage = { offset: SUB.indexOf(dup), length: dup.length, sourceOffset: SRC.indexOf(dup), sourceLength: dup.length, kind: 'verbatim' as const, similarity: 1 };

function input(): ReportInput {
  return {
    document: { id: 'doc-1', title: 'Submission', author: null, filename: 'sub.zip', status: 'done', language: null, counts: { characters: SUB.length, words: 20, pages: 0 }, created_at: '2026-01-01T00:00:00.000Z' },
    analysis: {
      engine: 'code',
      similarity: 0.5,
      sources: [{ document_id: 2, public_id: 'src-1', title: 'Library', scope: 'peer', similarity: 0.5, passages: [passage] }],
      settings: { ai_detection: true, min_match_words: 8, template_text: '' },
      scopes: { peers: true, repository: false },
      reason: 'initial',
    },
    version: 1,
    created_at: '2026-01-01T00:00:01.000Z',
    versions: [{ version: 1, similarity: 0.5, created_at: '2026-01-01T00:00:01.000Z' }],
    submission: { text: SUB, extraction: { files: [{ path: 'a.py', offset: 0, length: A.length }, { path: 'b.py', offset: A.length, length: B.length }] } },
    sources: new Map([['src-1', { text: SRC, extraction: { files: [{ path: 'lib.py', offset: 0, length: SRC.length }] } }]]),
  };
}

test('code matches carry the file and 1-based line ranges of both sides, and the source excerpt', () => {
  const m = buildReportModel(input());
  assert.equal(m.document.kind, 'code');
  assert.equal(m.similarity, 50);
  assert.equal(m.matches.length, 1);
  const x = m.matches[0];
  assert.equal(x.id, matchId('src-1', passage));
  assert.deepEqual({ file: x.submission.file, from: x.submission.start_line, to: x.submission.end_line }, { file: 'b.py', from: 2, to: 3 });
  assert.deepEqual({ file: x.source.file, from: x.source.start_line, to: x.source.end_line }, { file: 'lib.py', from: 2, to: 3 });
  assert.equal(x.source_excerpt, dup);
  assert.equal(m.ai.available, false);
  assert.equal(m.integrity.available, false);
});

test('line locator counts lines from the start of each archive member', () => {
  const loc = lineLocator({ text: SUB, extraction: { files: [{ path: 'a.py', offset: 0, length: A.length }, { path: 'b.py', offset: A.length, length: B.length }] } });
  assert.deepEqual(loc(0, 3), { file: 'a.py', start_line: 1, end_line: 1 });
  assert.deepEqual(loc(A.length, 3), { file: 'b.py', start_line: 1, end_line: 1 });
});

test('segment cuts overlapping ranges so marks never nest, and markup ids the first piece of each match', () => {
  const spans = segment(10, [{ id: 'x', start: 2, end: 6, colour: 0, excluded: false }, { id: 'y', start: 4, end: 8, colour: 1, excluded: false }]);
  assert.deepEqual(spans.map((s) => [s.start, s.end, s.ranges.map((r) => r.id).join('+')]), [[0, 2, ''], [2, 4, 'x'], [4, 6, 'x+y'], [6, 8, 'y'], [8, 10, '']]);
  const html = markup('0123456789', [{ id: 'x', start: 2, end: 6, colour: 0, excluded: false }, { id: 'y', start: 4, end: 8, colour: 1, excluded: false }], { side: 's', lines: false });
  assert.equal((html.match(/id="s-x"/g) ?? []).length, 1);
  assert.equal((html.match(/id="s-y"/g) ?? []).length, 1);
  assert.match(html, /data-match="x y"/);
  assert.equal(markup('<b>', [], { side: 's', lines: false }), '&lt;b&gt;');
});

test('excluding the only source brings the similarity to 0 and keeps it for restoring; ids stay known', () => {
  const a = input().analysis;
  const off = applyExclusions(a, SUB, { exclude_sources: ['src-1'] });
  assert.equal(off.similarity, 0);
  assert.equal(off.sources.length, 0);
  assert.equal(off.excluded!.sources[0].public_id, 'src-1');
  assert.ok(knownIds(off).matches.has(matchId('src-1', passage)));
  const back = applyExclusions(off, SUB, { restore_sources: ['src-1'] });
  assert.ok(back.similarity > 0);
  assert.equal(back.sources[0].passages.length, 1);
  const m = buildReportModel({ ...input(), analysis: off });
  assert.deepEqual(m.exclusions.sources, ['src-1']);
  assert.equal(m.matches[0].excluded, true);
});

const FRAGMENT = { file: 'Main.java', start_line: 3, end_line: 9, source_file: 'Main.java', source_start_line: 4, source_end_line: 10, tokens: 31 };

test('an edit of a code report keeps the engine scores: excluding a source leaves the others and the score of the most similar one', () => {
  const codePassage = (o: number) => ({ offset: o, length: 10, sourceOffset: o, sourceLength: 10, kind: 'code' as const, similarity: 0.9 });
  const a: InputAnalysis = {
    engine: 'code', similarity: 0.8896, settings: {}, reason: 'first',
    sources: [
      { document_id: 1, public_id: 'copy', title: 'Copy', scope: 'peer', similarity: 0.8896, passages: [codePassage(0), codePassage(20)], code: { fragments: [FRAGMENT], longest_fragment: 31, shared_fingerprints: 12 } },
      // Scored by its literal values alone: no line fragment.
      { document_id: 2, public_id: 'loop', title: 'Loop', scope: 'peer', similarity: 0.8567, passages: [], code: { shared_values: ['"Mercury orbits in 88 days"', '4333'] } },
    ],
  };
  const off = applyExclusions(a, 'x'.repeat(40), { exclude_sources: ['copy'] });
  assert.equal(off.similarity, 0.8567);
  assert.deepEqual(off.sources.map((s) => [s.public_id, s.similarity]), [['loop', 0.8567]]);
  // The values both use, the evidence of a source with no match, survive the edit.
  assert.deepEqual(off.sources[0].code?.shared_values, ['"Mercury orbits in 88 days"', '4333']);
  assert.deepEqual(off.excluded!.sources.map((s) => [s.public_id, s.similarity]), [['copy', 0.8896]]);
  // One match of a pair excluded: listed as excluded, the pair's score stays.
  const one = applyExclusions(a, 'x'.repeat(40), { exclude_matches: [matchId('copy', codePassage(20))] });
  assert.equal(one.similarity, 0.8896);
  assert.equal(one.sources.find((s) => s.public_id === 'copy')!.passages.length, 1);
  assert.equal(one.excluded!.passages.length, 1);
  // Excluded and kept alike keep the engine's fragments (Codequiry's match rows are built from them).
  assert.deepEqual(off.excluded!.sources[0].code, { fragments: [FRAGMENT], longest_fragment: 31, shared_fingerprints: 12 });
  assert.deepEqual(one.sources.find((s) => s.public_id === 'copy')!.code?.fragments, [FRAGMENT]);
  const back = applyExclusions(off, 'x'.repeat(40), { restore_sources: ['copy'] });
  assert.equal(back.similarity, 0.8896);
  assert.equal(back.sources.length, 2);
  assert.deepEqual(back.sources.find((s) => s.public_id === 'copy')!.code?.fragments, [FRAGMENT]);
});

test('a re-check keeps the exclusions of the previous version and its own reason', () => {
  const a = input().analysis;
  const edited = applyExclusions(a, SUB, { exclude_sources: ['src-1'] });
  const recheck = { ...a, reason: 'peer:9' };
  const carried = carryExclusions(edited, recheck, SUB);
  assert.equal(carried.reason, 'peer:9');
  assert.equal(carried.similarity, 0);
  assert.equal(carried.excluded!.sources[0].public_id, 'src-1');
  assert.equal(carryExclusions(a, recheck, SUB), recheck, 'nothing excluded: unchanged');
});

test('the viewer shows code with file headings and line numbers, the match marked on both sides with one id', () => {
  const i = input();
  const model = buildReportModel(i);
  const html = renderViewerHtml({ model, submission: { text: SUB, files: filesOf(i.submission.extraction) }, sources: new Map([['src-1', { text: SRC, files: filesOf(i.sources.get('src-1')!.extraction) }]]) }, { mode: 'view' });
  assert.match(html, /<div class="file-head">a\.py<\/div>/);
  assert.match(html, /<div class="file-head">b\.py<\/div>/);
  assert.match(html, /<div class="file-head">lib\.py<\/div>/);
  const id = model.matches[0].id;
  assert.equal((html.match(new RegExp(`id="s-${id}"`, 'g')) ?? []).length, 1);
  assert.equal((html.match(new RegExp(`id="o-${id}"`, 'g')) ?? []).length, 1);
  // Line 2 of b.py starts inside the match: its number precedes a mark.
  assert.match(html, /<span class="ln" aria-hidden="true">2<\/span><span class="lc"><mark [^>]*id="s-/);
  assert.match(html, /lines 2-3/);
});

test('with an AI verdict stored, the model reports verdict, score and thresholds, and the AI PDF says the same words', async (t) => {
  const i = input();
  const ai = { status: 'ok', score: 0.7, threshold: 0.86, inconclusive_threshold: 0.57, verdict: 'inconclusive' as const, flagged: false, ai_share: 0.25, detector: 'test-model', words: 400, segments: [{ offset: 0, length: 10, words: 100, probability: 0.66, ai: true }, { offset: 11, length: 10, words: 300, probability: 0.3, ai: false }] };
  const model = buildReportModel({ ...i, analysis: { ...i.analysis, ai } });
  assert.deepEqual(model.ai, {
    available: true, status: 'ok', verdict: 'inconclusive', score: 70, share: 25, flagged: false, threshold: 86, inconclusive_threshold: 57, model: 'test-model',
    segments: [{ offset: 0, length: 10, words: 100, probability: 66, ai: true }, { offset: 11, length: 10, words: 300, probability: 30, ai: false }],
  });
  // A score just under the flag threshold never reads as the threshold on a report that is not flagged.
  const under = buildReportModel({ ...i, analysis: { ...i.analysis, ai: { ...ai, score: 0.880996, threshold: 0.881, verdict: 'inconclusive' as const } } });
  assert.ok(under.ai.available && under.ai.score < under.ai.threshold, `score ${under.ai.available && under.ai.score} against ${under.ai.available && under.ai.threshold}`);
  const at = buildReportModel({ ...i, analysis: { ...i.analysis, ai: { ...ai, score: 0.881, threshold: 0.881, verdict: 'flagged' as const, flagged: true } } });
  assert.ok(at.ai.available && at.ai.score === 88.1 && at.ai.threshold === 88.1);
  // An analysis stored before the three verdicts: flagged or not, no inconclusive zone.
  const old = buildReportModel({ ...i, analysis: { ...i.analysis, ai: { status: 'ok', score: 0.8, threshold: 0.79, flagged: true, ai_share: 0.5, detector: 'v1', words: 200, segments: [] } } });
  assert.equal(old.ai.available && old.ai.verdict, 'flagged');
  assert.equal(old.ai.available && old.ai.inconclusive_threshold, 79);
  const pdf = await renderPdf({ model, submission: { text: SUB }, sources: new Map() }, 'ai');
  assert.equal(Buffer.from(pdf.subarray(0, 5)).toString(), '%PDF-');
  const r = spawnSync('pdftotext', ['-', '-'], { input: Buffer.from(pdf), encoding: 'utf8' });
  if (r.error) return t.skip('pdftotext is not installed (poppler-utils)');
  const text = r.stdout.replace(/\s+/g, ' ');
  assert.match(text, /AI-text check: Inconclusive/);
  assert.match(text, /Score 70 of 100\. Inconclusive from 57, flagged from 86/);
  assert.match(text, /Passage 1: 100 words, its own score 66 of 100/);
  assert.match(text, /not a share of the text written by a machine/);
  assert.doesNotMatch(text, /share of the text written by a language model|70%/);
});
