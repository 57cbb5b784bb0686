/**
 * Quotations, through a started server and its native API:
 * - a copied passage inside quotation marks, in an assignment that excludes quotes: the JSON
 *   report marks the quoted span (and the match on it) excluded, with the reason;
 * - switching `exclude_quotes` on for an assignment already checked re-checks its documents: a
 *   new report version appears with the quote excluded, without anyone asking for it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverForTests, waitFor } from '../testing/server-process.js';
import { uploadDocument, documentsSettled } from '../testing/documents-api.js';
import { ESSAY, OWN_WORDS, QUOTED } from '../testing/essay-fixture.js';

const KEY = 'e2e-admin-key-teacher-0123456789abcdef';
const started = serverForTests(KEY);

interface Match { source_id: string; offset: number; length: number; excluded: boolean; excluded_reason: string | null }
interface Span { offset: number; length: number; excluded: boolean; reason: string; label: string }

async function quotedPair(settings: Record<string, unknown>) {
  const asg = await started.api.post('/api/v1/assignments', { name: 'Quotes', settings });
  assert.equal(asg.status, 201, JSON.stringify(asg.body));
  const source = await uploadDocument(started.url, KEY, asg.body.id, { filename: 'lighthouse.txt', bytes: ESSAY.join('\n\n') }, 'Lighthouse', 'Ada');
  const quoting = await uploadDocument(started.url, KEY, asg.body.id, { filename: 'garden.txt', bytes: OWN_WORDS.join('\n\n') }, 'Garden', 'Ben');
  const docs = await documentsSettled(started.api, [source, quoting], 120_000);
  for (const d of docs) assert.equal(d.status, 'done', `${d.status}: ${d.reason}`);
  return { assignment: asg.body.id as string, source, quoting };
}

/** The quoted span of the report, and the matches from `source` on it. */
function quotedSpan(report: { excluded_text: Span[]; matches: Match[] }, text: string, source: string) {
  const at = text.indexOf(QUOTED);
  assert.ok(at >= 0);
  const span = report.excluded_text.find((s) => s.offset <= at + 1 && s.offset + s.length >= at + QUOTED.length - 1);
  const matches = report.matches.filter((m) => m.source_id === source && m.offset < at + QUOTED.length && m.offset + m.length > at);
  return { span, matches };
}

test('a quoted copy in an assignment that excludes quotes is reported as excluded, with the reason, on the quoted span', { timeout: 300_000 }, async () => {
  const { source, quoting } = await quotedPair({ exclude_quotes: true });
  const text = (await started.api.get(`/api/v1/documents/${quoting}/text`)).body.text as string;
  const report = await waitFor('the quoting report to find the source', async () => {
    const r = await started.api.get(`/api/v1/documents/${quoting}/report`);
    return r.status === 200 && (r.body.matches as Match[]).some((m) => m.source_id === source) ? r.body : undefined;
  }, 60_000, 300);
  const { span, matches } = quotedSpan(report, text, source);
  assert.ok(span, `no excluded span covers the quote: ${JSON.stringify(report.excluded_text)}`);
  assert.equal(span.excluded, true);
  assert.equal(span.reason, 'quote');
  assert.equal(span.label, 'quotation');
  assert.ok(matches.length > 0, 'the quoted passage is still shown as a match');
  for (const m of matches) {
    assert.equal(m.excluded, true, JSON.stringify(m));
    assert.equal(m.excluded_reason, 'quote');
  }
  // Only the quote matches the source, so nothing of it counts.
  assert.equal(report.similarity, 0);
  const filter = (report.filters as { name: string; active: boolean }[]).find((f) => f.name === 'exclude_quotes');
  assert.equal(filter?.active, true, JSON.stringify(report.filters));
});

test('switching exclude_quotes on re-checks the documents already checked: a new version excludes the quote', { timeout: 300_000 }, async () => {
  const { assignment, source, quoting } = await quotedPair({ exclude_quotes: false });
  const text = (await started.api.get(`/api/v1/documents/${quoting}/text`)).body.text as string;
  const before = await waitFor('the quoting report to find the source', async () => {
    const r = await started.api.get(`/api/v1/documents/${quoting}/report`);
    return r.status === 200 && (r.body.matches as Match[]).some((m) => m.source_id === source) ? r.body : undefined;
  }, 60_000, 300);
  const counted = quotedSpan(before, text, source);
  assert.equal(counted.span, undefined, 'quotes are not excluded yet');
  assert.ok(counted.matches.some((m) => !m.excluded));
  assert.ok(before.similarity > 0);

  const patched = await started.api.patch(`/api/v1/assignments/${assignment}`, { settings: { exclude_quotes: true } });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  assert.equal(patched.body.settings.exclude_quotes, true);
  const after = await waitFor('a new version with the quote excluded', async () => {
    const r = await started.api.get(`/api/v1/documents/${quoting}/report`);
    return r.status === 200 && r.body.version > before.version && r.body.settings.exclude_quotes === true ? r.body : undefined;
  }, 120_000, 300);
  const { span, matches } = quotedSpan(after, text, source);
  assert.equal(span?.reason, 'quote');
  assert.ok(matches.length > 0 && matches.every((m) => m.excluded && m.excluded_reason === 'quote'), JSON.stringify(matches));
  assert.equal(after.similarity, 0);
});

test('POST /assignments/{id}/recheck checks the documents again: a report naming a deleted source loses it', { timeout: 300_000 }, async () => {
  const { assignment, source, quoting } = await quotedPair({ exclude_quotes: false });
  const before = await waitFor('the quoting report to find the source', async () => {
    const r = await started.api.get(`/api/v1/documents/${quoting}/report`);
    return r.status === 200 && (r.body.sources as { id: string }[]).some((s) => s.id === source) ? r.body : undefined;
  }, 60_000, 300);
  assert.equal((await started.api.del(`/api/v1/documents/${source}`)).status, 204);
  // Deleting a source does not rewrite the reports that name it; a re-check does.
  const r = await started.api.post(`/api/v1/assignments/${assignment}/recheck`);
  assert.equal(r.status, 202, JSON.stringify(r.body));
  assert.deepEqual(r.body, { assignment_id: assignment, queued: 1 });
  const after = await waitFor('a new version without the deleted source', async () => {
    const x = await started.api.get(`/api/v1/documents/${quoting}/report`);
    return x.body.version > before.version ? x.body : undefined;
  }, 120_000, 300);
  assert.deepEqual(after.sources, []);
  assert.equal(after.similarity, 0);
  assert.equal((await started.api.post('/api/v1/assignments/asg_unknown/recheck')).status, 404);
});
