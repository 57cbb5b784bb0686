import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const origo = (args: string[], dataDir: string) => {
  const env: NodeJS.ProcessEnv = { ...process.env, ORIGO_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['bin/origo.js', ...args], { cwd: root, encoding: 'utf8', env, timeout: 60_000 });
};

test('origo restore names a damaged backup manifest in one line', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'origo-backup-cli-'));
  // A backup folder whose manifest was damaged after the fact (restore reads the manifest first).
  const backup = join(tmp, 'backup');
  mkdirSync(backup);
  writeFileSync(join(backup, 'origo.sqlite'), '');
  // Before: "Unexpected token 'g', "garbage\n" is not valid JSON" (no file named, two lines), and for
  // "null" a TypeError about reading 'format' of null.
  for (const damaged of ['garbage\n', 'null\n', '{"format":"origo-backup"']) {
    writeFileSync(join(backup, 'origo-backup.json'), damaged);
    const r = origo(['restore', backup], join(tmp, 'restored'));
    assert.equal(r.status, 1, r.stdout);
    assert.equal(r.stderr.trim(), `${join(backup, 'origo-backup.json')} is not an Origo backup manifest of version 1`);
  }
});
