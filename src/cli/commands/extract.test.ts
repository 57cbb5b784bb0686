import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = new URL('../../../src/extract/fixtures/', import.meta.url);
const fixture = (path: string) => fileURLToPath(new URL(path, fixtures));
const origo = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['bin/origo.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

test('origo extract prints the extraction as JSON', () => {
  const r = origo(['extract', fixture('office/known.odt')]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.format, 'odt');
  assert.equal(out.counts.words, 359);
  assert.equal(out.language, 'en');
  assert.deepEqual(out.signals.imageOnlyPages, []);
  assert.match(out.text, /^The Lighthouse Keeper's Notebook\nOn the northern cape/);
});

test('origo extract exits non-zero with the reason for a file it cannot read', () => {
  const r = origo(['extract', fixture('hostile/path-traversal.zip')]);
  assert.equal(r.status, 1);
  assert.equal(JSON.parse(r.stdout).code, 'archive_rejected');
  assert.match(r.stderr, /path traversal/);
});

test('origo extract: without soffice a LibreOffice format fails with needs_libreoffice', () => {
  const r = origo(['extract', fixture('office/known.ppt')], { ORIGO_SOFFICE: '/nonexistent/soffice' });
  assert.equal(r.status, 1);
  assert.equal(JSON.parse(r.stdout).code, 'needs_libreoffice');
  assert.match(r.stderr, /unsupported: needs LibreOffice/);
});

test('origo extract: without gs PostScript fails with needs_ghostscript', () => {
  const r = origo(['extract', fixture('office/known.ps')], { ORIGO_GHOSTSCRIPT: '/nonexistent/gs' });
  assert.equal(r.status, 1);
  assert.equal(JSON.parse(r.stdout).code, 'needs_ghostscript');
});

test('origo extract refuses bad --timeout, --memory and --isolation values before reading the file', () => {
  const file = fixture('office/known.odt');
  for (const [flag, value, message] of [
    ['--timeout', 'abc', '--timeout must be an integer from 1 to 2147483647 (got "abc")'],
    ['--timeout', '-5', '--timeout must be an integer from 1 to 2147483647 (got "-5")'],
    ['--timeout', '9999999999', '--timeout must be an integer from 1 to 2147483647 (got "9999999999")'],
    ['--memory', '1', '--memory must be an integer from 16 to 1048576 (got "1")'],
    ['--isolation', 'banana', '--isolation must be "process" or "worker" (got "banana")'],
  ]) {
    const r = origo(['extract', file, flag, value]);
    // Before: exit 1 with a made-up outcome of the file ("timeout: extraction took longer than NaN ms"), or exit 0.
    assert.equal(r.status, 1, `${flag} ${value}`);
    assert.equal(r.stdout, '', `${flag} ${value}`);
    assert.equal(r.stderr.trim(), message);
  }
  const ok = origo(['extract', file, '--isolation', 'worker', '--timeout', '60000', '--memory', '256']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).counts.words, 359);
});
