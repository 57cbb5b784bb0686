import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPan } from './run.js';
import { AligningThread } from './aligning-thread.js';
import { parseFeatures } from './xml.js';
import { freedictFiles } from '../dictionaries/freedict.js';
import { ENGLISH_SOURCE, GERMAN_ESSAY, GERMAN_TRANSLATION, TRANSLATED_ENGLISH } from '../testing/cross-language-texts.js';

/*
 *  corpus/
 *    01-no-plagiarism/pairs      susp-a  src-x          (no case)
 *    02-no-obfuscation/pairs     susp-b  src-y          (one verbatim case, truth XML)
 *                                susp-c  src-y, susp-d src-y (same case)
 *    susp/ src/
 */
const copied = 'The harbour authority dredged the northern channel in 1887 so that larger steamships could reach the inner docks. '
  + 'Within a decade the tonnage handled by the port had tripled, and warehouses spread along the eastern embankment. '
  + 'Merchants formed a chamber of commerce to lobby for a railway link between the docks and the coal fields inland.';
const intro = 'My essay looks at how small towns changed during industrialisation, with one example from the coast. ';
const outro = ' In conclusion, infrastructure decisions shaped the fortunes of the town for more than a century.';

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'origo-pan-corpus-'));
  for (const d of ['susp', 'src', '01-no-plagiarism', '02-no-obfuscation']) mkdirSync(join(dir, d));
  const src = `Fishing villages once dotted the estuary. ${copied} Today the warehouses hold galleries.`;
  writeFileSync(join(dir, 'src', 'src-y.txt'), src);
  writeFileSync(join(dir, 'src', 'src-x.txt'), 'Photosynthesis converts light energy into chemical energy. Plants release oxygen.');
  writeFileSync(join(dir, 'susp', 'susp-a.txt'), `${intro}Nothing copied here at all, only my own words.${outro}`);
  const susp = `${intro}${copied}${outro}`;
  for (const s of ['b', 'c', 'd']) {
    writeFileSync(join(dir, 'susp', `susp-${s}.txt`), susp);
    writeFileSync(join(dir, '02-no-obfuscation', `susp-${s}-src-y.xml`), `<document reference="susp-${s}.txt">\n`
      + `<feature name="plagiarism" type="artificial" obfuscation="none" this_offset="${susp.indexOf(copied)}" this_length="${copied.length}" `
      + `source_reference="src-y.txt" source_offset="${src.indexOf(copied)}" source_length="${copied.length}"/>\n</document>\n`);
  }
  writeFileSync(join(dir, '01-no-plagiarism', 'susp-a-src-x.xml'), '<document reference="susp-a.txt">\n</document>\n');
  writeFileSync(join(dir, '01-no-plagiarism', 'pairs'), 'susp-a.txt src-x.txt\n');
  writeFileSync(join(dir, '02-no-obfuscation', 'pairs'), 'susp-b.txt src-y.txt\nsusp-c.txt src-y.txt\nsusp-d.txt src-y.txt\n');
  return dir;
}

for (const workers of [1, 2]) {
  test(`runPan writes PAN XML per pair and scores it (workers ${workers})`, async (t) => {
    const dir = corpus();
    const out = join(dir, 'out');
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const r = await runPan(dir, out, { workers });
    assert.equal(r.pairs, 4);
    assert.equal(r.measures?.entire.plagdet, 1);
    assert.equal(r.measures?.['01-no-plagiarism'].detections, 0);
    const found = parseFeatures(readFileSync(join(out, 'susp-b-src-y.xml'), 'utf8'), 'detected-plagiarism');
    assert.equal(found.length, 1);
    assert.equal(found[0].source, 'src-y.txt');
    assert.deepEqual(parseFeatures(readFileSync(join(out, 'susp-a-src-x.xml'), 'utf8'), 'detected-plagiarism'), []);
  });
}

test('with two threads, pairs across languages and within one give the same detections as with one', async (t) => {
  if (!freedictFiles('de')) {
    assert.ok(process.env.ORIGO_REQUIRE_DICTIONARIES !== '1', 'freedict-deu-eng is not installed, and ORIGO_REQUIRE_DICTIONARIES=1');
    t.skip('freedict-deu-eng is not installed: the cross-language path of origo pan is not tested');
    return;
  }
  // susp-de (German, translating part of src-en) and susp-en (an English copy of the same part).
  const dir = mkdtempSync(join(tmpdir(), 'origo-pan-cross-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const d of ['susp', 'src']) mkdirSync(join(dir, d));
  writeFileSync(join(dir, 'src', 'src-en.txt'), ENGLISH_SOURCE);
  writeFileSync(join(dir, 'susp', 'susp-de.txt'), GERMAN_ESSAY);
  writeFileSync(join(dir, 'susp', 'susp-en.txt'), `${intro}${TRANSLATED_ENGLISH}${outro}`);
  writeFileSync(join(dir, 'pairs'), 'susp-de.txt src-en.txt\nsusp-en.txt src-en.txt\n');
  const files: Record<number, Record<string, string>> = {};
  for (const workers of [1, 2]) {
    const out = join(dir, `out-${workers}`);
    // With two, the second thread aligns both pairs (it takes both groups before runPan starts).
    await runPan(dir, out, workers === 2 ? { thread: await threadWithAllGroups(dir, out, 2) } : { workers });
    files[workers] = Object.fromEntries(['susp-de-src-en.xml', 'susp-en-src-en.xml'].map((f) => [f, readFileSync(join(out, f), 'utf8')]));
  }
  assert.deepEqual(files[2], files[1]);
  const [german] = parseFeatures(files[2]['susp-de-src-en.xml'], 'detected-plagiarism');
  assert.equal(GERMAN_ESSAY.slice(german.offset, german.offset + german.length), GERMAN_TRANSLATION);
  const [english] = parseFeatures(files[2]['susp-en-src-en.xml'], 'detected-plagiarism');
  assert.equal(ENGLISH_SOURCE.slice(english.sourceOffset, english.sourceOffset + english.sourceLength), TRANSLATED_ENGLISH);
});

/** A started second thread, once it has taken all `groups` groups of pairs (each a suspicious document). */
async function threadWithAllGroups(dir: string, out: string, groups: number): Promise<AligningThread> {
  const thread = new AligningThread(dir, out);
  const deadline = Date.now() + 30_000;
  while (Atomics.load(thread.next, 0) <= groups) {
    if (Date.now() > deadline) throw new Error('the second thread took no groups in 30 s');
    await new Promise((r) => setTimeout(r, 5));
  }
  return thread;
}

test('the pairs the second thread aligns come back to the run: the same files and measures as with one thread', async (t) => {
  const dir = corpus();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const one = await runPan(dir, join(dir, 'out-1'), { workers: 1 });
  // Four suspicious documents: four groups, all taken by the second thread.
  const two = await runPan(dir, join(dir, 'out-2'), { thread: await threadWithAllGroups(dir, join(dir, 'out-2'), 4) });
  assert.deepEqual(two.measures, one.measures);
  assert.equal(two.measures?.entire.plagdet, 1);
  for (const f of ['susp-a-src-x.xml', 'susp-b-src-y.xml', 'susp-c-src-y.xml', 'susp-d-src-y.xml']) {
    assert.equal(readFileSync(join(dir, 'out-2', f), 'utf8'), readFileSync(join(dir, 'out-1', f), 'utf8'), f);
  }
});

test('a missing document in a pair the second thread takes fails the run with its name', async (t) => {
  const dir = corpus();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  rmSync(join(dir, 'susp', 'susp-c.txt'));
  const out = join(dir, 'out');
  // The thread stops at the failing group; the groups after it stay for this thread.
  const thread = new AligningThread(dir, out);
  await assert.rejects(thread.result(), /susp-c\.txt/);
  await assert.rejects(runPan(dir, out, { thread }), (err: Error) => {
    assert.match(err.message, /susp-c\.txt/);
    assert.doesNotMatch(err.message, /\n\s+at /, 'a message, not a stack trace');
    return true;
  });
});

for (const workers of [1, 2]) {
  test(`a pair naming a missing document fails with the file's name, not a stack (workers ${workers})`, async (t) => {
    const dir = corpus();
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    rmSync(join(dir, 'susp', 'susp-c.txt'));
    await assert.rejects(runPan(dir, join(dir, 'out'), { workers }), (err: Error) => {
      assert.match(err.message, /susp-c\.txt/);
      assert.doesNotMatch(err.message, /\n\s+at /, 'a message, not a stack trace');
      return true;
    });
  });
}

test('the compiled kernel writes the files the TypeScript engine writes: pairs within a language, across languages, and with a text it leaves out', async (t) => {
  const { nativeKernelAvailable } = await import('../native/text-kernel.js');
  if (!nativeKernelAvailable()) {
    assert.ok(process.env.ORIGO_REQUIRE_NATIVE !== '1', 'the compiled text kernel is not built, and ORIGO_REQUIRE_NATIVE=1');
    t.skip('the compiled text kernel is not built');
    return;
  }
  if (!freedictFiles('de')) {
    assert.ok(process.env.ORIGO_REQUIRE_DICTIONARIES !== '1', 'freedict-deu-eng is not installed, and ORIGO_REQUIRE_DICTIONARIES=1');
    t.skip('freedict-deu-eng is not installed');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'origo-pan-engines-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const d of ['susp', 'src']) mkdirSync(join(dir, d));
  writeFileSync(join(dir, 'src', 'src-en.txt'), ENGLISH_SOURCE);
  writeFileSync(join(dir, 'susp', 'susp-de.txt'), GERMAN_ESSAY);
  // A name the detection file must escape, and a text in a script the kernel leaves to the TypeScript engine.
  writeFileSync(join(dir, 'susp', 'susp-&"en.txt'), `${intro}${TRANSLATED_ENGLISH}${outro}`);
  writeFileSync(join(dir, 'susp', 'susp-zh.txt'), `我们去学校。${intro}${TRANSLATED_ENGLISH}${outro}`);
  writeFileSync(join(dir, 'pairs'), 'susp-de.txt src-en.txt\nsusp-&"en.txt src-en.txt\nsusp-zh.txt src-en.txt\n');
  const files: Record<string, Record<string, string>> = {};
  for (const engine of ['js', 'native'] as const) {
    const out = join(dir, `out-${engine}`);
    const r = await runPan(dir, out, { engine, workers: engine === 'native' ? 2 : 1 });
    assert.equal(r.pairs, 3);
    files[engine] = Object.fromEntries(['susp-de-src-en.xml', 'susp-&"en-src-en.xml', 'susp-zh-src-en.xml'].map((f) => [f, readFileSync(join(out, f), 'utf8')]));
  }
  assert.deepEqual(files.native, files.js);
  // Each pair found its passage (so the comparison is not between empty files).
  for (const [f, xml] of Object.entries(files.native)) assert.equal(parseFeatures(xml, 'detected-plagiarism').length, 1, f);
  assert.match(files.native['susp-&"en-src-en.xml'], /reference="susp-&amp;&quot;en\.txt"/);
});
