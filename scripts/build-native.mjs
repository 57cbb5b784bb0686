#!/usr/bin/env node
// Builds Origo's optional compiled text kernel (native/, an N-API addon): generates the Unicode
// class table with this Node (scripts/generate-unicode-classes.mjs) and the language data from the
// built TypeScript engine (scripts/generate-language-data.mjs; `tsc` runs first), then compiles
// with node-gyp (npm's own, against this Node's headers). Run by `npm install` (the prepare script) and by
// `npm run build`; skipped when the addon is newer than every source. Without a C++ compiler,
// or when the build fails, it says so and exits 0: Origo then runs its TypeScript engine alone.
// ORIGO_NATIVE=0 skips the build; ORIGO_REQUIRE_NATIVE=1 makes a failed build an error.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'build' || name === 'generated') continue;
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}
// The addon is stale when its sources, its generators or the engine data it compiles in changed.
const inputs = [
  'scripts/generate-unicode-classes.mjs', 'scripts/generate-language-data.mjs', 'scripts/build-native.mjs',
  'dist/engine/text/language.js', 'dist/engine/text/stop-words.js', 'dist/engine/text/stemming.js', 'dist/engine/text/align/wordnet-synonyms.js',
  'node_modules/stopword/package.json',
];
const missing = inputs.filter((p) => !existsSync(join(root, p)));
if (missing.length) fail(`missing ${missing.join(', ')} (run tsc first)`);
const sources = Math.max(newest(native), ...inputs.map((p) => statSync(join(root, p)).mtimeMs));
if (existsSync(addon) && statSync(addon).mtimeMs > sources && process.argv[2] !== '--force') process.exit(0);

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
console.error(`origo: compiled text kernel built in ${((Date.now() - started) / 1000).toFixed(1)} s (native/build/Release/origo_text.node)`);
