import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { extractDocument } from './extract.js';
import type { ExtractionFailureCode } from './types.js';

/*
 * Broken and hostile files (scripts/make-hostile-fixtures.mjs): each must fail with its own code
 * and a reason, never throw.
 */
const hostile = new URL('../../src/extract/fixtures/hostile/', import.meta.url);

const cases: [file: string, code: ExtractionFailureCode, reason: RegExp][] = [
  ['empty.txt', 'no_text', /empty/],
  ['whitespace.txt', 'no_text', /no text/],
  ['random-bytes.pdf', 'unsupported_format', /unrecognised binary/],
  ['garbage-after-header.pdf', 'corrupt_file', /PDF cannot be read/],
  ['truncated.pdf', 'corrupt_file', /PDF cannot be read/],
  ['truncated.docx', 'corrupt_file', /truncated/],
  ['broken-xml.docx', 'corrupt_file', /DOCX cannot be read/],
  ['image.png', 'unsupported_format', /image/],
  ['invalid.json', 'corrupt_file', /invalid JSON/],
  ['image-only.pdf', 'no_text', /every page is an image/],
  ['gigantic-page.pdf', 'too_large', /gigantic page/],
  ['zip-bomb.zip', 'archive_rejected', /zip bomb/],
  ['nested-archives.zip', 'archive_rejected', /nested more than 3 deep/],
  ['path-traversal.zip', 'archive_rejected', /path traversal/],
  ['encrypted.zip', 'encrypted_file', /password-protected/],
  ['encrypted.pdf', 'encrypted_file', /needs a password/],
  ['encrypted.odt', 'encrypted_file', /OpenDocument file is password-protected/],
  ['encrypted.doc', 'encrypted_file', /Word document is password-protected/],
  ['drm.epub', 'encrypted_file', /DRM/],
  ['only-binaries.zip', 'no_text', /no source files/],
];

for (const [file, code, reason] of cases) {
  test(`hostile: ${file} fails with ${code}`, async () => {
    const outcome = await extractDocument(new Uint8Array(readFileSync(new URL(file, hostile))), { filename: file });
    assert.equal(outcome.ok, false);
    if (outcome.ok) return;
    assert.equal(outcome.code, code, outcome.reason);
    assert.match(outcome.reason, reason);
  });
}

test('hostile: more zip entries than the limit are rejected before anything is inflated', async () => {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < 101; i++) files[`f${i}.py`] = strToU8('x = 1\n');
  const outcome = await extractDocument(zipSync(files), {}, { limits: { maxZipEntries: 100 } });
  assert.deepEqual(outcome.ok ? null : [outcome.code, /101 entries/.test(outcome.reason)], ['archive_rejected', true]);
});

test('hostile: total uncompressed size over the limit is rejected', async () => {
  const outcome = await extractDocument(zipSync({ 'a.py': strToU8('print(1)\n'.repeat(2000)) }), {}, { limits: { maxZipTotalBytes: 10_000 } });
  assert.equal(outcome.ok ? null : outcome.code, 'archive_rejected');
});

test('hostile: a file over the input limit is refused', async () => {
  const outcome = await extractDocument(strToU8('word '.repeat(100)), {}, { limits: { maxInputBytes: 100 } });
  assert.equal(outcome.ok ? null : outcome.code, 'too_large');
});

test('hostile: rar, gzip and 7z archives are refused by their magic numbers', async () => {
  for (const head of [[0x52, 0x61, 0x72, 0x21], [0x1f, 0x8b, 8, 0], [0x37, 0x7a, 0xbc, 0xaf]]) {
    const outcome = await extractDocument(new Uint8Array([...head, 1, 2, 3, 4]), { filename: 'essay.txt' });
    assert.equal(outcome.ok ? null : outcome.code, 'unsupported_format');
  }
});
