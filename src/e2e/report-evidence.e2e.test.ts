/**
 * Exclusions in every rendering of a report, through a started server: a submission that copies a
 * source's paragraph (counted) after the assignment's template line, quotes another paragraph,
 * repeats an excluded phrase and copies a paragraph into its reference list. The JSON lists each
 * excluded stretch with its reason; report.html, report.pdf and report.docx must show the same:
 * the filters in force, the excluded parts of a counted match as not counted (not highlighted as
 * copied) with their reasons, and the matches that do not count, not silently dropped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { pdfText } from '../testing/pdf-text.js';
import { serverForTests, waitFor } from '../testing/server-process.js';
import { uploadDocument, documentsSettled } from '../testing/documents-api.js';

const KEY = 'e2e-admin-key-report-exclusions-0123456789';
const started = serverForTests(KEY);

const TEMPLATE = 'Assignment 3: Write an essay on the history of river navigation in Central Europe and cite your sources.';
const DANUBE = 'The Danube has carried goods between the Black Forest and the Black Sea for more than two thousand years, and the Roman fleet kept a chain of watchtowers along its southern bank to protect the traders who depended on it.';
const STEAM = 'Steam navigation changed everything after 1830, when the Erste Donau-Dampfschiffahrts-Gesellschaft launched its first paddle steamers and cut the journey from Vienna to Budapest from several days to fourteen hours.';
const ENGINEERS = 'Engineers later straightened long stretches of the river, drained the floodplains around the great bends, and built locks whose concrete walls still determine how deep a modern cargo ship may load its holds.';
const PHRASE = 'The so-called Iron Gate gorge between Serbia and Romania was once the most dangerous passage for boats on the whole river.';

const SOURCE = [
  TEMPLATE,
  DANUBE,
  'Medieval merchants from Regensburg shipped salt, wine and timber downstream on flat-bottomed barges, which were broken up for firewood at Vienna.',
  STEAM,
  ENGINEERS,
  PHRASE,
  'Ecologists now argue that the old wetlands were worth more than the farmland that replaced them, and several have been flooded again.',
].join('\n\n');
const SUBMISSION = [
  TEMPLATE,
  DANUBE,
  'Barges built in Regensburg were, I think, the cheapest way to move anything heavy at the time; nobody bothered to bring them home.',
  `One historian put it plainly: “${STEAM}”`,
  'My own visit to Budapest last summer showed me how busy the river still is, with cruise boats every few minutes.',
  PHRASE,
  'Today most freight goes by rail, and the river is quieter than it was a century ago.',
  `References\n${ENGINEERS}\nSmith, J. (2019). The Danube: A River History. Vienna University Press.`,
].join('\n\n');

interface Match { id: string; source_id: string; excluded: boolean; excluded_reason: string | null; excluded_parts: { offset: number; length: number; reason: string }[]; submission: { offset: number; length: number } }

async function bytes(path: string): Promise<Buffer> {
  const r = await fetch(`${started.url}${path}`, { headers: { authorization: `Bearer ${KEY}` } });
  assert.equal(r.status, 200, path);
  return Buffer.from(await r.arrayBuffer());
}


test('template text, quotations, excluded phrases and the reference list are shown as not counted, with their reasons, in the JSON, HTML, PDF and DOCX reports', { timeout: 300_000 }, async () => {
  const asg = await started.api.post('/api/v1/assignments', {
    name: 'Rivers',
    settings: { exclude_quotes: true, exclude_references: true, excluded_phrases: [PHRASE], template_text: TEMPLATE },
  });
  assert.equal(asg.status, 201, JSON.stringify(asg.body));
  const source = await uploadDocument(started.url, KEY, asg.body.id, { filename: 'source.txt', bytes: SOURCE }, 'Source', 'Ada');
  const sub = await uploadDocument(started.url, KEY, asg.body.id, { filename: 'essay.txt', bytes: SUBMISSION }, 'Essay', 'Zoë');
  for (const d of await documentsSettled(started.api, [source, sub], 120_000)) assert.equal(d.status, 'done', `${d.status}: ${d.reason}`);
  const report = await waitFor('the essay report to find the source', async () => {
    const r = await started.api.get(`/api/v1/documents/${sub}/report`);
    return r.status === 200 && (r.body.matches as Match[]).some((m) => m.source_id === source) ? r.body : undefined;
  }, 60_000, 300);
  const text = (await started.api.get(`/api/v1/documents/${sub}/text`)).body.text as string;

  // JSON: every setting took effect, with its reason.
  const reasons = new Set((report.excluded_text as { reason: string }[]).map((s) => s.reason));
  for (const r of ['template', 'quote', 'phrase', 'references']) assert.ok(reasons.has(r), `${r} missing from ${JSON.stringify(report.excluded_text)}`);
  const matches = report.matches as Match[];
  const counted = matches.find((m) => !m.excluded && text.slice(m.submission.offset, m.submission.offset + m.submission.length).includes(DANUBE));
  assert.ok(counted, JSON.stringify(matches));
  const templatePart = counted.excluded_parts.find((p) => p.reason === 'template');
  assert.ok(templatePart, 'the copied paragraph\'s match starts with the template line, left out as template text');
  assert.ok(TEMPLATE.startsWith(text.slice(templatePart.offset, templatePart.offset + templatePart.length)));
  const refs = matches.find((m) => m.excluded && m.excluded_reason === 'references');
  assert.ok(refs, 'the copy in the reference list is a match that does not count');
  assert.ok(report.similarity > 0);

  // HTML: the filters are listed; the template part of the counted match is drawn as not counted.
  const html = (await bytes(`/api/v1/documents/${sub}/report.html`)).toString('utf8');
  assert.ok(html.includes('Text shared with the assignment template is not counted.'), 'HTML lists the filters');
  assert.ok(html.includes('Quotations are not counted.'));
  assert.match(html, /<mark class="m c0 excluded"[^>]*title="Not counted: template text"[^>]*>Assignment 3: Write an essay/);
  assert.match(html, /title="Not counted: excluded phrase"[^>]*>The so-called Iron Gate/);
  assert.match(html, /title="Not counted: reference list"[^>]*>Engineers later/);
  for (const bad of ['NaN', 'undefined', '[object Object]', '\ufffd']) assert.ok(!html.includes(bad), bad);

  // PDF: the filters and, after each stretch that does not count, its reason.
  const pdf = pdfText(await bytes(`/api/v1/documents/${sub}/report.pdf`))?.replace(/\s+/g, ' ') ?? null;
  if (pdf === null) console.log('# pdftotext is not installed: skipping the PDF text assertions (install poppler-utils)');
  else {
    assert.ok(pdf.includes('Text shared with the assignment template is not counted.'), pdf);
    assert.ok(pdf.includes('[not counted: template text]'), pdf);
    assert.ok(pdf.includes('[not counted: quotation]'), pdf);
    assert.ok(pdf.includes('[not counted: excluded phrase]'), pdf);
    assert.ok(pdf.includes('[not counted: reference list]'), pdf);
    assert.ok(pdf.includes(`${report.similarity}%`));
  }

  // DOCX: the filters; every match has a comment (those that do not count say why); the template
  // line is not highlighted as copied while the copied paragraph is.
  const docx = unzipSync(new Uint8Array(await bytes(`/api/v1/documents/${sub}/report.docx`)));
  const body = strFromU8(docx['word/document.xml']);
  const comments = strFromU8(docx['word/comments.xml']);
  assert.ok(body.includes('Text shared with the assignment template is not counted.'), 'DOCX lists the filters');
  assert.equal((comments.match(/<w:comment /g) ?? []).length, matches.length, 'one comment per match');
  assert.ok(comments.includes('Not counted: reference list'), comments);
  const runOf = (start: string) => body.match(new RegExp(`<w:r>(?:(?!<w:r>).)*?<w:t[^>]*>${start}`, 's'))?.[0] ?? '';
  assert.ok(runOf('Assignment 3: Write').length > 0);
  assert.ok(!runOf('Assignment 3: Write').includes('w:highlight'), runOf('Assignment 3: Write'));
  assert.ok(runOf('The Danube has carried').includes('w:highlight'), runOf('The Danube has carried'));
});

const OWN = 'My grandmother grew up in a small village near Passau and told me stories about the floods every winter.';

/** Checks `submission` against `source` in a new assignment; the report, both texts. */
async function pair(name: string, source: string, submission: string) {
  const asg = await started.api.post('/api/v1/assignments', { name, settings: {} });
  assert.equal(asg.status, 201, JSON.stringify(asg.body));
  const src = await uploadDocument(started.url, KEY, asg.body.id, { filename: 'river.txt', bytes: source }, 'River', 'Ada');
  const sub = await uploadDocument(started.url, KEY, asg.body.id, { filename: 'mine.txt', bytes: submission }, 'Mine', 'Ben');
  for (const d of await documentsSettled(started.api, [src, sub], 120_000)) assert.equal(d.status, 'done', `${d.status}: ${d.reason}`);
  const report = await waitFor('the report to find the source', async () => {
    const r = await started.api.get(`/api/v1/documents/${sub}/report`);
    return r.status === 200 && (r.body.matches as Match[]).some((m) => m.source_id === src) ? r.body : undefined;
  }, 60_000, 300);
  const text = (await started.api.get(`/api/v1/documents/${sub}/text`)).body.text as string;
  const sourceText = (await started.api.get(`/api/v1/documents/${src}/text`)).body.text as string;
  return { report, text, sourceText };
}

test('a sentence of the source the writer skipped between two copied paragraphs is not part of a verbatim match: both sides of each match are the same words', { timeout: 300_000 }, async () => {
  const { report, text, sourceText } = await pair('Deletion', `${DANUBE}\n\n${OWN}\n\n${ENGINEERS}\n`, `${DANUBE}\n\n${ENGINEERS}\n`);
  const matches = report.matches as (Match & { kind: string; source: { offset: number; length: number } })[];
  assert.ok(matches.length > 0);
  for (const m of matches) {
    const theirs = sourceText.slice(m.source.offset, m.source.offset + m.source.length);
    assert.ok(!theirs.includes('grandmother'), `a match's source side covers the sentence the submission lacks: ${JSON.stringify(m)}`);
    if (m.kind === 'verbatim') assert.equal(text.slice(m.submission.offset, m.submission.offset + m.submission.length), theirs);
  }
  assert.equal(report.similarity, 100);
});

test('a sentence of the writer\'s own between two copied paragraphs is not part of a verbatim match and does not count', { timeout: 300_000 }, async () => {
  const own = OWN;
  const { report, text, sourceText } = await pair('Insertion', `${DANUBE}\n\n${ENGINEERS}\n`, `${DANUBE}\n\n${own}\n\n${ENGINEERS}\n`);
  const at = text.indexOf(own);
  assert.ok(at > 0);
  for (const m of report.matches as (Match & { kind: string; source: { offset: number; length: number } })[]) {
    const mine = text.slice(m.submission.offset, m.submission.offset + m.submission.length);
    assert.ok(!mine.includes('grandmother'), `a match covers the writer's own sentence: ${JSON.stringify(m)}`);
    // A verbatim match is the same words on both sides.
    if (m.kind === 'verbatim') assert.equal(mine, sourceText.slice(m.source.offset, m.source.offset + m.source.length));
  }
  // Both paragraphs are found, the sentence between them is not counted.
  const covered = (report.matches as Match[]).map((m) => text.slice(m.submission.offset, m.submission.offset + m.submission.length)).join('\n');
  assert.ok(covered.includes(DANUBE) && covered.includes(ENGINEERS), covered);
  assert.ok(report.similarity < 90 && report.similarity > 70, String(report.similarity));
});

test('a code report\'s line ranges are the uploaded files\' own lines, blank lines included', { timeout: 300_000 }, async () => {
  const shared = 'def median(values):\n    ordered = sorted(values)\n    count = len(ordered)\n    middle = count // 2\n    if count % 2 == 1:\n        return ordered[middle]\n    return (ordered[middle - 1] + ordered[middle]) / 2.0\n';
  const alice = `import sys\n\n\n# Reads numbers, one a line.\n\n\n${shared}\n\nprint(median([int(x) for x in sys.stdin]))\n`;
  const bob = `import math\n\n\n\n${shared.replace(/values/g, 'nums').replace(/ordered/g, 'ys')}\n\n\ndef spread(nums):\n    return max(nums) - min(nums)\n`;
  const asg = await started.api.post('/api/v1/assignments', { name: 'Median', kind: 'code', settings: { language: 'python' } });
  assert.equal(asg.status, 201, JSON.stringify(asg.body));
  const a = await uploadDocument(started.url, KEY, asg.body.id, { filename: 'alice.py', bytes: alice }, 'alice', 'Alice');
  const b = await uploadDocument(started.url, KEY, asg.body.id, { filename: 'bob.py', bytes: bob }, 'bob', 'Bob');
  for (const d of await documentsSettled(started.api, [a, b], 120_000)) assert.equal(d.status, 'done', `${d.status}: ${d.reason}`);
  const report = await waitFor('bob\'s report to find alice', async () => {
    const r = await started.api.get(`/api/v1/documents/${b}/report`);
    return r.status === 200 && (r.body.matches as Match[]).some((m) => m.source_id === a) ? r.body : undefined;
  }, 60_000, 300);
  type Lines = { file: string; start_line: number; end_line: number };
  const m = (report.matches as (Match & { submission: Lines; source: Lines })[]).find((x) => x.source_id === a)!;
  const fileLines = { 'alice.py': alice.split('\n'), 'bob.py': bob.split('\n') } as Record<string, string[]>;
  // The copied function starts on line 7 of alice.py and line 5 of bob.py (blank lines above it).
  assert.equal(m.source.file, 'alice.py');
  assert.equal(m.submission.file, 'bob.py');
  assert.ok(m.source.start_line <= 7 && m.source.end_line >= 13, JSON.stringify(m.source));
  assert.ok(m.submission.start_line <= 5 && m.submission.end_line >= 11, JSON.stringify(m.submission));
  assert.match(fileLines['alice.py'][m.source.end_line - 1], /ordered|median|print/, JSON.stringify(m.source));
  assert.match(fileLines['bob.py'][m.submission.end_line - 1], /ys|nums/, JSON.stringify(m.submission));
  // The text the report shows and numbers is the file as uploaded.
  const text = (await started.api.get(`/api/v1/documents/${a}/text`)).body.text as string;
  assert.equal(text, alice.replace(/\s+$/, ''));
});
