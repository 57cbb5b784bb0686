/**
 * The PDF report's layout, read back with poppler (pdftotext -layout, pdffonts): paragraphs stay
 * paragraphs (a paragraph after a highlighted match starts on its own line), code is set in a
 * monospace font with line numbers, each source has its own colour, and the AI wording is the
 * model's (score, thresholds, verdict). The PDFs are kept in test-artifacts/ to look at.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReportModel, type ReportInput } from './model.js';
import { renderPdf } from './pdf.js';
import { REPO_ROOT } from '../testing/server-process.js';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');
const poppler = !spawnSync('pdftotext', ['-v']).error && !spawnSync('pdffonts', ['-v']).error;
const required = process.env.ORIGO_REQUIRE_CONVERTERS === '1';

export const P1 = 'The lighthouse keeper climbed the spiral stairs every evening before dusk, carrying a tin of oil and a cloth for the lens, while the gulls wheeled over the rocks below.';
export const P2 = 'For forty years the light had never failed. Sailors on the coast knew its rhythm the way farmers know the seasons, three long flashes and a pause. They steered by it through fog and storm.';
export const P3 = 'When the automatic lamp arrived by boat one spring, the keeper watched the engineers unload their crates on the jetty. He said little that day.';
export const P4 = 'Years later a historian found the logbooks in a cupboard at the harbour office and wrote a book about the light and the island.';
const TEXT = [P1, P2, P3, P4].join('\n\n');
const S1 = 'Sailors on the coast knew its rhythm the way farmers know the seasons, three long flashes and a pause.';
const S2 = 'He said little that day.\n\nYears later a historian found the logbooks in a cupboard at the harbour office';
const SRC1 = `A handbook for sailors. ${S1} Nothing else.`;
const SRC2 = `A history of the island. ${S2} and more.`;

const passage = (text: string, part: string, source: string) => ({ offset: text.indexOf(part), length: part.length, sourceOffset: source.indexOf(part), sourceLength: part.length, kind: 'verbatim' as const, similarity: 1 });

function textInput(): ReportInput {
  return {
    document: { id: 'doc-text', title: 'The lighthouse', author: 'Ada', filename: 'essay.txt', status: 'done', language: 'en', counts: null, created_at: '2026-03-02T10:00:00.000Z' },
    analysis: {
      engine: 'text',
      similarity: 0.4,
      sources: [
        { document_id: 2, public_id: 'src-1', title: 'Handbook for sailors', scope: 'peer', similarity: 0.2, passages: [passage(TEXT, S1, SRC1)] },
        { document_id: 3, public_id: 'src-2', title: 'History of the island', scope: 'repository', similarity: 0.2, passages: [passage(TEXT, S2, SRC2)] },
      ],
      settings: { min_match_words: 8, ai_detection: true },
      scopes: { peers: true, repository: true },
      reason: 'initial',
      ai: { status: 'ok', detector: 'builtin', score: 0.31, threshold: 0.86, inconclusive_threshold: 0.57, verdict: 'not_flagged', flagged: false, ai_share: 0, words: 120, segments: [] },
    },
    version: 1,
    created_at: '2026-03-02T10:00:05.000Z',
    versions: [{ version: 1, similarity: 0.4, created_at: '2026-03-02T10:00:05.000Z' }],
    submission: { text: TEXT, extraction: null },
    sources: new Map([['src-1', { text: SRC1, extraction: null }], ['src-2', { text: SRC2, extraction: null }]]),
  };
}

const A_PY = 'import os\nprint(os.name)\n';
const B_PY = 'def mean_square(x):\n    total = sum(v * v for v in x)\n    return total / len(x)\n\nprint(mean_square([1, 2, 3]))\n';
const CODE = A_PY + B_PY;
const LIB = '# library\ndef ms(x):\n    total = sum(v * v for v in x)\n    return total / len(x)\n';
const DUP = '    total = sum(v * v for v in x)\n    return total / len(x)';

function codeInput(): ReportInput {
  const p = { offset: CODE.indexOf(DUP), length: DUP.length, sourceOffset: LIB.indexOf(DUP), sourceLength: DUP.length, kind: 'verbatim' as const, similarity: 1 };
  return {
    document: { id: 'doc-code', title: 'Submission', author: 'Ben', filename: 'sub.zip', status: 'done', language: null, counts: null, created_at: '2026-01-01T00:00:00.000Z' },
    analysis: {
      engine: 'code',
      similarity: 0.5,
      sources: [{ document_id: 2, public_id: 'lib', title: 'Library', scope: 'peer', similarity: 0.5, passages: [p] }],
      settings: { min_match_words: 8, template_text: '' },
      scopes: { peers: true, repository: false },
      reason: 'initial',
    },
    version: 1,
    created_at: '2026-01-01T00:00:01.000Z',
    versions: [{ version: 1, similarity: 0.5, created_at: '2026-01-01T00:00:01.000Z' }],
    submission: { text: CODE, extraction: { files: [{ path: 'a.py', offset: 0, length: A_PY.length }, { path: 'b.py', offset: A_PY.length, length: B_PY.length }] } },
    sources: new Map([['lib', { text: LIB, extraction: { files: [{ path: 'lib.py', offset: 0, length: LIB.length }] } }]]),
  };
}

async function pdfOf(input: ReportInput, name: string): Promise<string> {
  const model = buildReportModel(input);
  const bytes = await renderPdf({ model, submission: { text: input.submission.text, files: (input.submission.extraction as { files?: { path: string; offset: number }[] } | null)?.files }, sources: new Map() }, 'full');
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  writeFileSync(path, bytes);
  return path;
}

const layoutText = (path: string) => spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).stdout;
const fontsOf = (path: string) => spawnSync('pdffonts', [path], { encoding: 'utf8' }).stdout;

test('text report: every paragraph starts on its own line, also right after a highlighted match', { skip: !poppler && !required ? 'pdftotext/pdffonts not installed (poppler-utils)' : false }, async () => {
  const path = await pdfOf(textInput(), 'report-layout-text.pdf');
  // pdftotext -layout keeps the horizontal position: text at the left margin starts in column 0.
  const lines = layoutText(path).split('\n');
  for (const p of [P1, P2, P3, P4]) {
    const start = p.split(' ').slice(0, 4).join(' ');
    assert.ok(lines.some((l) => l.startsWith(start)), `"${start}" starts a line at the margin:\n${lines.join('\n')}`);
  }
  // The matches carry their source numbers, and nothing else runs into the next paragraph.
  const flat = lines.join(' ').replace(/\s+/g, ' ');
  assert.match(flat, /three long flashes and a pause\. \[1\] They steered/);
  assert.match(flat, /harbour office \[2\] and wrote/);
});

test('text report: the AI wording is the score, the thresholds and the verdict', { skip: !poppler && !required ? 'pdftotext not installed' : false }, async () => {
  const text = layoutText(await pdfOf(textInput(), 'report-layout-text.pdf')).replace(/\s+/g, ' ');
  assert.match(text, /AI-text check: Not flagged \(score 31 of 100; inconclusive from 57, flagged from 86\)/);
  assert.doesNotMatch(text, /percent AI|% AI-generated|AI-generated: \d|written by AI/i);
});

test('code report: the code is set in a monospace font, with line numbers per file', { skip: !poppler && !required ? 'pdftotext/pdffonts not installed (poppler-utils)' : false }, async () => {
  const path = await pdfOf(codeInput(), 'report-layout-code.pdf');
  assert.match(fontsOf(path), /Mono|Courier/i, fontsOf(path));
  const lines = layoutText(path).split('\n');
  // Each file is headed by its path; its lines are numbered from 1, indentation kept.
  const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
  const a = at(/^a\.py$/);
  const b = at(/^b\.py$/);
  assert.ok(a >= 0 && b > a, lines.join('\n'));
  assert.match(lines[a + 1], /^\s+1\s+import os$/);
  assert.match(lines[b + 1], /^\s+1\s+def mean_square\(x\):$/);
  assert.match(lines[b + 2], /^\s+2\s{5,}total = sum\(v \* v for v in x\)$/);
  assert.match(lines[b + 3], /^\s+3\s{5,}return total \/ len\(x\) \[1\]$/);
  assert.match(lines[b + 5], /^\s+5\s+print\(mean_square\(\[1, 2, 3\]\)\)$/);
  assert.ok(!lines.some((l) => /^\s+6\s*$/.test(l)), 'no number for the newline that ends the file');
});
