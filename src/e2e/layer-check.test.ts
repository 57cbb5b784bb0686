import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, tempDir } from '../testing/server-process.js';

const script = join(REPO_ROOT, 'scripts/check-layers.mjs');
const dir = tempDir();
after(() => dir.remove());

function check(files: Record<string, string>): { status: number | null; stderr: string } {
  const root = join(dir.path, String(Math.random()).slice(2));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const r = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

test('the real source tree passes the layer check', () => {
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('the layer check fails when the engine imports Node, IO, HTTP or SQL, or reads the clock', () => {
  const cases = [
    "import { readFileSync } from 'node:fs';",
    "import fs from 'fs';",
    "import { request } from 'node:http';",
    "import { Kysely } from 'kysely';",
    "import pg from 'pg';",
    "import { Store } from '../store/index.js';",
    'export const t = Date.now();',
  ];
  for (const line of cases) {
    const r = check({ 'engine/bad.ts': `${line}\nexport const x = 1;\n` });
    assert.equal(r.status, 1, `should refuse: ${line}`);
    assert.match(r.stderr, /engine/);
  }
  assert.equal(check({ 'engine/good.ts': "import { x } from './other.js';\nexport const y = x;\n", 'engine/other.ts': 'export const x = 1;\n' }).status, 0);
});

test('origo --help lists the commands', () => {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/origo.js'), '--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /serve/);
  assert.match(r.stdout, /worker/);
});
