import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BackgroundFileWriter } from './file-writer.js';

test('every file posted is written, in full, by the time close() resolves', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'origo-writer-'));
  try {
    const w = new BackgroundFileWriter(dir);
    for (let i = 0; i < 200; i++) w.write(`f${i}.xml`, `<d n="${i}">${'x'.repeat(i)}</d>\n`);
    await w.close();
    assert.equal(readdirSync(dir).length, 200);
    assert.equal(readFileSync(join(dir, 'f199.xml'), 'utf8'), `<d n="199">${'x'.repeat(199)}</d>\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a write that fails makes close() reject with the reason', async () => {
  const w = new BackgroundFileWriter(join(tmpdir(), 'origo-no-such-dir-' + process.pid, 'deeper'));
  w.write('a.xml', 'x');
  await assert.rejects(w.close(), /ENOENT/);
});
