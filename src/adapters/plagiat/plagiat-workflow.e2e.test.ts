/**
 * The Plagiat.pl workflow end to end, through a started server and a local callback receiver:
 *
 *   client key ── orgs/create, users/create (testCount 10) ── user key (native API, vendor plagiat)
 *   user key   ── documents/add ×4, one assignmentId, callbackUrl ─┐
 *                   A = own + P + own      ┐ share paragraph P (> 25 words)
 *                   B = own + P + own      ┘
 *                   C = unrelated to A and B   ┐ share a ~60-word passage,
 *                   D = unrelated to A and B   ┘ every 8th word changed in D
 *   receiver   ◄── 4 callbacks {id, status: "completed"} ─────────┘
 *   user key   ── documents (factors, cross-checks), documents/report (JSON, HTML, PDF), report/api/token → viewer
 *
 * A–B score higher than A–C; phrases of 5–7 words count for factor1, not for factor2.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { apiClient, freePort, startProcess, tempDir, waitFor, type ServerProcess } from '../../testing/server-process.js';
import { minimalDocx, plagiatClient } from '../../testing/plagiat-client.js';

const P =
  'The industrial revolution transformed the economic and social structure of Britain in ways that historians still debate today, ' +
  'especially its effect on wages, on working hours and on the living standards of families who moved from the countryside into the growing mill towns.';
// C and D share a passage of about 60 words in which D changed every eighth word: its phrases are
// at most 7 words long, so they count for factor1 (at least 5 words) and not for factor2 (at least 25).
const Q =
  'Glaciers carve deep valleys into the mountains over many thousands of years. Rivers slowly cut narrow gorges through soft limestone, ' +
  'and wind erodes exposed granite ridges along the coast of the northern sea. Over time these forces leave a landscape of steep cliffs, ' +
  'broad plains and scattered boulders that farmers still clear from their fields every spring.';
const Q_EDITED = Q.split(' ').map((w, i) => (i % 8 === 7 ? `changed${i}` : w)).join(' ');
const TEXTS = {
  A: `Alice's essay opens with her own view of the period and the sources she read for this course. ${P} She closes by quoting her teacher: "every age has its machines" and comparing it with the digital economy of her own generation.`,
  B: `Bob begins with a story about his grandfather, who worked in a factory near Manchester for forty years. ${P} His conclusion is that progress always has a price someone else pays.`,
  C: `Arctic terns migrate from pole to pole every year and rest on the open ocean for weeks at a time. ${Q} That is the story of the north.`,
  D: `Volcanoes build islands in the middle of the sea, where lava cools into black rock. ${Q_EDITED} Change is slow.`,
};

const dir = tempDir();
let server: ServerProcess | undefined;
let receiver: Server | undefined;
after(async () => {
  await server?.kill('SIGTERM');
  receiver?.close();
  dir.remove();
});

test('upload, callback, factors, cross-checks, reports and the report link, as an LMS does it', { timeout: 120_000 }, async () => {
  const callbacks: { type: string; body: any }[] = [];
  const receiverPort = await freePort();
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      callbacks.push({ type: String(req.headers['content-type']), body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' }).end('{"status":"new","message":"Notification received"}');
    });
  });
  await new Promise<void>((r) => receiver!.listen(receiverPort, '127.0.0.1', r));

  const adminKey = 'plagiat-e2e-admin-key-0123456789';
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_OUTBOUND_ALLOW: '127.0.0.1', ORIGO_ADMIN_KEY: adminKey, ORIGO_WORKERS: '1', ORIGO_WEBHOOK_BACKOFF_MS: '100' });
  const api = plagiatClient(`${server.url}/plagiat`);
  const native = apiClient(server.url, adminKey);

  // The account: an organisation unit and a teacher with 10 tests, then the teacher's user-level key.
  assert.equal((await api.form('POST', '/api/v2/orgs/create', { APIKEY: adminKey, name: 'Faculty of History' })).status, 200);
  assert.equal((await api.form('POST', '/api/v2/users/create', { APIKEY: adminKey, email: 'teacher@uni.example', password: 'a-long-password', orgName: 'Faculty of History', name: 'Anna', surname: 'Nowak', testCount: '10' })).status, 200);
  const teacherId = (await native.get('/api/v1/users?email=teacher%40uni.example')).body.items[0].id;
  const key = (await native.post('/api/v1/api-keys', { level: 'user', user_id: teacherId, vendor: 'plagiat' })).body.key as string;

  const ids: Record<string, string> = {};
  for (const [name, text] of Object.entries(TEXTS)) {
    // B arrives as a Word document, the others as plain text.
    const file =
      name === 'B'
        ? { name: 'B.docx', bytes: await minimalDocx(text.split(/(?<=\.) /)), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }
        : { name: `${name}.txt`, bytes: text };
    const r = await api.multipart(
      '/api/v2/documents/add',
      { APIKEY: key, languageCode: 'en', title: `Essay ${name}`, author: `Student ${name}`, coordinator: 'Anna Nowak', action: 'check', documentKind: '6', assignmentId: 'history-101-essay', callbackUrl: `http://127.0.0.1:${receiverPort}/strike/callback` },
      file,
    );
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'new');
    ids[name] = r.json.id;
  }

  // Each document's report-ready callback arrives once, as JSON.
  await waitFor('four callbacks', async () => (callbacks.length >= 4 ? true : undefined), 60_000, 100);
  assert.deepEqual(callbacks.map((c) => c.body.id).sort(), Object.values(ids).sort());
  for (const c of callbacks) {
    assert.match(c.type, /^application\/json/);
    assert.equal(c.body.status, 'completed');
    assert.equal(c.body.documentId, c.body.id);
  }

  const meta = async (name: string) => (await api.get('/api/v2/documents', { id: ids[name], APIKEY: key })).json;
  // A was checked before B existed; B's check re-checks A, so wait until A sees B.
  const a = await waitFor('A to cross-check with B', async () => {
    const m = await meta('A');
    return m['cross-checks']?.find((x: { documentTitle: string }) => x.documentTitle === 'Essay B')?.similarity > 0 ? m : undefined;
  }, 30_000, 200);
  assert.equal(a.status, 'checked');
  assert.ok(a.quotationsFactor > 0 && a.quotationsFactor < 0.1, `four quoted words: ${a.quotationsFactor}`);
  const cross = Object.fromEntries(a['cross-checks'].map((x: { documentTitle: string; documentAuthor: string; similarity: number }) => [x.documentTitle, x]));
  assert.deepEqual(Object.keys(cross).sort(), ['Essay B', 'Essay C', 'Essay D']);
  assert.equal(cross['Essay B'].documentAuthor, 'Student B');
  assert.ok(cross['Essay B'].similarity > cross['Essay C'].similarity, 'the pair sharing a passage scores higher than an unrelated pair');
  assert.equal(cross['Essay C'].similarity, 0);
  assert.ok(a.factor1 > 0.5 && a.factor2 > 0.5, `P is over 25 words and most of A: ${a.factor1} / ${a.factor2}`);

  const c = await waitFor('C to see D', async () => {
    const m = await meta('C');
    return m.factor1 > 0 ? m : undefined;
  }, 30_000, 200);
  assert.ok(c.factor1 > 0.3, `phrases of 5 to 7 words count for factor1: ${c.factor1}`);
  assert.equal(c.factor2, 0, 'but not for factor2 (phrases of 25 words or more)');

  // The teacher used four of ten tests.
  assert.equal((await api.get('/api/v2/users', { APIKEY: adminKey, email: 'teacher@uni.example' })).json.testCount, 6);

  // Reports: JSON for the LMS, HTML for people, and the interactive report link.
  const json = await api.get('/api/v2/documents/report', { id: ids.A, APIKEY: key }, { accept: 'application/json' });
  assert.equal(json.status, 200);
  assert.equal(json.json.similarity_1, Math.round(a.factor1 * 10000) / 100);
  assert.ok(json.json.sources.some((s: { title: string; similar_words: number }) => s.title === 'Essay B' && s.similar_words > 25));
  const html = await api.get('/api/v2/documents/report', { id: ids.A, APIKEY: key });
  assert.equal(html.status, 200);
  assert.ok(html.text.includes('<mark>'), 'the full report marks the shared passage');
  // What the PHP client's FullReportParser reads: the first .percent under .similarity-info .similarity-info-wp1,
  // and in #active-longest-table rows the link (2nd cell), the author (3rd) and the identical words (4th).
  const wp1 = /<div class="similarity-info">\s*<div class="similarity-info-wp1">[^<]*<span class="percent">([^<]*)<\/span>/.exec(html.text);
  assert.equal(Number(wp1?.[1]), json.json.similarity_1);
  const row = /<tr[^>]*><td>\d+<\/td><td><a href="([^"]+)">Essay B<\/a><\/td><td>([^<]*)<\/td><td>(\d+)<\/td><\/tr>/.exec(html.text);
  assert.ok(row, 'a source row for B');
  assert.equal(row[2], 'Student B');
  assert.ok(Number(row[3]) > 25);
  const pdf = await fetch(`${server.url}/plagiat/api/v2/documents/report?id=${encodeURIComponent(ids.A)}&APIKEY=${key}&pdf=true`);
  assert.equal(pdf.status, 200);
  assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1'), '%PDF-');
  const token = await api.json('POST', '/report/api/token', { apiKey: key, documentId: ids.A, viewOnly: true });
  assert.equal(token.status, 200);
  const page = await fetch(`${server.url}/plagiat/report/?auth=${token.text}`);
  assert.equal(page.status, 200);
  assert.ok((await page.text()).includes('Essay B'));
});
