import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { ExtractionFailure } from './failure.js';
import { DEFAULT_LIMITS } from './limits.js';
import { ZipContainer, isTraversalName, readZipDirectory, readZipEntry } from './zip-container.js';

/** Rewrites the uncompressed size the central directory declares for the first member. */
function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = Buffer.from(zip);
  const central = copy.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  copy.writeUInt32LE(size, central + 24);
  return new Uint8Array(copy);
}

test('zip: a member that lies about its size is cut at the declared size', () => {
  const zip = lieAboutSize(zipSync({ 'a.txt': new Uint8Array(5_000_000) }), 100);
  const [entry] = readZipDirectory(zip);
  assert.equal(entry.size, 100);
  assert.equal(readZipEntry(zip, entry).length, 100);
});

test('zip: the directory is checked against the ratio limit before anything is inflated', () => {
  const bomb = zipSync({ 'a.txt': new Uint8Array(5_000_000) }, { level: 9 });
  assert.throws(() => new ZipContainer(bomb, DEFAULT_LIMITS), (e: unknown) => e instanceof ExtractionFailure && e.code === 'archive_rejected');
  assert.doesNotThrow(() => new ZipContainer(bomb, { ...DEFAULT_LIMITS, maxZipRatio: 10_000 }));
});

test('zip: truncated and damaged directories are corrupt, not crashes', () => {
  const zip = zipSync({ 'a.py': strToU8('print(1)\n') });
  for (const broken of [zip.subarray(0, zip.length - 5), zip.subarray(0, 10), new Uint8Array(0)]) {
    assert.throws(() => readZipDirectory(broken), (e: unknown) => e instanceof ExtractionFailure && e.code === 'corrupt_file');
  }
});

test('zip: traversal names', () => {
  for (const name of ['../a.py', 'src/../../a.py', '/etc/passwd', 'C:/Windows/a.py', '..\\a.py']) assert.ok(isTraversalName(name), name);
  for (const name of ['src/a.py', 'a..b.py', '.hidden/a.py']) assert.ok(!isTraversalName(name), name);
});
