import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractDocument } from './extract.js';
import { conformanceProblems } from './conformance-kit.js';
import { sofficePath } from './formats/libreoffice.js';
import { ghostscriptPath } from './formats/postscript.js';

/*
 * One known text (fixtures/known-text.txt), converted by LibreOffice into every format it writes
 * (scripts/make-extraction-fixtures.mjs). Every extractor gets the same checks.
 *
 *   fixture            format  pages   route
 *   known.pdf          pdf     1       unpdf
 *   known-slides.pdf   pdf     4       unpdf
 *   known.docx         docx    -       mammoth
 *   known.ppt, .xls    ppt/xls 4/2     LibreOffice -> ODP/ODS (skipped without soffice)
 *   known.ps           ps      1       Ghostscript -> PDF (made by enscript; skipped without gs)
 *   ...                                (table below)
 */
const fixtures = new URL('../../src/extract/fixtures/', import.meta.url);
const known = readFileSync(new URL('known-text.txt', fixtures), 'utf8');

const cases: { file: string; format: string; pages?: number; libreoffice?: boolean; ghostscript?: boolean }[] = [
  { file: 'known.pdf', format: 'pdf', pages: 1 },
  { file: 'known-slides.pdf', format: 'pdf', pages: 4 },
  { file: 'known.docx', format: 'docx' },
  { file: 'known.doc', format: 'doc' },
  { file: 'known.odt', format: 'odt' },
  { file: 'known.fodt', format: 'odt' },
  { file: 'known.rtf', format: 'rtf' },
  { file: 'known.txt', format: 'txt' },
  { file: 'known.html', format: 'html' },
  { file: 'known-docbook.xml', format: 'xml' },
  { file: 'known.md', format: 'md' },
  { file: 'known.csv', format: 'csv' },
  { file: 'known.json', format: 'json' },
  { file: 'known.pptx', format: 'pptx', pages: 4 },
  { file: 'known.odp', format: 'odp', pages: 4 },
  { file: 'known.xlsx', format: 'xlsx', pages: 2 },
  { file: 'known.ods', format: 'ods', pages: 2 },
  { file: 'known.epub', format: 'epub' },
  { file: 'known.ppt', format: 'ppt', pages: 4, libreoffice: true },
  { file: 'known.xls', format: 'xls', pages: 2, libreoffice: true },
  { file: 'known.ps', format: 'ps', pages: 1, ghostscript: true },
];

for (const c of cases) {
  test(`conformance: ${c.file} (${c.format})`, async (t) => {
    // CI sets ORIGO_REQUIRE_CONVERTERS=1 (.ci/run installs them): there a missing one fails.
    const required = process.env.ORIGO_REQUIRE_CONVERTERS === '1';
    if (c.libreoffice && !(await sofficePath())) {
      assert.ok(!required, 'soffice is not on PATH, and ORIGO_REQUIRE_CONVERTERS=1');
      t.skip('soffice is not on PATH: the LibreOffice route is not tested');
      return;
    }
    if (c.ghostscript && !(await ghostscriptPath())) {
      assert.ok(!required, 'gs is not on PATH, and ORIGO_REQUIRE_CONVERTERS=1');
      t.skip('gs is not on PATH: the PostScript route is not tested');
      return;
    }
    const bytes = new Uint8Array(readFileSync(new URL(`office/${c.file}`, fixtures)));
    const outcome = await extractDocument(bytes, { filename: c.file });
    assert.ok(outcome.ok, outcome.ok ? '' : `${outcome.code}: ${outcome.reason}`);
    const { extraction } = outcome;
    assert.equal(extraction.format, c.format);
    assert.deepEqual(conformanceProblems(extraction, known), []);
    assert.equal(extraction.language, 'en');
    if (c.pages) {
      assert.equal(extraction.counts.pages, c.pages);
      assert.deepEqual([...new Set(extraction.blocks.map((b) => b.page))], Array.from({ length: c.pages }, (_, i) => i + 1));
    }
    if (c.libreoffice) assert.equal(extraction.via, 'libreoffice');
    if (c.ghostscript) assert.equal(extraction.via, 'ghostscript');
  });
}

test('conformance: a misleading name does not change the sniffed format', async () => {
  const bytes = new Uint8Array(readFileSync(new URL('office/known.docx', fixtures)));
  const outcome = await extractDocument(bytes, { filename: 'essay.pdf', mime: 'application/pdf' });
  assert.ok(outcome.ok);
  assert.equal(outcome.extraction.format, 'docx');
});
