import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const PORT = '18502';

test('origo first-start-link --port names the port the server was started on', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, ORIGO_DATA_DIR: mkdtempSync(join(tmpdir(), 'origo-fsl-')) };
  for (const name of ['DATABASE_URL', 'PORT', 'ORIGO_PUBLIC_URL', 'HOST']) delete env[name];
  // The first start makes the administrator; the server is stopped once it listens.
  const server = spawn(process.execPath, ['bin/origo.js', 'serve', '--port', PORT, '--workers', '0'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    server.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Origo is listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  // Before: "error: unknown option '--port'"; without it the link said :8080, where nothing listens.
  const r = spawnSync(process.execPath, ['bin/origo.js', 'first-start-link', '--port', PORT], { cwd: root, env, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^  http://localhost:${PORT}/app/#/first-start/[\\w-]{20,}$`, 'm'));
  const bad = spawnSync(process.execPath, ['bin/origo.js', 'first-start-link', '--port', 'abc'], { cwd: root, env, encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /PORT must be an integer between 0 and 65535, got "abc"/);
});

test('origo serve with a data folder it cannot create stops at once, naming the folder (it hung under /proc)', () => {
  const env: NodeJS.ProcessEnv = { ...process.env, ORIGO_DATA_DIR: '/proc/origo-data' };
  for (const name of ['DATABASE_URL', 'PORT', 'ORIGO_PUBLIC_URL', 'HOST']) delete env[name];
  const r = spawnSync(process.execPath, ['bin/origo.js', 'serve', '--port', '18503', '--workers', '0'], { cwd: root, env, encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.signal, null, 'killed after 20 s (hung)');
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stderr, /cannot create the folder \/proc\/origo-data: \/proc does not take new folders/);
});

test('origo first-start-link in a folder with no Origo database says so and creates nothing there', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'origo-fsl-')), 'mistyped');
  const env: NodeJS.ProcessEnv = { ...process.env, ORIGO_DATA_DIR: dir };
  for (const name of ['DATABASE_URL', 'PORT', 'ORIGO_PUBLIC_URL', 'HOST']) delete env[name];
  const r = spawnSync(process.execPath, ['bin/origo.js', 'first-start-link'], { cwd: root, env, encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stderr, new RegExp(`no Origo database at ${join(dir, 'origo.sqlite')}`));
  assert.ok(!existsSync(dir), 'the mistyped folder was not created');
});
