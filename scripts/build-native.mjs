#!/usr/bin/env node
// Builds Origo's optional compiled text kernel (native/, an N-API addon): generates the Unicode
// class table with this Node (scripts/generate-unicode-classes.mjs) and the language data from the
// built TypeScript engine (scripts/generate-language-data.mjs; `tsc` runs first), then compiles
// with node-gyp (npm's own, against this Node's headers). Run by `npm install` (the prepare script) and by
// `npm run build`; skipped when the addon is newer than every source. Without a C++ compiler,
// or when the build fails, it says so and exits 0: Origo then runs its TypeScript engine alone.
// ORIGO_NATIVE=0 skips the build; ORIGO_REQUIRE_NATIVE=1 makes a failed build an error.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const native = join(root, 'native');
const addon = join(native, 'build/Release/origo_text.node');
const require = process.env.ORIGO_REQUIRE_NATIVE === '1';

function fail(message) {
  console.error(`origo: the compiled text kernel was not built (${message}); the TypeScript engine does its work.`);
  process.exit(require ? 1 : 0);
}

if (process.env.ORIGO_NATIVE === '0') process.exit(0);

// The addon is stale when its sources, its generators or the engine data it compiles in changed
// (by content: `tsc` rewrites dist/ on every build), or when Node changed.
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'build' || name === 'generated') return [];
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  }).sort();
}
const inputs = [
  'scripts/generate-unicode-classes.mjs', 'scripts/generate-language-data.mjs', 'scripts/build-native.mjs',
  'dist/engine/text/language.js', 'dist/engine/text/stop-words.js', 'dist/engine/text/stemming.js', 'dist/engine/text/align/wordnet-synonyms.js',
  'node_modules/stopword/package.json', 'node_modules/node-addon-api/package.json',
].map((p) => join(root, p));
const missing = inputs.filter((p) => !existsSync(p));
if (missing.length) fail(`missing ${missing.join(', ')} (run tsc first)`);
const hash = createHash('sha256').update(`${process.version} ${process.versions.unicode}\n`);
for (const p of [...files(native), ...inputs]) hash.update(`${p}\n`).update(readFileSync(p));
const digest = hash.digest('hex');
const stamp = join(native, 'build/inputs.sha256');
if (existsSync(addon) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest && process.argv[2] !== '--force') process.exit(0);

const gyp = process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp)
  ? process.env.npm_config_node_gyp
  : join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
if (!existsSync(gyp)) fail('node-gyp not found next to npm');
// Node's headers: npm's nodedir setting, else those installed beside this Node (include/node).
const nodedir = process.env.npm_config_nodedir || join(dirname(process.execPath), '..');
if (!existsSync(join(nodedir, 'include/node/node_api.h'))) fail(`no Node headers in ${nodedir}/include/node`);
const cxx = spawnSync(process.env.CXX ?? 'g++', ['--version'], { encoding: 'utf8' });
if (cxx.error || cxx.status !== 0) fail(`no C++ compiler (${process.env.CXX ?? 'g++'})`);

for (const [script, what] of [['generate-unicode-classes.mjs', 'the Unicode class table'], ['generate-language-data.mjs', 'the language data']]) {
  const generated = spawnSync(process.execPath, [join(root, 'scripts', script)], { stdio: 'inherit' });
  if (generated.status !== 0) fail(`${what} could not be generated`);
}
const started = Date.now();
const built = spawnSync(process.execPath, [gyp, 'rebuild', '--directory', native, '--nodedir', nodedir, '--loglevel', 'warn', `--jobs`, '2'], { encoding: 'utf8', env: { ...process.env } });
if (built.status !== 0) {
  process.stderr.write(built.stdout.slice(-4000) + built.stderr.slice(-4000));
  fail(`node-gyp exited with ${built.status}`);
}
writeFileSync(stamp, digest);
console.error(`origo: compiled text kernel built in ${((Date.now() - started) / 1000).toFixed(1)} s (native/build/Release/origo_text.node)`);
