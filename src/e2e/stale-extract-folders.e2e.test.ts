/**
 * An extraction works in a temporary folder of its own (a copy of the uploaded file, LibreOffice's
 * output). A worker killed with SIGKILL during a conversion cannot remove it: seen here, a PPT
 * upload killed mid-conversion left the `input.ppt` in `origo-extract-…/origo-soffice-…` and its ODP in
 * /tmp after the restart that finished the document. Folders carry the pid of the process that
 * made them; a worker starting removes those whose process is gone, and keeps the others.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess, tempDir, waitFor, type ServerProcess } from '../testing/server-process.js';

const data = tempDir();
const tmp = tempDir('origo-test-tmp-');
let server: ServerProcess | undefined;
after(async () => {
  await server?.kill('SIGTERM');
  data.remove();
  tmp.remove();
});

test('a starting worker removes the extraction folders of dead processes and keeps those of live ones', { timeout: 60_000 }, async () => {
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const deadPid = Number(dead.stdout);
  assert.ok(deadPid > 0, dead.stderr);
  const stale = join(tmp.path, `origo-extract-${deadPid}-Ab12Cd`);
  mkdirSync(join(stale, 'origo-soffice-Xy34Zw', 'out'), { recursive: true });
  writeFileSync(join(stale, 'origo-soffice-Xy34Zw', 'input.ppt'), 'a student file');
  const live = join(tmp.path, `origo-extract-${process.pid}-Ef56Gh`);
  mkdirSync(live);
  const other = join(tmp.path, 'origo-extract-notapid');
  mkdirSync(other);

  server = await startProcess({ ORIGO_DATA_DIR: data.path, ORIGO_ADMIN_KEY: 'stale-folders-key-0123456789', TMPDIR: tmp.path });
  await waitFor('the dead process\'s folder to be removed', async () => (existsSync(stale) ? undefined : true), 20_000, 100);
  assert.ok(existsSync(live), 'a live process\'s folder is kept');
  assert.ok(existsSync(other), 'a folder without a pid is not ours to judge');
});
