import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { readSourceSubmission, readZipSources } from './source-files.js';

const CODE = 'class A { void f() { int x = 1; } }\n';

test('a ZIP yields its code files only: no node_modules, .git, build output, binaries or unknown files', () => {
  const zip = zipSync({
    'proj/src/A.java': strToU8(CODE),
    'proj/src/util/B.py': strToU8('x = 1\n'),
    'proj/node_modules/lib/index.js': strToU8('module.exports = 1;\n'),
    'proj/.git/config.js': strToU8('x = 1;\n'),
    'proj/build/Gen.java': strToU8(CODE),
    'proj/src/Bin.java': new Uint8Array([0xca, 0xfe, 0, 0, 1]),
    'proj/README.md': strToU8('# readme\n'),
  });
  const files = readZipSources(zip);
  assert.deepEqual(files.map((f) => f.path), ['proj/src/A.java', 'proj/src/util/B.py']);
  assert.equal(files[0].text, CODE);
});

test('a ZIP with too many code files is refused', () => {
  const entries: Record<string, Uint8Array> = {};
  for (let i = 0; i < 2001; i++) entries[`f${i}.py`] = strToU8('x = 1\n');
  assert.throws(() => readZipSources(zipSync(entries)), /more than 2000 code files/);
});

test('a submission is a file, a folder (walked, sorted) or a ZIP', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'origo-src-'));
  writeFileSync(join(dir, 'one.java'), CODE);
  mkdirSync(join(dir, 'folder/sub'), { recursive: true });
  mkdirSync(join(dir, 'folder/node_modules'), { recursive: true });
  writeFileSync(join(dir, 'folder/sub/Z.java'), CODE);
  writeFileSync(join(dir, 'folder/A.java'), CODE);
  writeFileSync(join(dir, 'folder/node_modules/x.js'), 'x;\n');
  writeFileSync(join(dir, 'arch.zip'), zipSync({ 'Q.java': strToU8(CODE) }));

  const file = await readSourceSubmission(join(dir, 'one.java'));
  assert.deepEqual(file, { id: 'one.java', files: [{ path: 'one.java', text: CODE }] });
  const folder = await readSourceSubmission(join(dir, 'folder'));
  assert.deepEqual(folder.files.map((f) => f.path), ['A.java', 'sub/Z.java']);
  const zip = await readSourceSubmission(join(dir, 'arch.zip'), 'arch');
  assert.deepEqual(zip, { id: 'arch', files: [{ path: 'Q.java', text: CODE }] });
});
