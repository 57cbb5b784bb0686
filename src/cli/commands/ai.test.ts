import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const office = (name: string) => fileURLToPath(new URL(`../../../src/extract/fixtures/office/${name}`, import.meta.url));
const origo = (args: string[]) => spawnSync(process.execPath, ['bin/origo.js', ...args], { cwd: root, encoding: 'utf8' });

test('origo ai refuses a file that is not UTF-8 text, naming it, instead of scoring its bytes', () => {
  // Before: exit 0 with a verdict on the bytes (the DOCX as "115 words", the PDF as Czech).
  for (const name of ['known.docx', 'known.pdf']) {
    const r = origo(['ai', office(name)]);
    assert.equal(r.status, 1, `${name}: ${r.stdout}`);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim(), `${office(name)}: not a UTF-8 text file (a document? \`origo extract\` shows the text Origo reads from it)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'origo-ai-'));
  const missing = origo(['ai', join(dir, 'essay.txt')]);
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr.trim(), `${join(dir, 'essay.txt')}: cannot read (no such file)`);
  // Text still gets its verdict.
  writeFileSync(join(dir, 'note.txt'), 'A short note about the weather today, written by hand.\n');
  const short = origo(['ai', join(dir, 'note.txt')]);
  assert.equal(short.status, 0, short.stderr);
  assert.match(short.stdout, /^AI score: not available \(too short: 10 words, the detector needs at least 150\)/);
});
