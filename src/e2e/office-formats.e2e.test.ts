/**
 * One essay saved by LibreOffice itself as txt, pdf, docx, doc, odt, rtf, epub and pptx
 * (src/testing/office-formats.ts), all eight uploaded into one assignment of a started server
 * through the native API (multipart, as a browser sends them): every one is checked, and each
 * report names the seven others at 90 % or more.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverForTests, waitFor } from '../testing/server-process.js';
import { officeFormats, sofficeOnPath, OFFICE_FORMATS } from '../testing/office-formats.js';
import { uploadDocument, documentsSettled } from '../testing/documents-api.js';
import { ESSAY } from '../testing/essay-fixture.js';

const KEY = 'e2e-admin-key-formats-0123456789abcdef';
const started = serverForTests(KEY);

interface Source { id: string; similarity: number }

test('one essay as txt, pdf, docx, doc, odt, rtf, epub and pptx: all eight are checked and each matches every other at 90 % or more', { timeout: 600_000 }, async (t) => {
  const soffice = sofficeOnPath();
  if (!soffice) {
    assert.notEqual(process.env.ORIGO_REQUIRE_CONVERTERS, '1', 'soffice is not on PATH, and ORIGO_REQUIRE_CONVERTERS=1');
    t.skip('soffice is not on PATH: the files cannot be made with LibreOffice');
    return;
  }
  const files = officeFormats(soffice, ESSAY);
  const asg = await started.api.post('/api/v1/assignments', { name: 'The lighthouse, in every format' });
  assert.equal(asg.status, 201);
  const ids = new Map<string, string>();
  for (const f of OFFICE_FORMATS) ids.set(f, await uploadDocument(started.url, KEY, asg.body.id, files.get(f)!, `Essay (${f})`, `Student ${f}`));
  const docs = await documentsSettled(started.api, [...ids.values()]);
  for (const [i, d] of docs.entries()) {
    assert.equal(d.status, 'done', `${OFFICE_FORMATS[i]}: ${d.status} (${d.reason})`);
    assert.ok(d.counts.words >= 300, `${OFFICE_FORMATS[i]}: ${d.counts.words} words`);
  }
  // The first reports are composed before every peer is in; wait until each names all seven others.
  const byId = new Map([...ids].map(([f, id]) => [id, f]));
  for (const [format, id] of ids) {
    const report = await waitFor(`the ${format} report to name the seven others`, async () => {
      const r = await started.api.get(`/api/v1/documents/${id}/report`);
      return r.status === 200 && (r.body.sources as Source[]).filter((s) => byId.has(s.id)).length === OFFICE_FORMATS.length - 1 ? r.body : undefined;
    }, 120_000, 300);
    for (const s of report.sources as Source[]) {
      assert.ok(s.similarity >= 90, `${format} against ${byId.get(s.id)}: ${s.similarity} %`);
    }
    assert.ok(report.similarity >= 90, `${format}: overall ${report.similarity} %`);
  }
});
