/**
 * A code assignment without a language setting reads a file's language from its extension (`.txt`
 * is plain text). An essay uploaded as a DOCX holds no file it can read: such a submission fails
 * with a reason that says so and what to do, instead of ending `done` at 0 % (two copies of the
 * same LibreOffice DOCX were both reported 0 %, "nothing copied"). Real files, a started server.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, startProcess, tempDir, type ServerProcess } from '../testing/server-process.js';
import { documentsSettled, uploadDocument } from '../testing/documents-api.js';
import { officeFormats, sofficeOnPath } from '../testing/office-formats.js';

const KEY = 'code-not-source-key-0123456789';
const ESSAY = [
  'Lighthouses were once kept by families who lived beside the lamp and trimmed its wick through the night.',
  'Automation in the twentieth century replaced the keepers with clockwork and later with electric timers and sensors.',
];
const PYTHON = 'def mean(values):\n    total = 0\n    for v in values:\n        total += v\n    return total / len(values)\n\n\nprint(mean([3, 5, 8, 13]))\n';

const dir = tempDir();
let server: ServerProcess | undefined;
after(async () => {
  await server?.kill('SIGTERM');
  dir.remove();
});

test('a code assignment fails an essay DOCX with a reason; source files are still compared', { timeout: 240_000 }, async (t) => {
  const soffice = sofficeOnPath();
  if (!soffice) {
    if (process.env.ORIGO_REQUIRE_CONVERTERS === '1') assert.fail('soffice is required (ORIGO_REQUIRE_CONVERTERS=1)');
    t.skip('LibreOffice (soffice) is not installed');
    return;
  }
  const docx = officeFormats(soffice, ESSAY).get('docx')!;
  server = await startProcess({ ORIGO_DATA_DIR: dir.path, ORIGO_ADMIN_KEY: KEY });
  const api = apiClient(server.url, KEY);
  const asg = await api.post('/api/v1/assignments', { name: 'Python lab', kind: 'code' });
  assert.equal(asg.status, 201, JSON.stringify(asg.body));
  const essay1 = await uploadDocument(server.url, KEY, asg.body.id, docx, 'Essay 1', 'Ada');
  const essay2 = await uploadDocument(server.url, KEY, asg.body.id, docx, 'Essay 2', 'Ben');
  const py1 = await uploadDocument(server.url, KEY, asg.body.id, { filename: 'stats.py', bytes: PYTHON }, 'Stats 1', 'Dee');
  const py2 = await uploadDocument(server.url, KEY, asg.body.id, { filename: 'mean.py', bytes: PYTHON }, 'Stats 2', 'Eve');
  const [d1, d2, d4, d5] = await documentsSettled(api, [essay1, essay2, py1, py2]);
  for (const d of [d1, d2]) {
    assert.equal(d.status, 'failed', JSON.stringify(d));
    assert.match(d.reason, /^no_source_code: /, d.reason);
    assert.ok(d.reason.includes('essay.docx'), `the reason names the file: ${d.reason}`);
    assert.match(d.reason, /"language" setting/, d.reason);
    const report = await api.get(`/api/v1/documents/${d.id}/report`);
    assert.equal(report.status, 409, JSON.stringify(report.body));
    assert.equal(report.body.error.code, 'not_ready');
    assert.ok(report.body.error.message.includes('no_source_code'), report.body.error.message);
    assert.ok(!report.body.error.message.endsWith('..') && !report.body.error.message.endsWith('.).'), report.body.error.message);
    // Its text answers with the same reason, not "The document is failed".
    const text = await api.get(`/api/v1/documents/${d.id}/text`);
    assert.equal(text.status, 409, JSON.stringify(text.body));
    assert.equal(text.body.error.message, report.body.error.message);
  }
  // The source files are compared with each other as before, and not with the failed ones.
  for (const d of [d4, d5]) {
    assert.equal(d.status, 'done', JSON.stringify(d));
    assert.ok(d.similarity >= 90, `identical Python files: ${d.similarity}`);
    const report = await api.get(`/api/v1/documents/${d.id}/report`);
    assert.deepEqual(report.body.sources.map((s: { id: string }) => s.id), [d === d4 ? py2 : py1]);
  }

  // With the language set, every file is read in it (no extension decides): code saved as .txt is
  // compared with the same code saved as .py.
  const lab2 = await api.post('/api/v1/assignments', { name: 'Python lab 2', kind: 'code', settings: { language: 'python' } });
  assert.equal(lab2.status, 201, JSON.stringify(lab2.body));
  const t1 = await uploadDocument(server.url, KEY, lab2.body.id, { filename: 'stats.txt', bytes: PYTHON }, 'T1', 'Ada');
  const t2 = await uploadDocument(server.url, KEY, lab2.body.id, { filename: 'stats.py', bytes: PYTHON }, 'T2', 'Ben');
  for (const d of await documentsSettled(api, [t1, t2])) {
    assert.equal(d.status, 'done', JSON.stringify(d));
    assert.ok(d.similarity >= 90, `${d.filename}: ${d.similarity}`);
  }
});
