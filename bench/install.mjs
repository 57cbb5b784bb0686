#!/usr/bin/env node
// Issue 23's install bar: a clean clone of this repository installed with `npm install` and an
// empty npm cache (every package downloaded, better-sqlite3 compiled), as on a fresh machine.
// Prints one JSON line: wall and CPU seconds of the install, node_modules size, packages.
//
//   node bench/install.mjs            clones the current commit (HEAD) of this checkout
//   node bench/install.mjs --keep     leaves the clone and the cache in /tmp for a look
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'origo-install-'));
const clone = join(work, 'origo');
const cache = join(work, 'npm-cache');
execFileSync('git', ['clone', '-q', root, clone]);
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: clone, encoding: 'utf8' }).trim();

const load = loadavg()[0];
// GNU time reports the CPU of npm and every process it starts (node-gyp, the compiler).
const r = spawnSync('/usr/bin/time', ['-f', 'TIME wall=%e user=%U sys=%S', 'npm', 'install', '--no-audit', '--no-fund'], {
  cwd: clone,
  env: { ...process.env, npm_config_cache: cache },
  encoding: 'utf8',
});
if (r.error) throw new Error(`could not run /usr/bin/time npm install: ${r.error.message} (apt-get install time)`);
const out = `${r.stdout}${r.stderr}`;
if (r.status !== 0) {
  console.error(out);
  process.exit(1);
}
const t = /TIME wall=([\d.]+) user=([\d.]+) sys=([\d.]+)/.exec(out);
const added = /added (\d+) packages/.exec(out);
const warnings = out.split('\n').filter((l) => /npm warn/i.test(l));

function size(p) {
  const s = statSync(p, { throwIfNoEntry: false });
  if (!s || s.isSymbolicLink()) return 0;
  if (!s.isDirectory()) return s.size;
  return readdirSync(p).reduce((n, name) => n + size(join(p, name)), 0);
}

console.log(JSON.stringify({
  bench: 'install',
  commit,
  npm: execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim(),
  node: process.version,
  cores: cpus().length,
  load_before: Number(load.toFixed(2)),
  wall_s: Number(t[1]),
  cpu_s: Number((Number(t[2]) + Number(t[3])).toFixed(1)),
  packages: added ? Number(added[1]) : null,
  node_modules_mb: Math.round(size(join(clone, 'node_modules')) / 1e6),
  npm_warnings: warnings.length,
}));
if (!keep) rmSync(work, { recursive: true, force: true });
