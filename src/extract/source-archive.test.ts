import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractDocument } from './extract.js';

/*
 * archives/submission.zip:
 *   project/src/main.py, src/util.py, web/app.js, README.md, lib/inner.zip/helper.py  kept
 *   node_modules/, .git/, dist/                                                    ignored folders
 *   logo.png (not source), data.bin.txt (NUL bytes), big.py (over the 4 KiB limit)  skipped
 */
test('source archive: code kept, the rest skipped with reasons, files map into the text', async () => {
  const bytes = new Uint8Array(readFileSync(new URL('../../src/extract/fixtures/archives/submission.zip', import.meta.url)));
  const outcome = await extractDocument(bytes, { filename: 'submission.zip' }, { limits: { maxSourceFileBytes: 4096 } });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
  const { files, skipped, text } = outcome.extraction;
  assert.deepEqual(files!.map((f) => f.path), ['project/src/main.py', 'project/src/util.py', 'project/web/app.js', 'project/README.md', 'project/lib/inner.zip/helper.py']);
  const reasons = Object.fromEntries(skipped!.map((s) => [s.path, s.reason]));
  assert.equal(reasons['project/node_modules/left-pad/index.js'], 'ignored folder node_modules');
  assert.equal(reasons['project/.git/config'], 'ignored folder .git');
  assert.equal(reasons['project/dist/bundle.js'], 'ignored folder dist');
  assert.equal(reasons['project/logo.png'], 'not a source file (.png)');
  assert.equal(reasons['project/data.bin.txt'], 'binary content');
  assert.equal(reasons['project/big.py'], 'larger than 4096 bytes');
  const util = files![1];
  assert.equal(text.slice(util.offset, util.offset + util.length), 'def mean(values):\n    return sum(values) / len(values)');
  const helper = files![4];
  assert.match(text.slice(helper.offset, helper.offset + helper.length), /^def helper\(\):\n {4}return 42$/);
});
