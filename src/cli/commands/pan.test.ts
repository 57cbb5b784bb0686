import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { nativeKernelAvailable } from '../../native/text-kernel.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const origo = (args: string[]) => spawnSync(process.execPath, ['bin/origo.js', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

const copied = 'The committee concluded that the regional water authority had failed to maintain the eastern reservoir for more than a decade. '
  + 'Inspectors found cracked spillways, silted intake channels and pumps that had not been serviced since the authority was reorganised. '
  + 'The final report recommended an independent audit, a ten-year maintenance plan and compensation for the farmers whose harvests were lost.';
const src = `Rivers shaped the settlement of the valley long before the railway came. ${copied} Today the dam is a museum.`;
const susp = `My essay is about public services in rural areas and how they fail. ${copied} In conclusion, maintenance matters.`;

/** A PAN 2013 layout corpus of one pair with one verbatim case and its truth file. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'origo-pan-cli-'));
  for (const d of ['susp', 'src', '02-no-obfuscation']) mkdirSync(join(dir, d));
  writeFileSync(join(dir, 'src', 'src-1.txt'), src);
  writeFileSync(join(dir, 'susp', 'susp-1.txt'), susp);
  writeFileSync(join(dir, '02-no-obfuscation', 'pairs'), 'susp-1.txt src-1.txt\n');
  writeFileSync(join(dir, '02-no-obfuscation', 'susp-1-src-1.xml'), `<document reference="susp-1.txt">\n<feature name="plagiarism" obfuscation="none" this_offset="${susp.indexOf(copied)}" this_length="${copied.length}" source_reference="src-1.txt" source_offset="${src.indexOf(copied)}" source_length="${copied.length}"/>\n</document>\n`);
  return dir;
}

test('origo pan finds the copied passage in both texts and scores it against the truth', () => {
  const dir = corpus();
  const r = origo(['pan', dir, '--out', join(dir, 'out')]);
  assert.equal(r.status, 0, r.stderr);
  const line = JSON.parse(r.stdout);
  assert.equal(line.pairs, 1);
  assert.equal(line.measures.entire.plagdet, 1);
  const xml = readFileSync(join(dir, 'out', 'susp-1-src-1.xml'), 'utf8');
  assert.match(xml, new RegExp(`this_offset="${susp.indexOf(copied)}" this_length="${copied.length}" source_reference="src-1.txt" source_offset="${src.indexOf(copied)}"`));
});

test('origo pan refuses a broken truth file or pairs line with a one-line error naming it', () => {
  // A truncated truth file: before, it counted as a pair without cases (exit 0, "cases": 0, precision 0).
  const truncated = corpus();
  const truth = join(truncated, '02-no-obfuscation', 'susp-1-src-1.xml');
  writeFileSync(truth, '<document reference="susp-1.txt">\n<feature name="plagiarism" obfuscation="none" this_off');
  for (const workers of ['1', '2']) {
    const r = origo(['pan', truncated, '--out', join(truncated, 'out'), '--workers', workers]);
    assert.equal(r.status, 1, r.stdout);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim(), `${truth}: not a PAN truth file (a <document reference="…"> … </document>)`);
  }
  const noOffsets = corpus();
  writeFileSync(join(noOffsets, '02-no-obfuscation', 'susp-1-src-1.xml'), '<document reference="susp-1.txt">\n<feature name="plagiarism" this_offset="12" source_reference="src-1.txt"/>\n</document>\n');
  const r2 = origo(['pan', noOffsets, '--out', join(noOffsets, 'out')]);
  assert.equal(r2.status, 1, r2.stdout);
  assert.match(r2.stderr, /susp-1-src-1\.xml: a plagiarism feature lacks whole-number this_offset/);
  // A pairs line of one name: before, "ENOENT … susp/susp-2.txt".
  const oneName = corpus();
  writeFileSync(join(oneName, '02-no-obfuscation', 'pairs'), 'susp-1.txt src-1.txt\nsusp-2.txt\n');
  const r3 = origo(['pan', oneName, '--out', join(oneName, 'out')]);
  assert.equal(r3.status, 1);
  assert.equal(r3.stderr.trim(), `${join(oneName, '02-no-obfuscation', 'pairs')}, line 2: expected two file names "<susp> <src>", got "susp-2.txt"`);
});

test('origo pan refuses a folder or a named pipe where a text is expected, naming it, with either engine', (t) => {
  // Before: a folder failed with "EISDIR: illegal operation on a directory, read" (no file named),
  // and a named pipe left the run waiting for a writer for ever (the kernel's reading thread, then
  // the TypeScript engine's readFileSync).
  const dir = corpus();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'src', 'folder.txt'));
  const fifo = spawnSync('mkfifo', [join(dir, 'src', 'pipe.txt')]).status === 0;
  const engines = nativeKernelAvailable() ? ['native', 'js'] : ['js'];
  for (const name of fifo ? ['folder.txt', 'pipe.txt'] : ['folder.txt']) {
    writeFileSync(join(dir, '02-no-obfuscation', 'pairs'), `susp-1.txt src-1.txt\nsusp-1.txt ${name}\n`);
    for (const engine of engines) {
      const r = spawnSync(process.execPath, ['bin/origo.js', 'pan', dir, '--out', join(dir, `out-${engine}`), '--engine', engine], { cwd: root, encoding: 'utf8', timeout: 20_000 });
      assert.equal(r.signal, null, `${name}, ${engine}: still running after 20 s`);
      assert.equal(r.status, 1, `${name}, ${engine}: ${r.stdout}`);
      assert.equal(r.stderr.trim(), `${join(dir, 'src', name)}: not a regular file`);
    }
  }
});

test('origo pan refuses more threads than the compiled kernel starts, naming --workers', () => {
  // Before: with the kernel, "threads must be 1 to 256" (no option named); the TypeScript engine took it.
  const dir = corpus();
  try {
    for (const engine of nativeKernelAvailable() ? ['native', 'js'] : ['js']) {
      const r = origo(['pan', dir, '--out', join(dir, 'out'), '--engine', engine, '--workers', '300']);
      assert.equal(r.status, 1, r.stdout);
      assert.equal(r.stderr.trim(), '--workers must be an integer from 1 to 256, got 300');
    }
    const r = origo(['pan', dir, '--out', join(dir, 'out'), '--workers', '256']);
    assert.equal(r.status, 0, r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('origo pan refuses an output folder it cannot create, naming it, with either engine (Node 20\'s recursive mkdir hung on /proc)', () => {
  const dir = corpus();
  try {
    for (const engine of nativeKernelAvailable() ? ['native', 'js'] : ['js']) {
      const r = spawnSync(process.execPath, ['bin/origo.js', 'pan', dir, '--out', '/proc/origo-out', '--engine', engine], { cwd: root, encoding: 'utf8', timeout: 20_000 });
      assert.equal(r.signal, null, `${engine}: killed after 20 s (hung)`);
      assert.equal(r.status, 1, `${engine}: ${r.stdout}`);
      assert.equal(r.stderr.trim(), 'cannot create the folder /proc/origo-out: /proc does not take new folders');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ~2 GB of memory for a few seconds: run with ORIGO_HEAVY_TESTS=1.
test('origo pan refuses a text longer than the longest JavaScript string with either engine, naming it', { skip: process.env.ORIGO_HEAVY_TESTS === '1' ? false : 'set ORIGO_HEAVY_TESTS=1 (reads a 537 MB file)' }, (t) => {
  // Before: the TypeScript engine failed with "Cannot create a string longer than 0x1fffffe8
  // characters" (no file named) and the compiled kernel aligned the text (exit 0).
  const dir = corpus();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const huge = join(dir, 'src', 'huge.txt');
  spawnSync('truncate', ['-s', String(0x1fffffe9), huge]);
  writeFileSync(join(dir, '02-no-obfuscation', 'pairs'), 'susp-1.txt huge.txt\n');
  for (const engine of nativeKernelAvailable() ? ['native', 'js'] : ['js']) {
    const r = spawnSync(process.execPath, ['bin/origo.js', 'pan', dir, '--out', join(dir, `out-${engine}`), '--engine', engine], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 1, `${engine}: ${r.stdout}`);
    assert.equal(r.stderr.trim(), `${huge}: Cannot create a string longer than 0x1fffffe8 characters`);
  }
});
