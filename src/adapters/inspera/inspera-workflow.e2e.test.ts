/**
 * The Inspera workflow end to end, as the Moodle plugin and an institution's webhook receiver see it:
 *
 *   POST /token ─► POST /create/submission ×3 (assignment "essay-1") ─► PUT presignedS3Url (raw file)
 *        A: own text + P + own text   ─┐ share passage P
 *        B: own text + P + own text   ─┘
 *        C: unrelated
 *   webhooks to the institution's URL: 0 (upload), -1 (processing), 1 (processed) per document;
 *   A gets 3 (changed) when B's later upload shows the shared passage on A's side too.
 *   GET checkStatus: A and B score higher than C.
 *   GET mode/view opens the viewer; in mode/edit an educator leaves out A as B's source: webhook 3, B scores 0.
 *   excludeCitations: a quoted copy of P scores less with it than without; excludeSources naming the
 *   source and a sourcesThreshold above its share both bring it to 0.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../../testing/server-process.js';
import { insperaClient } from '../../testing/inspera-client.js';

const P =
  'The industrial revolution transformed the economic and social structure of Britain in ways that historians still debate today, ' +
  'especially its effect on wages, on working hours and on the living standards of families who moved from the countryside into the growing mill towns.';
const A = `Alice's essay opens with her own view of the period and the sources she read for this course. ${P} She closes by comparing it with the digital economy of her own generation.`;
const B = `Bob begins with a story about his grandfather, who worked in a factory near Manchester for forty years. ${P} His conclusion is that progress always has a price someone else pays.`;
const C = 'Arctic terns migrate from pole to pole every year, covering more distance than any other bird, and they rest on the open ocean for weeks at a time without touching land.';

const KEY = 'inspera-e2e-key-0123456789abcdef';
const dir = tempDir();
let server: ServerProcess | undefined;
let receiver: Server | undefined;
after(async () => {
  await server?.kill('SIGTERM');
  receiver?.close();
  dir.remove();
});

interface Hook {
  status: number;
  message: string;
  documentId: string;
  institutionId: string;
  timestamp: string;
  similarity?: number;
  originality?: string;
  AI_index?: number | null;
  translation_similarity?: number | null;
}

test('Inspera workflow: token, submissions, presigned uploads, webhooks, scores, exclusions', { timeout: 180_000 }, async () => {
  const hooks: Hook[] = [];
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      hooks.push(JSON.parse(body) as Hook);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver!.listen(0, '127.0.0.1', () => r()));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/inspera-hooks`;

  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_OUTBOUND_ALLOW: '127.0.0.1', ORIGO_ADMIN_KEY: KEY, ORIGO_WORKERS: '1', ORIGO_WEBHOOK_BACKOFF_MS: '200' });
  const admin = apiClient(server.url, KEY);
  const org = (await admin.get('/api/v1/me')).body.organisation_id as string;
  // The institution's webhook URL is an organisation setting.
  assert.equal((await admin.patch(`/api/v1/organisations/${org}`, { settings: { inspera_webhook_url: hookUrl } })).status, 200);

  const c = insperaClient(`${server.url}/inspera`);
  assert.equal((await c.login(KEY, org)).status, 200);
  const submit = async (title: string, text: string, assignmentId: string, extra: Record<string, unknown> = {}) => {
    const r = await c.post('/create/submission', { documentTitle: title, author: 'Student Name', email: `${title.replace(/\W/g, '')}@school.example`, docType: 'text/plain', assignmentId, enableContextSimilarity: false, ...extra });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const put = await c.upload(r.body.presignedS3Url, text, 'text/plain');
    assert.ok(put.status < 400);
    return r.body.documentId as string;
  };
  const processed = (id: string) =>
    waitFor(`${id} processed`, async () => {
      const r = await c.get(`/document/${id}/checkStatus`);
      return r.body.status === 1 ? r.body : undefined;
    }, 90_000, 200);

  const idA = await submit('Essay of Alice', A, 'essay-1');
  await processed(idA);
  const idB = await submit('Essay of Bob', B, 'essay-1');
  const idC = await submit('Essay of Carol', C, 'essay-1');
  const [sb, sc] = [await processed(idB), await processed(idC)];
  // A is re-checked once B has arrived, so it shows the shared passage too.
  const sa = await waitFor('A re-checked', async () => {
    const r = await c.get(`/document/${idA}/checkStatus`);
    return r.body.status === 1 && r.body.similarity > 0 ? r.body : undefined;
  }, 60_000, 200);
  assert.ok(sa.similarity > sc.similarity && sb.similarity > sc.similarity, `A ${sa.similarity}, B ${sb.similarity}, C ${sc.similarity}`);
  assert.equal(sc.similarity, 0);
  assert.equal(sc.originality, 'Low risk');
  assert.equal(sa.ai_index, null, 'no AI score stored: the not-available form');

  // Webhooks: 0, -1, 1 for every document, 3 for A; each with the documented fields.
  const seen = await waitFor('webhooks', async () => {
    const of = (id: string) => hooks.filter((h) => h.documentId === id).map((h) => h.status);
    const ok = [idA, idB, idC].every((id) => [0, -1, 1].every((s) => of(id).includes(s))) && of(idA).includes(3);
    return ok ? hooks.slice() : undefined;
  }, 60_000, 200);
  for (const h of seen) {
    assert.equal(h.institutionId, org);
    assert.ok(!Number.isNaN(Date.parse(h.timestamp)));
  }
  const doneB = seen.find((h) => h.documentId === idB && h.status === 1)!;
  assert.equal(doneB.message, 'Document is processed');
  assert.equal(doneB.similarity, sb.similarity);
  assert.equal(doneB.translation_similarity, null);
  assert.ok('AI_index' in doneB);
  assert.ok(['High risk', 'Medium risk', 'Low risk'].includes(doneB.originality!));
  const changedA = seen.find((h) => h.documentId === idA && h.status === 3)!;
  assert.equal(changedA.message, 'Document had some changes');
  assert.ok(changedA.similarity! > 0);
  assert.equal(seen.find((h) => h.documentId === idC && h.status === 0)!.message, 'Document is still in the queue');
  assert.equal(seen.find((h) => h.documentId === idC && h.status === -1)!.message, 'Document is processing');

  // The report URL (what redirect.php sends the browser to): the viewer, in view or edit mode.
  const view = await c.get(`/document/${idB}/mode/view`);
  assert.equal(view.status, 200);
  assert.ok(view.body.url.startsWith(`${server.url}/viewer/`), view.body.url);
  const page = await fetch(view.body.url);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.match(await page.text(), /Essay of Alice/, 'the viewer names the matched source');
  // An educator edits the report in edit mode (leaves out A as a source): webhook 3 with the new score.
  const edit = await c.get(`/document/${idB}/mode/edit`);
  assert.equal(edit.status, 200);
  const docs = (await admin.get('/api/v1/documents?limit=100')).body.items as { id: string; title: string }[];
  const originA = docs.find((d) => d.title === 'Essay of Alice')!.id;
  const excluded = await fetch(`${edit.body.url}/exclusions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ exclude_sources: [originA] }) });
  assert.equal(excluded.status, 200, await excluded.clone().text());
  const changedB = await waitFor('changed webhook for B', async () => hooks.find((h) => h.documentId === idB && h.status === 3), 30_000, 100);
  assert.equal(changedB.similarity, 0, 'B matched only A');
  assert.equal((await c.get(`/document/${idB}/checkStatus`)).body.similarity, 0);
  assert.equal((await fetch(`${view.body.url}/exclusions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ exclude_sources: [originA] }) })).status, 403, 'a view link cannot edit');

  // excludeCitations: the same quoted passage, checked against A's archive copy, with and without.
  const quoted = `My essay quotes a historian: "${P}" and then discusses the quotation in my own words at some length.`;
  const sourceId = await submit('Archived source', A, 'archive-src', { archive: true });
  await processed(sourceId);
  await waitFor('archived', async () => ((await c.get(`/document/${sourceId}/checkStatus`)).body.status === 1 ? true : undefined));
  const plain = await processed(await submit('Quoting essay one', quoted, 'quotes-plain'));
  const withCitations = await processed(await submit('Quoting essay two', quoted, 'quotes-excluded', { excludeCitations: true }));
  assert.ok(plain.similarity > 0, `without exclusion ${plain.similarity}`);
  assert.ok(withCitations.similarity < plain.similarity, `with excludeCitations ${withCitations.similarity} vs ${plain.similarity}`);
  // sources.excludeSources: the archived source named by its title is not counted.
  const named = await processed(await submit('Quoting essay three', quoted, 'quotes-named', { sources: { excludeSources: ['Archived source'] } }));
  assert.equal(named.similarity, 0, JSON.stringify(named));
  // sourcesThreshold: a source below the percentage leaves the score.
  const threshold = await processed(await submit('Quoting essay four', quoted, 'quotes-threshold', { sourcesThreshold: 99 }));
  assert.equal(threshold.similarity, 0, JSON.stringify(threshold));
});
