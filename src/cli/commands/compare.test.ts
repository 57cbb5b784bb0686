import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/origo.js');
const PY = 'def total(xs):\n    s = 0\n    for x in xs:\n        if x > 0:\n            s += x\n    print("total", s)\n    return s\n';
const PY_COPY = 'def sum_up(values):\n    acc = 0\n    for v in values:\n        if v > 0:\n            acc += v\n    print("total", acc)\n    return acc\n';
const JS = 'function area(w, h) {\n  const a = w * h;\n  console.log("area", a);\n  return a;\n}\n';

function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'origo-compare-'));
  writeFileSync(join(dir, 'alice.py'), PY);
  mkdirSync(join(dir, 'bob'));
  writeFileSync(join(dir, 'bob', 'main.py'), PY_COPY);
  writeFileSync(join(dir, 'carol.zip'), zipSync({ 'src/area.js': strToU8(JS) }));
  return dir;
}

test('compare --format csv prints Dolos-like columns, one row per pair; --limit keeps the most similar', () => {
  const dir = fixture();
  const out = execFileSync(process.execPath, [bin, 'compare', dir, '--format', 'csv', '--kgram', '5', '--window', '2'], { encoding: 'utf8' });
  const lines = out.trim().split('\n');
  assert.equal(lines[0], 'left,right,similarity,longest_fragment,total_overlap,left_covered,right_covered');
  assert.equal(lines.length, 4);
  const rows = lines.slice(1).map((l) => l.split(','));
  assert.deepEqual(rows.map((r) => `${r[0]}|${r[1]}`), ['alice.py|bob', 'alice.py|carol.zip', 'bob|carol.zip']);
  assert.equal(Number(rows[0][2]), 1);
  assert.ok(Number(rows[0][3]) > 10 && Number(rows[0][4]) >= Number(rows[0][3]), rows[0].join(','));
  assert.equal(Number(rows[0][5]), 1);
  assert.equal(Number(rows[0][6]), 1);
  for (const r of rows.slice(1)) assert.ok(Number(r[2]) < 0.5 && Number(r[5]) < 0.5 && Number(r[6]) < 0.5, r.join(','));
  const top = execFileSync(process.execPath, [bin, 'compare', dir, '--format', 'csv', '--limit', '1', '--kgram', '5', '--window', '2'], { encoding: 'utf8' }).trim().split('\n');
  assert.equal(top.length, 2);
  assert.match(top[1], /^alice\.py,bob,1\.000000,/);
  assert.throws(() => execFileSync(process.execPath, [bin, 'compare', dir, '--limit', '0'], { encoding: 'utf8', stdio: 'pipe' }), /--limit must be an integer/);
});

test('compare --format json reports fragments with files and lines; html is a page', () => {
  const dir = fixture();
  const json = JSON.parse(execFileSync(process.execPath, [bin, 'compare', dir, '--format', 'json', '--kgram', '5', '--window', '2'], { encoding: 'utf8' }));
  const pair = json.pairs.find((p: { left: string; right: string }) => p.left === 'alice.py' && p.right === 'bob');
  assert.ok(pair.fragments.length > 0);
  assert.equal(pair.fragments[0].leftFile, 'alice.py');
  assert.equal(pair.fragments[0].rightFile, 'main.py');
  assert.deepEqual(json.clusters, [['alice.py', 'bob']]);
  assert.match(json.commonCode, /no automatic common-code check/);
  const html = execFileSync(process.execPath, [bin, 'compare', dir, '--format', 'html', '--kgram', '5', '--window', '2'], { encoding: 'utf8' });
  assert.match(html, /^<!doctype html>/);
  // The cluster, and both sides' code with the matching lines marked.
  assert.match(html, /<td>1<\/td><td>2<\/td><td>alice\.py, bob<\/td>/);
  assert.match(html, /<mark class="f0" title="fragment 1"><span class="ln">3<\/span>    for x in xs:<\/mark>/);
  assert.match(html, /<mark class="f0" title="fragment 1"><span class="ln">3<\/span>    for v in values:<\/mark>/);
  // Every pair link leads to a section (carol shares no code: its pairs have none), and the
  // heading claims no "top 100" of three pairs.
  const links = [...html.matchAll(/href="#(pair-\d+)"/g)].map((m) => m[1]);
  assert.deepEqual(links, ['pair-1']);
  for (const id of links) assert.match(html, new RegExp(`<section id="${id}">`));
  assert.match(html, /<h2>Most similar pairs<\/h2>/);
  // The values both use: 0 (twice in each) and "total" (once); the pair's row lists them, in JSON and in the table.
  assert.deepEqual(pair.sharedValues, ['0', '"total"']);
  assert.match(html, /<td>alice\.py<\/td><td>bob<\/td>.*<td><code>0<\/code> <code>&quot;total&quot;<\/code><\/td><\/tr>/);
});

test('compare --base removes the starter code, and a bad format is refused', () => {
  const dir = fixture();
  const base = mkdtempSync(join(tmpdir(), 'origo-base-'));
  writeFileSync(join(base, 'starter.py'), PY);
  const out = execFileSync(process.execPath, [bin, 'compare', dir, '--format', 'csv', '--base', base, '--kgram', '5', '--window', '2'], { encoding: 'utf8' });
  for (const l of out.trim().split('\n').slice(1)) assert.equal(Number(l.split(',')[2]), 0, l);
  assert.throws(() => execFileSync(process.execPath, [bin, 'compare', dir, '--format', 'xml'], { encoding: 'utf8', stdio: 'pipe' }), /unknown format/);
});

test('compare skips entries without code and needs two submissions', () => {
  const dir = fixture();
  writeFileSync(join(dir, 'README.md'), '# notes\n');
  const out = execFileSync(process.execPath, [bin, 'compare', dir, '--format', 'csv'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(out.trim().split('\n').length, 4);
  const lonely = mkdtempSync(join(tmpdir(), 'origo-one-'));
  writeFileSync(join(lonely, 'a.py'), PY);
  assert.throws(() => execFileSync(process.execPath, [bin, 'compare', lonely], { encoding: 'utf8', stdio: 'pipe' }), /at least 2 are needed/);
  const missing = spawnSync(process.execPath, [bin, 'compare', join(lonely, 'no-such-folder')], { encoding: 'utf8' });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no-such-folder: no such folder/);
  assert.doesNotMatch(missing.stderr, /ENOENT|\n\s+at /);
});

test('compare --format csv into a file writes the same bytes as into a pipe', () => {
  const dir = fixture();
  // More than one 1 MiB chunk (the writer reuses its buffer for a file): 263 submissions, 34,453 rows.
  for (let i = 0; i < 260; i++) writeFileSync(join(dir, `copy${String(i).padStart(3, '0')}.py`), i % 2 ? PY : PY_COPY);
  const args = [bin, 'compare', dir, '--format', 'csv', '--kgram', '5', '--window', '2'];
  const piped = execFileSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 });
  const file = join(mkdtempSync(join(tmpdir(), 'origo-compare-out-')), 'pairs.csv');
  const fd = openSync(file, 'w');
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', fd, 'ignore'] });
  closeSync(fd);
  assert.equal(run.status, 0);
  const written = readFileSync(file);
  assert.equal(written.toString().split('\n').length, 1 + (263 * 262) / 2 + 1);
  assert.ok(written.length > 1 << 20, `${written.length} bytes: not more than one chunk`);
  assert.ok(written.equals(piped), 'file and pipe output differ');
});

test('compare refuses bad --kgram/--window values, names an unreadable ZIP, and checks --base', () => {
  const dir = fixture();
  const run = (args: string[]) => spawnSync(process.execPath, [bin, 'compare', ...args], { encoding: 'utf8' });
  // Not a number: before, NaN reached the engine and every pair scored without any k-gram (exit 0).
  for (const [flag, value] of [['--kgram', 'abc'], ['--kgram', '0'], ['--window', '1.5'], ['--window', '-2']]) {
    const r = run([dir, flag, value]);
    assert.equal(r.status, 1, `${flag} ${value}: ${r.stdout}`);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim(), `${flag} must be an integer from 1 to ${Number.MAX_SAFE_INTEGER} (got "${value}")`);
  }
  writeFileSync(join(dir, 'dave.zip'), 'PK this is not an archive');
  const corrupt = run([dir]);
  assert.equal(corrupt.status, 1);
  assert.match(corrupt.stderr, /dave\.zip: not a readable ZIP archive \(invalid zip data\)/);
  const empty = mkdtempSync(join(tmpdir(), 'origo-base-empty-'));
  const good = fixture();
  const missing = run([good, '--base', join(empty, 'starter')]);
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr.trim(), `--base ${join(empty, 'starter')}: no such file or folder`);
  // Starter code in which no file is code would exclude nothing, silently.
  writeFileSync(join(empty, 'notes.md'), '# starter\n');
  const noCode = run([good, '--base', empty]);
  assert.equal(noCode.status, 1);
  assert.match(noCode.stderr, /--base .*: no code files/);
});
