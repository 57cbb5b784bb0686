#!/usr/bin/env node
// Runs the compiled text kernel under GCC's sanitizers: AddressSanitizer + UndefinedBehaviorSanitizer
// (default) or ThreadSanitizer (--thread). The addon is built from native/ into a temporary folder
// (native/binding.gyp with the sanitizer flags; the real build is left alone), next to a copy of
// dist/ (text-kernel.js finds the addon relative to itself), then Node runs with the sanitizer's
// runtime preloaded: `origo pan` on each corpus given (default ../shared/data/pan-dev when it is
// there) and the kernel's tests. Exits 1 when a sanitizer reports anything in the kernel.
// Node itself is not instrumented: ThreadSanitizer reports races inside V8's own threads, which
// are left out (only reports with a frame of origo_text.node count).
//
//   node scripts/check-native-sanitizers.mjs [--thread] [--keep] [corpus ...]
//
// Needs `npx tsc -p tsconfig.json && node scripts/build-native.mjs` first (native/generated/).
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const thread = args.includes('--thread');
const keep = args.includes('--keep');
const corpora = args.filter((a) => !a.startsWith('--')).map((a) => resolve(a));
if (corpora.length === 0 && existsSync(join(root, '../shared/data/pan-dev'))) corpora.push(join(root, '../shared/data/pan-dev'));
if (!existsSync(join(root, 'native/generated')) || !existsSync(join(root, 'dist/native/text-kernel.js'))) {
  console.error('check-native-sanitizers: build first (npx tsc -p tsconfig.json && node scripts/build-native.mjs)');
  process.exit(1);
}

const sanitizers = thread ? ['-fsanitize=thread'] : ['-fsanitize=address,undefined'];
const runtime = spawnSync(process.env.CXX ?? 'g++', [`-print-file-name=${thread ? 'libtsan.so' : 'libasan.so'}`], { encoding: 'utf8' }).stdout.trim();
if (!runtime.startsWith('/')) {
  console.error(`check-native-sanitizers: the compiler has no ${thread ? 'libtsan' : 'libasan'}`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), `origo-sanitizers-${thread ? 'thread' : 'address'}-`));
// Readable by all: a kernel test runs a child as the user nobody.
chmodSync(work, 0o755);
const native = join(work, 'native');
mkdirSync(native);
cpSync(join(root, 'native/addon.cc'), join(native, 'addon.cc'));
cpSync(join(root, 'native/text'), join(native, 'text'), { recursive: true });
cpSync(join(root, 'native/generated'), join(native, 'generated'), { recursive: true });
const gyp = JSON.parse(readFileSync(join(root, 'native/binding.gyp'), 'utf8'));
for (const target of gyp.targets) {
  const flags = ['-O1', '-g', '-fno-omit-frame-pointer', ...sanitizers];
  target.cflags_cc = [...target.cflags_cc.filter((f) => !f.startsWith('-O')), ...flags];
  target.cflags = [...target.cflags.filter((f) => !f.startsWith('-O')), ...flags];
  target.ldflags = [...(target.ldflags ?? []), ...sanitizers];
  target.include_dirs = [join(root, 'node_modules/node-addon-api'), 'generated'];
}
writeFileSync(join(native, 'binding.gyp'), JSON.stringify(gyp, null, 1));

const nodeGyp = process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp)
  ? process.env.npm_config_node_gyp
  : join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
const nodedir = process.env.npm_config_nodedir || join(dirname(process.execPath), '..');
console.error(`check-native-sanitizers: building the addon with ${sanitizers.join(' ')} in ${work}`);
const built = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--directory', native, '--nodedir', nodedir, '--loglevel', 'warn', '--jobs', '2'], { encoding: 'utf8' });
if (built.status !== 0) {
  process.stderr.write(built.stdout.slice(-4000) + built.stderr.slice(-4000));
  console.error('check-native-sanitizers: the build failed');
  process.exit(1);
}

// A root beside the real one: its own dist/ (copied: Node resolves symlinked modules to their real
// path, which would load the real addon), the rest linked.
cpSync(join(root, 'dist'), join(work, 'dist'), { recursive: true });
for (const name of ['bin', 'node_modules', 'package.json', 'src']) symlinkSync(join(root, name), join(work, name));

const env = {
  ...process.env,
  LD_PRELOAD: runtime,
  ASAN_OPTIONS: 'detect_leaks=0',
  UBSAN_OPTIONS: 'print_stacktrace=1',
  TSAN_OPTIONS: 'report_signal_unsafe=0 halt_on_error=0 exitcode=0',
};
const runs = [
  ...corpora.map((c, i) => ({ what: `origo pan ${c}`, args: ['bin/origo.js', 'pan', c, '--out', join(work, `out-${i}`), '--engine', 'native', '--workers', '3'] })),
  { what: 'the kernel tests', args: ['--test', '--test-concurrency=1', 'dist/native/text-kernel.test.js', 'dist/pan/run.test.js'] },
];
let findings = 0;
for (const run of runs) {
  const started = Date.now();
  const r = spawnSync(process.execPath, run.args, { cwd: work, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const output = `${r.stdout}\n${r.stderr}`;
  // ASan and UBSan: any report; TSan: the reports with a frame in the kernel.
  const reports = thread
    ? output.split('WARNING: ThreadSanitizer:').slice(1).filter((rep) => rep.split('SUMMARY:')[0].includes('origo_text.node'))
    : output.match(/ERROR: AddressSanitizer[^\n]*|[^\n]*runtime error:[^\n]*/g) ?? [];
  const ok = r.status === 0 && reports.length === 0;
  console.error(`${ok ? 'ok' : 'FAILED'}: ${run.what} (exit ${r.status ?? r.signal}, ${reports.length} report(s), ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) {
    findings++;
    process.stderr.write(`${(reports.length ? reports.slice(0, 3).join('\n') : output).slice(0, 8000)}\n`);
  }
}
if (keep) console.error(`check-native-sanitizers: kept ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exit(findings ? 1 : 0);
