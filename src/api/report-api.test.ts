/**
 * Reports through the native API (inject, no socket), on two essays sharing a paragraph:
 *
 *   assignment ── "Essay by Alice" (own + P + own) ─┐ share P
 *              ── "Essay by Bob"   (own + P + own) ─┘
 *
 * The JSON model validates against the committed schema; PDFs have the title, score and sources
 * as text; the DOCX carries comments; viewer links open the viewer; an edit makes a new version.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { pdfText } from '../testing/pdf-text.js';
import { appFixture, type AppFixture } from '../testing/app-fixture.js';
import { REPO_ROOT } from '../testing/server-process.js';
import { SHARED_PARAGRAPH, ESSAY_A, sharedParagraphReports } from '../testing/report-fixture.js';

let f: AppFixture;
let ids: { assignment: string; a: string; b: string };
before(async () => {
  f = await appFixture({ worker: true, web: true });
  ids = await sharedParagraphReports(f);
});
after(async () => f.close());

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'src/report/report-model.schema.json'), 'utf8'));
const compiled = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false }).compile(schema);
const validate = Object.assign((x: unknown): boolean => compiled(x), { get errors() { return compiled.errors; } });


test('GET /report is the versioned model, valid against the committed schema, with the native fields', async () => {
  const r = await f.call('GET', `/api/v1/documents/${ids.a}/report`);
  assert.equal(r.status, 200);
  assert.ok(validate(r.body), JSON.stringify(validate.errors));
  assert.equal(r.body.model_version, schema.properties.model_version.const);
  assert.equal(r.body.document.title, 'Essay by Alice');
  const m = r.body.matches.find((x: any) => x.source_document_id === ids.b);
  assert.ok(m);
  // Ranges on both sides, and the source's text of the match.
  assert.ok(m.offset <= ESSAY_A.indexOf(SHARED_PARAGRAPH));
  assert.equal(m.submission.offset, m.offset);
  assert.equal(m.source.offset, m.source_offset);
  assert.ok(m.source_excerpt.includes('mill towns') || m.source_excerpt.includes('industrial revolution'));
  assert.equal(r.body.ai.available, false);
  assert.match(r.body.ai.reason, /AI/);
  assert.equal(r.body.integrity.available, true);
  assert.equal(r.body.sources[0].source_document_id, ids.b);
  assert.equal((await f.call('GET', `/api/v1/documents/${ids.a}/report?version=99`)).status, 404);
});

test('a schema check fails on a model missing a field (the schema is not vacuous)', async () => {
  const r = await f.call('GET', `/api/v1/documents/${ids.a}/report`);
  const broken = { ...r.body };
  delete broken.matches;
  assert.equal(validate(broken), false);
});

test('report.pdf is a real PDF whose text has the title, the score and the sources', async () => {
  const res = await f.app.inject({ method: 'GET', url: `/api/v1/documents/${ids.a}/report.pdf`, headers: { authorization: `Bearer ${f.adminKey}` } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const report = (await f.call('GET', `/api/v1/documents/${ids.a}/report`)).body;
  const text = pdfText(res.rawPayload, true);
  if (text === null) {
    console.log('# pdftotext is not installed: skipping the PDF text assertions (install poppler-utils)');
    return;
  }
  assert.match(text, /Essay by Alice/);
  assert.ok(text.includes(`Similarity: ${report.similarity}%`), text.slice(0, 500));
  assert.match(text, /Essay by Bob/);
  assert.match(text, /growing\s+mill\s+towns/);
  const summary = await f.app.inject({ method: 'GET', url: `/api/v1/documents/${ids.a}/report.summary.pdf`, headers: { authorization: `Bearer ${f.adminKey}` } });
  assert.equal(summary.statusCode, 200);
  const st = pdfText(summary.rawPayload, true)!;
  assert.match(st, /Essay by Bob/);
  assert.equal(st.split('\f').filter((p) => p.trim()).length, 1, 'the summary is one page');
});

test('report.ai.pdf is not_ready while no AI score exists', async () => {
  const r = await f.call('GET', `/api/v1/documents/${ids.a}/report.ai.pdf`);
  assert.equal(r.status, 409);
  assert.equal(r.body.error.code, 'not_ready');
});

test('report.docx is a DOCX with comments naming the source; report.html is self-contained with marks', async () => {
  const res = await f.app.inject({ method: 'GET', url: `/api/v1/documents/${ids.a}/report.docx`, headers: { authorization: `Bearer ${f.adminKey}` } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.rawPayload.subarray(0, 2).toString(), 'PK');
  assert.ok(res.rawPayload.includes('word/comments.xml'), 'the archive has a comments part');
  const html = await f.app.inject({ method: 'GET', url: `/api/v1/documents/${ids.a}/report.html`, headers: { authorization: `Bearer ${f.adminKey}` } });
  assert.equal(html.statusCode, 200);
  assert.match(html.body, /<mark [^>]*data-match="m-/);
  assert.doesNotMatch(html.body, /<script[^>]+src=|<link[^>]+href=/, 'no external assets');
});

test('viewer links: view opens the viewer with the paragraph marked on both sides; a bad token is 404', async () => {
  const link = await f.call('POST', `/api/v1/documents/${ids.a}/viewer-links`, { mode: 'view' });
  assert.equal(link.status, 201);
  assert.ok(Date.parse(link.body.expires_at) > Date.now());
  const path = new URL(link.body.url).pathname;
  const page = await f.app.inject({ method: 'GET', url: path });
  assert.equal(page.statusCode, 200);
  const marks = [...page.body.matchAll(/<mark [^>]*id="([so])-(m-[^"]+)"[^>]*>([^<]*)<\/mark>/g)];
  const sub = marks.filter((x) => x[1] === 's').map((x) => x[3]).join('');
  const src = marks.filter((x) => x[1] === 'o').map((x) => x[3]).join('');
  assert.ok(sub.includes('growing mill towns'), sub);
  assert.ok(src.includes('growing mill towns'), src);
  assert.equal((await f.app.inject({ method: 'GET', url: `${path}x` })).statusCode, 404);
  // A view link cannot edit.
  const denied = await f.app.inject({ method: 'POST', url: `${path}/exclusions`, payload: { exclude_sources: [ids.b] } });
  assert.equal(denied.statusCode, 403);
  assert.equal((await f.call('POST', `/api/v1/documents/${ids.a}/viewer-links`, { mode: 'admin' })).status, 422);
});

test('edit: excluding the source recomputes the similarity as a new version and enqueues document.changed; restoring brings it back', async () => {
  const before = (await f.call('GET', `/api/v1/documents/${ids.b}/report`)).body;
  const link = await f.call('POST', `/api/v1/documents/${ids.b}/viewer-links`, { mode: 'edit' });
  const path = new URL(link.body.url).pathname;
  const page = await f.app.inject({ method: 'GET', url: path });
  assert.match(page.body, /data-exclude-source="/);
  const ex = await f.app.inject({ method: 'POST', url: `${path}/exclusions`, payload: { exclude_sources: [ids.a] } });
  assert.equal(ex.statusCode, 200, ex.body);
  const edited = (await f.call('GET', `/api/v1/documents/${ids.b}/report`)).body;
  assert.equal(edited.version, before.version + 1);
  assert.equal(edited.reason, 'edit');
  assert.equal(edited.similarity, 0);
  assert.deepEqual(edited.exclusions.sources, [ids.a]);
  assert.ok(edited.sources.find((s: any) => s.id === ids.a).excluded);
  assert.ok(validate(edited), JSON.stringify(validate.errors));
  const doc = await f.services.documents.byPublicId(1, ids.b);
  const jobs = await f.services.ctx.store.jobs.enqueue('notify', {}, { dedupeKey: `notify:${doc!.id}:document.changed:v${edited.version}` });
  assert.equal(jobs, null, 'the document.changed notification is already queued (same dedupe key)');
  const bad = await f.app.inject({ method: 'POST', url: `${path}/exclusions`, payload: { exclude_matches: ['m-nope-1-2'] } });
  assert.equal(bad.statusCode, 422);
  const restored = await f.app.inject({ method: 'POST', url: `${path}/exclusions`, payload: { restore_sources: [ids.a] } });
  assert.equal(JSON.parse(restored.body).similarity, before.similarity);
  // Excluding one match: it stays listed, flagged, and no longer counts.
  const one = before.matches[0].id;
  await f.app.inject({ method: 'POST', url: `${path}/exclusions`, payload: { exclude_matches: [one] } });
  const third = (await f.call('GET', `/api/v1/documents/${ids.b}/report`)).body;
  assert.ok(third.matches.find((x: any) => x.id === one).excluded);
  assert.ok(third.similarity < before.similarity);
});

test('an expired viewer link redirects to a place on an origin the organisation lists, else answers 410', async () => {
  const d = await f.services.documents.byPublicId(1, ids.a);
  const signer = f.services.tokens;
  const { token: early } = await signer.sign({ org: d!.organisation_id, mode: 'view', redirect: 'https://lms.example/expired' }, { audience: 'origo-viewer', subject: ids.a, ttlSeconds: -10 });
  assert.equal((await f.app.inject({ method: 'GET', url: `/viewer/${early}` })).statusCode, 410, 'not while the organisation does not list the origin');
  await f.services.organisations.setSettings(d!.organisation_id, { redirect_origins: ['https://lms.example'] });
  const { token } = await signer.sign({ org: d!.organisation_id, mode: 'view', redirect: 'https://lms.example/expired' }, { audience: 'origo-viewer', subject: ids.a, ttlSeconds: -10 });
  const r = await f.app.inject({ method: 'GET', url: `/viewer/${token}` });
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, 'https://lms.example/expired');
  const { token: plain } = await signer.sign({ org: d!.organisation_id, mode: 'view' }, { audience: 'origo-viewer', subject: ids.a, ttlSeconds: -10 });
  assert.equal((await f.app.inject({ method: 'GET', url: `/viewer/${plain}` })).statusCode, 410);
});

test('a source deleted since the check: the report still renders, the viewer says its text is gone', async () => {
  const asg = await f.call('POST', '/api/v1/assignments', { name: 'Deleted source' });
  const x = await f.call('POST', `/api/v1/assignments/${asg.body.id}/documents`, { title: 'Keeps', text: ESSAY_A });
  const y = await f.call('POST', `/api/v1/assignments/${asg.body.id}/documents`, { title: 'Goes away', text: ESSAY_A.replace('Alice', 'Yann') });
  const { waitFor } = await import('../testing/server-process.js');
  await waitFor('x to report y', async () => {
    const r = await f.call('GET', `/api/v1/documents/${x.body.id}/report`);
    return r.status === 200 && r.body.sources.some((s: any) => s.id === y.body.id) ? true : undefined;
  }, 60_000, 50);
  assert.equal((await f.call('DELETE', `/api/v1/documents/${y.body.id}`)).status, 204);
  const model = (await f.call('GET', `/api/v1/documents/${x.body.id}/report`)).body;
  const gone = model.sources.find((s: any) => s.id === y.body.id);
  assert.equal(gone.text_available, false);
  assert.ok(validate(model), JSON.stringify(validate.errors));
  const link = await f.call('POST', `/api/v1/documents/${x.body.id}/viewer-links`, { mode: 'view' });
  const page = await f.app.inject({ method: 'GET', url: new URL(link.body.url).pathname });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /deleted since the check/);
  const pdf = await f.app.inject({ method: 'GET', url: `/api/v1/documents/${x.body.id}/report.pdf`, headers: { authorization: `Bearer ${f.adminKey}` } });
  assert.equal(pdf.statusCode, 200);
});
