import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadLmDetector } from './lm-detector.js';

// Tiny randomly initialised models made by scripts/make-tiny-lm.mjs: they test loading and
// scoring, not accuracy.
const script = fileURLToPath(new URL('../../scripts/make-tiny-lm.mjs', import.meta.url));
let root = '';
function make(dir: string, seed: number) {
  const r = spawnSync(process.execPath, [script, dir, String(seed)], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}
before(() => {
  root = mkdtempSync(join(tmpdir(), 'origo-lm-'));
  make(join(root, 'one'), 1);
  make(join(root, 'two', 'observer'), 1);
  make(join(root, 'two', 'performer'), 2);
});
after(() => rmSync(root, { recursive: true, force: true }));

const text = 'The students in the school wrote their essay on the river, and it was important for the city. '.repeat(12); // 216 words

test('no ORIGO_AI_MODEL_DIR, no detector', async () => {
  assert.equal(await loadLmDetector(''), null);
});

test('one model: Fast-DetectGPT scores every segment, uncalibrated, the same each run', async () => {
  const d = await loadLmDetector(join(root, 'one'));
  assert.ok(d);
  assert.equal(d.kind, 'fast-detectgpt');
  const v = await d.detect(text);
  assert.equal(v.status, 'ok');
  if (v.status !== 'ok') return;
  assert.equal(v.calibrated, false);
  assert.equal(v.flagged, false);
  assert.ok(v.score > 0 && v.score < 1);
  assert.equal(v.segments.length, 1);
  assert.deepEqual(await d.detect(text), v);
  assert.equal((await d.detect('too few words here')).status, 'too_short');
  await d.close();
});

test('two models: Binoculars; an operator threshold makes the verdict calibrated', async () => {
  writeFileSync(join(root, 'two', 'origo-ai.json'), JSON.stringify({ threshold: 0 }));
  const d = await loadLmDetector(join(root, 'two'));
  assert.ok(d);
  assert.equal(d.kind, 'binoculars');
  const v = await d.detect(text + text);
  assert.equal(v.status, 'ok');
  if (v.status !== 'ok') return;
  assert.equal(v.calibrated, true);
  assert.equal(v.segments.length, 2);
  assert.equal(v.aiShare, 1); // every score is >= 0
  await d.close();
});

test('a folder without a model is refused with the reason', async () => {
  await assert.rejects(loadLmDetector(root), /no ONNX model/);
});
