import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractDocumentIsolated } from './isolated.js';

const fixtures = new URL('../../src/extract/fixtures/', import.meta.url);
const read = (path: string) => new Uint8Array(readFileSync(new URL(path, fixtures)));

for (const isolation of ['process', 'worker'] as const) {
  test(`isolated (${isolation}): extracts a document and hands back the outcome`, async () => {
    const outcome = await extractDocumentIsolated(read('office/known.docx'), { filename: 'known.docx' }, { timeoutMs: 30_000, isolation });
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
    assert.equal(outcome.extraction.format, 'docx');
    assert.match(outcome.extraction.text, /^The Lighthouse Keeper's Notebook/);
  });

  test(`isolated (${isolation}): failures come back as data`, async () => {
    const outcome = await extractDocumentIsolated(read('hostile/zip-bomb.zip'), {}, { timeoutMs: 30_000, isolation });
    assert.equal(outcome.ok ? null : outcome.code, 'archive_rejected');
  });

  test(`isolated (${isolation}): a time limit kills the extraction with code timeout`, async () => {
    // 1 ms is shorter than starting a process or a worker, so the limit always passes first.
    const outcome = await extractDocumentIsolated(read('office/known-slides.pdf'), {}, { timeoutMs: 1, isolation });
    assert.equal(outcome.ok ? null : outcome.code, 'timeout');
  });
}

test('isolated (process): running out of heap ends the child, not this process, with out_of_memory', async () => {
  const big = new TextEncoder().encode('lighthouse keeper notebook words\n'.repeat(1_500_000)); // 49.5 MB
  const outcome = await extractDocumentIsolated(big, { filename: 'big.txt' }, { maxMemoryMb: 32, timeoutMs: 60_000 });
  assert.equal(outcome.ok ? null : outcome.code, 'out_of_memory');
});

test('isolated: the temporary folder of a killed LibreOffice conversion is removed', async (t) => {
  const { sofficePath } = await import('./formats/libreoffice.js');
  if (!(await sofficePath())) {
    assert.ok(process.env.ORIGO_REQUIRE_CONVERTERS !== '1', 'soffice is not on PATH, and ORIGO_REQUIRE_CONVERTERS=1');
    t.skip('soffice is not on PATH');
    return;
  }
  const { mkdtemp, readdir, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const parent = await mkdtemp(join(tmpdir(), 'origo-isolated-test-'));
  try {
    // 1.5 s is meant to end the child while soffice converts (a PPT takes over 2 s here); whatever
    // the outcome, nothing may be left behind.
    await extractDocumentIsolated(read('office/known.ppt'), {}, { timeoutMs: 1500, tempDir: parent });
    assert.deepEqual(await readdir(parent), []);
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
});

test('the pool reuses its processes: many documents, at most POOL_SIZE processes started', async () => {
  const { ExtractionPool } = await import('./pool.js');
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const pool = new ExtractionPool({ size: 2, maxMemoryMb: 256 });
  const dir = await mkdtemp(join(tmpdir(), 'origo-pool-test-'));
  try {
    const job = (text: string, timeoutMs = 30_000) => pool.run({ bytes: new TextEncoder().encode(text), hint: { filename: 'a.txt' }, limits: {}, tempDir: dir, timeoutMs, converters: new Set() });
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => job(`Essay number ${i} about lighthouses and their keepers.`)));
    assert.ok(outcomes.every((o) => o.ok));
    assert.equal(outcomes[3].ok && outcomes[3].extraction.text, 'Essay number 3 about lighthouses and their keepers.');
    assert.ok(pool.started <= 2, `started ${pool.started}`);
  } finally {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('the pool: a job past its time limit or its heap limit ends only its own process, which is replaced', async () => {
  const { ExtractionPool } = await import('./pool.js');
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const pool = new ExtractionPool({ size: 2, maxMemoryMb: 32 });
  const dir = await mkdtemp(join(tmpdir(), 'origo-pool-test-'));
  try {
    const job = (bytes: Uint8Array, filename: string, timeoutMs = 30_000) => pool.run({ bytes, hint: { filename }, limits: {}, tempDir: dir, timeoutMs, converters: new Set() });
    const small = new TextEncoder().encode('A short essay on tides and the moon.');
    const big = new TextEncoder().encode('lighthouse keeper notebook words\n'.repeat(1_500_000)); // 49.5 MB, more than 32 MiB of heap
    // Warm both processes, then: one job exhausts its heap while the other process keeps working.
    await Promise.all([job(small, 'a.txt'), job(small, 'b.txt')]);
    const [oom, fine] = await Promise.all([job(big, 'big.txt'), job(small, 'c.txt')]);
    assert.equal(oom.ok ? null : oom.code, 'out_of_memory');
    assert.ok(fine.ok);
    // A job that runs out of time: its process is killed; the next job gets a new one.
    const slow = await job(big, 'slow.txt', 5);
    assert.equal(slow.ok ? null : slow.code, 'timeout');
    const after = await job(small, 'd.txt');
    assert.ok(after.ok && after.extraction.text === 'A short essay on tides and the moon.');
    assert.ok(pool.started >= 3, `the dead processes were replaced (started ${pool.started})`);
    assert.ok(pool.size <= 2);
  } finally {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  }
});
