import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractDocumentIsolated } from './isolated.js';

const fixtures = new URL('../../src/extract/fixtures/', import.meta.url);

test('isolated: a worker extracts a document and hands back the outcome', async () => {
  const bytes = new Uint8Array(readFileSync(new URL('office/known.docx', fixtures)));
  const outcome = await extractDocumentIsolated(bytes, { filename: 'known.docx' }, { timeoutMs: 30_000 });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
  assert.equal(outcome.extraction.format, 'docx');
  assert.match(outcome.extraction.text, /^The Lighthouse Keeper's Notebook/);
});

test('isolated: failures come back as data from the worker', async () => {
  const bytes = new Uint8Array(readFileSync(new URL('hostile/zip-bomb.zip', fixtures)));
  const outcome = await extractDocumentIsolated(bytes, {}, { timeoutMs: 30_000 });
  assert.equal(outcome.ok ? null : outcome.code, 'archive_rejected');
});

test('isolated: a time limit terminates the worker with code timeout', async () => {
  const bytes = new Uint8Array(readFileSync(new URL('office/known-slides.pdf', fixtures)));
  const outcome = await extractDocumentIsolated(bytes, {}, { timeoutMs: 1 });
  assert.deepEqual(outcome.ok ? null : outcome.code, 'timeout');
});
