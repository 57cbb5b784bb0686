/**
 * A pair of code submissions that shares no fingerprint but the engine scores through its literal
 * channel (docs/code-similarity.md: "Pairs that share no fingerprint ... score λ·literal") reaches
 * the teacher with that score, as bench/code-quality.mjs measures it:
 *
 *   planets.py prints five sentences one by one; orbits.py keeps the same five sentences in a list
 *   and prints them in a loop (no 12-token run in common) ──► each lists the other as a source with
 *   the engine's similarity (no line fragments to show), the pair is in GET …/pairs, and the
 *   unrelated third program lists neither.
 *
 * Before this, the service dropped every pair without line fragments: the teacher saw 0 % where
 * the engine (and the benchmark) said 86 %. Real files, a started server.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import { apiClient, startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';
import { uploadDocument } from '../testing/documents-api.js';
import { compareCodeSubmissions } from '../code-tokens/index.js';
import { pdfText } from '../testing/pdf-text.js';

const KEY = 'code-literal-only-key-0123456789';
const PLANETS = `print("Mercury orbits in 88 days")
print("Venus orbits in 225 days")
print("Earth orbits in 365 days")
print("Mars orbits in 687 days")
print("Jupiter orbits in 4333 days")
`;
const ORBITS = `lines = ["Mercury orbits in 88 days", "Venus orbits in 225 days", "Earth orbits in 365 days",
         "Mars orbits in 687 days", "Jupiter orbits in 4333 days"]
for line in lines:
    print(line)
`;
const SQUARES = `total = 0
for n in range(1, 11):
    total += n * n
print("sum of squares", total)
`;

const dir = tempDir();
let server: ServerProcess | undefined;
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

test('a code pair the engine scores by literals alone (no shared fingerprint) is a source and a pair with the engine score', { timeout: 120_000 }, async () => {
  // What the engine says (as the benchmark calls it): a positive score and no fragments.
  const engine = await compareCodeSubmissions([
    { id: 'planets', files: [{ path: 'planets.py', text: PLANETS }] },
    { id: 'orbits', files: [{ path: 'orbits.py', text: ORBITS }] },
  ]);
  const [pair] = engine.pairs;
  assert.equal(pair.fragments.length, 0, 'the fixture shares no fingerprint');
  assert.ok(pair.similarity > 0.5, `the literal channel scores the pair: ${pair.similarity}`);
  const percent = Math.round(pair.similarity * 10000) / 100;

  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY });
  const api = apiClient(server.url, KEY);
  const asg = await api.post('/api/v1/assignments', { name: 'Python lab 1', kind: 'code' });
  assert.equal(asg.status, 201, JSON.stringify(asg.body));
  const planets = await uploadDocument(server.url, KEY, asg.body.id, { filename: 'planets.py', bytes: PLANETS }, 'Planets', 'Ada');
  const orbits = await uploadDocument(server.url, KEY, asg.body.id, { filename: 'orbits.py', bytes: ORBITS }, 'Orbits', 'Ben');
  const squares = await uploadDocument(server.url, KEY, asg.body.id, { filename: 'squares.py', bytes: SQUARES }, 'Squares', 'Cy');
  const ids = [planets, orbits, squares];
  // Reports of earlier uploads are replaced when the class grows: wait for the check that saw all three.
  const reports = await waitFor('every submission checked with the whole class', async () => {
    const rs = await Promise.all(ids.map((id) => api.get(`/api/v1/documents/${id}/report`)));
    if (!rs.every((r) => r.status === 200 && r.body.status === 'done')) return undefined;
    const seen = rs.map((r) => (r.body.filters as { name: string; value: { submissions: number } }[]).find((x) => x.name === 'common_code')?.value.submissions);
    return seen.every((n) => n === 3) ? rs.map((r) => r.body) : undefined;
  }, 60_000, 200);

  const [p, o, s] = reports;
  for (const [me, other] of [[p, orbits], [o, planets]] as const) {
    assert.equal(me.sources.length, 1, JSON.stringify(me.sources));
    assert.equal(me.sources[0].id, other);
    assert.equal(me.sources[0].similarity, percent, 'the source carries the engine score');
    assert.equal(me.similarity, percent, 'the submission score is the engine score');
    // The evidence of a source with no match to show: the values both use, each sentence once.
    assert.deepEqual([...me.sources[0].shared_values].sort(), PLANETS.trim().split('\n').map((l) => l.slice('print('.length, -1)).sort());
  }
  assert.equal(s.sources.length, 0, JSON.stringify(s.sources));
  assert.equal(s.similarity, 0);

  const pairs = await api.get(`/api/v1/assignments/${asg.body.id}/pairs`);
  assert.equal(pairs.status, 200, JSON.stringify(pairs.body));
  assert.equal(pairs.body.pairs.length, 1, JSON.stringify(pairs.body.pairs));
  const [only] = pairs.body.pairs;
  assert.deepEqual([only.a.id, only.b.id].sort(), [planets, orbits].sort());
  assert.equal(only.similarity, percent);
  assert.equal(only.a_in_b, percent);
  assert.equal(only.b_in_a, percent);
  assert.equal(only.matches, 0, 'no line fragments to show');

  // The report renders with such a source (the HTML report and the PDF).
  const html = await fetch(`${server.url}/api/v1/documents/${planets}/report.html`, { headers: { authorization: `Bearer ${KEY}` } });
  assert.equal(html.status, 200);
  const page = await html.text();
  assert.ok(page.includes('Orbits'));
  assert.ok(page.includes('Values both use: <code>&quot;Mercury orbits in 88 days&quot;</code>'), 'the viewer lists the values both use');
  const pdf = await fetch(`${server.url}/api/v1/documents/${planets}/report.pdf`, { headers: { authorization: `Bearer ${KEY}` } });
  assert.equal(pdf.status, 200);
  const pdfBytes = Buffer.from(await pdf.arrayBuffer());
  assert.equal(pdfBytes.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(pdfBytes)?.replace(/\s+/g, ' ');
  if (text === undefined || text === null) console.log('# pdftotext is not installed: skipping the PDF text assertion (install poppler-utils)');
  else assert.match(text, /values both use: "Mercury orbits in 88 days"/);
  const docx = await fetch(`${server.url}/api/v1/documents/${planets}/report.docx`, { headers: { authorization: `Bearer ${KEY}` } });
  assert.equal(docx.status, 200);
  const body = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']);
  assert.ok(body.includes('values both use: &quot;Mercury orbits in 88 days&quot;'), 'the DOCX lists the values both use');
});
