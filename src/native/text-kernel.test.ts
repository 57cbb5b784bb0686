import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NativeDocuments, nativeKernelAvailable, tuneMemoryForBatch } from './text-kernel.js';
import { alignTexts, keyHashes, loadStemmers, prepareText } from '../engine/text/index.js';
import { modelSource } from '../engine/text/align/sentence-model.js';
import { ENGLISH_SOURCE, GERMAN_ESSAY, GERMAN_UNRELATED } from '../testing/cross-language-texts.js';

/*
 * The compiled text kernel (native/) must prepare and align exactly as the TypeScript engine
 * does. CI sets ORIGO_REQUIRE_NATIVE=1 (its `npm install` builds the kernel): there a missing
 * kernel fails instead of skipping.
 */
const skip = nativeKernelAvailable() ? false : 'the compiled text kernel is not built';
test('the compiled text kernel is built where CI requires it', () => {
  if (process.env.ORIGO_REQUIRE_NATIVE === '1') assert.ok(nativeKernelAvailable(), 'ORIGO_REQUIRE_NATIVE=1 but native/build/Release/origo_text.node is missing');
});

test('tuneMemoryForBatch: the addon applies the batch allocator settings (glibc), once per process', { skip: skip || (process.platform !== 'linux' ? 'Linux (glibc) only' : false) }, () => {
  // In a child of its own: the settings last for the rest of the process.
  // /proc/self/maps gives the size of the C heap (its [heap] areas) before and after: it grows
  // once by the top pad and more, and keeps it.
  const script = `import { readFileSync } from 'node:fs';
    const heap = () => readFileSync('/proc/self/maps', 'utf8').split('\\n').filter((l) => l.endsWith('[heap]')).reduce((sum, l) => { const [a, b] = l.split(' ')[0].split('-').map((x) => parseInt(x, 16)); return sum + b - a; }, 0);
    const { tuneMemoryForBatch } = await import(${JSON.stringify(new URL('./text-kernel.js', import.meta.url).href)});
    const before = heap();
    const tuned = [tuneMemoryForBatch(), tuneMemoryForBatch()];
    console.log(JSON.stringify({ tuned, grown: heap() - before }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const on = JSON.parse(r.stdout) as { tuned: boolean[]; grown: number };
  assert.deepEqual(on.tuned, [true, true], 'every mallopt setting took, and a second call answers the same');
  assert.ok(on.grown >= 64 * 2 ** 20, `the heap grew by ${(on.grown / 2 ** 20).toFixed(1)} MiB, less than the 64 MiB top pad`);
  const off = JSON.parse(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ORIGO_NATIVE: '0' } }).stdout) as { tuned: boolean[]; grown: number };
  assert.deepEqual(off.tuned, [false, false], 'ORIGO_NATIVE=0: nothing is tuned');
  assert.ok(off.grown < 16 * 2 ** 20, 'and the heap stays as it was');
});

const SOURCE = [
  'The committee met on a cold morning in March to discuss the future of the old railway station.',
  'Several members argued that the building should be restored and turned into a museum of local history.',
  'Others pointed out that the roof was leaking badly and that repairs would cost more than the town could afford.',
  'After a long debate the chair proposed a compromise: the station would be sold to a private buyer on condition that its facade was preserved.',
  'The proposal was accepted by a narrow majority, although two members refused to vote.',
  'Local newspapers described the decision as a victory for common sense, while some residents wrote angry letters.',
  'Within a year a developer had converted the station into offices, keeping the clock tower and the painted ceiling of the waiting hall.',
  'Today visitors can still see the original timetable boards, which were cleaned and hung in the entrance.',
].join(' ');

/** A verbatim copy of three sentences, a reworded sentence (synonyms, reordering) and text of the writer's own. */
const SUBMISSION = [
  'My essay looks at how small towns decide what to do with buildings nobody uses any more.',
  'I chose an example from my own town because I could read the minutes of the council.',
  'Several members argued that the building should be restored and turned into a museum of local history.',
  'Others pointed out that the roof was leaking badly and that repairs would cost more than the town could afford.',
  'After a long debate the chair proposed a compromise: the station would be sold to a private buyer on condition that its facade was preserved.',
  'A slim majority accepted the suggestion, though two of the members declined to cast a vote.',
  'In my view this shows that money usually decides such questions, whatever people feel about history.',
  'Within a year a developer had converted the station into offices, keeping the clock tower and the painted ceiling of the waiting hall.',
].join(' ');

/** Non-ASCII words of every kind the kernel hands to JavaScript to fold: accents, a homoglyph, an invisible character, ligatures, curly apostrophes. */
const FOLDED = 'Naïve café owners in Zürich didn’t expect the ﬁnancial crisis. The pla\u200Bgiar\u0456sm case of Ⅻ ÉCOLE students, ĲSSEL and İstanbul, was reported in Ｆｕｌｌｗｉｄｔｈ letters. ' + SOURCE;
const POLISH = 'W tym roku nasza klasa pojechała na wycieczkę do Krakowa. Zwiedzaliśmy zamek na Wawelu i stare miasto, a wieczorem jedliśmy pierogi w małej restauracji. Przewodnik opowiadał o historii miasta i o królach, którzy tam mieszkali.';
const UNSUPPORTED = { han: '我们去学校。' + SOURCE, astral: `A text with an emoji 😀 in it. ${SOURCE}` };

function corpus(t: { after: (fn: () => void) => void }, texts: Record<string, string | Buffer>): { dir: string; paths: string[]; names: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'origo-native-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const names = Object.keys(texts);
  const paths = names.map((n) => join(dir, `${n}.txt`));
  names.forEach((n, i) => writeFileSync(paths[i], texts[n]));
  return { dir, paths, names };
}

test('documents are prepared as the TypeScript engine prepares them: words, keys, stems, sentences, language', { skip }, async (t) => {
  const texts: Record<string, string | Buffer> = {
    source: SOURCE, submission: SUBMISSION, folded: FOLDED, polish: POLISH, german: GERMAN_ESSAY, unrelated: GERMAN_UNRELATED,
    english: ENGLISH_SOURCE, empty: '', digits: '1234 5678 90.', bom: `\ufeff${SOURCE}`,
    // Invalid UTF-8 (a lone continuation byte, a cut-off sequence): decoded with U+FFFD as Node does.
    invalid: Buffer.concat([Buffer.from('Before the break '), Buffer.from([0x80, 0xe2, 0x82]), Buffer.from(' after the break, caf'), Buffer.from([0xc3])]),
  };
  const { paths, names } = corpus(t, texts);
  const docs = await NativeDocuments.prepare(paths, 2);
  await loadStemmers();
  const stemOf = new Map<number, string>();
  names.forEach((name, i) => {
    assert.equal(docs.unsupported[i], '', name);
    const text = Buffer.isBuffer(texts[name]) ? (texts[name] as Buffer).toString('utf8') : (texts[name] as string);
    const js = prepareText(text);
    const d = docs.document(i);
    assert.equal(d.language, js.language, `${name}: language`);
    assert.deepEqual([...d.wordStart], [...js.wordStart], `${name}: word starts`);
    assert.deepEqual([...d.wordEnd], [...js.wordEnd], `${name}: word ends`);
    assert.deepEqual([...d.keyHash], [...keyHashes(js)], `${name}: key hashes`);
    const m = modelSource(js);
    assert.deepEqual([...d.sentenceStart], [...m.sentenceStart], `${name}: sentences`);
    assert.deepEqual([...d.sentenceEnd], [...m.sentenceEnd], `${name}: sentence ends`);
    assert.deepEqual([...d.sentenceEndWord], [...m.sentenceEndWord], `${name}: sentence words`);
    // Stem numbers differ between the engines; the stems they stand for must not.
    js.words.forEach((w, k) => {
      const content = m.wordStem[k] >= 0;
      assert.equal(d.wordStem[k] >= 0, content, `${name}: word ${k} (${w.key}) content`);
      if (!content) return;
      const known = stemOf.get(d.wordStem[k]);
      if (known === undefined) stemOf.set(d.wordStem[k], w.stem);
      else assert.equal(w.stem, known, `${name}: word ${k} (${w.key}) stem`);
    });
  });
  assert.equal(docs.languages[names.indexOf('polish')], 'pl');
  assert.equal(docs.languages[names.indexOf('german')], 'de');
  // Folded keys reached the kernel: the homoglyph word matches its plain spelling's hash.
  const folded = docs.document(names.indexOf('folded'));
  const plain = prepareText('plagiarism');
  assert.ok(folded.keyHash.includes(keyHashes(plain)[0]));
});

test('texts the kernel cannot prepare are named, with the reason', { skip }, async (t) => {
  const { paths, names } = corpus(t, { ...UNSUPPORTED, fine: SOURCE });
  const docs = await NativeDocuments.prepare([...paths, join(paths[0], '..', 'missing.txt')], 1);
  assert.match(docs.unsupported[names.indexOf('han')], /without spaces/);
  assert.match(docs.unsupported[names.indexOf('astral')], /Basic Multilingual Plane/);
  assert.equal(docs.unsupported[names.indexOf('fine')], '');
  assert.match(docs.unsupported[3], /cannot be read/);
  await assert.rejects(docs.align([[0, 2]]), /could not prepare/);
  await assert.rejects(docs.align([[2, 9]]), /does not have/);
});

test('pairs are aligned as the TypeScript engine aligns them, on one thread and on two', { skip }, async (t) => {
  const texts = { source: SOURCE, submission: SUBMISSION, folded: FOLDED, english: ENGLISH_SOURCE, german: GERMAN_ESSAY, polish: POLISH };
  const { paths, names } = corpus(t, texts);
  const pairs: [number, number][] = [];
  for (let s = 0; s < names.length; s++) for (let r = 0; r < names.length; r++) if (s !== r && names[s] !== 'german' && names[r] !== 'german') pairs.push([s, r]);
  const expected = pairs.map(([s, r]) => alignTexts(prepareText(texts[names[s] as keyof typeof texts]), prepareText(texts[names[r] as keyof typeof texts])));
  // The fixtures must exercise alignment: a verbatim copy and a reworded passage at least.
  const submissionVsSource = expected[pairs.findIndex(([s, r]) => names[s] === 'submission' && names[r] === 'source')];
  assert.ok(submissionVsSource.some((p) => p.kind === 'verbatim'), JSON.stringify(submissionVsSource));
  assert.ok(expected.filter((ps) => ps.length > 0).length >= 3);
  for (const threads of [1, 2]) {
    const docs = await NativeDocuments.prepare(paths, threads);
    const found = await docs.align(pairs);
    found.forEach((ps, i) => {
      const want = expected[i];
      assert.equal(ps.length, want.length, `${names[pairs[i][0]]} vs ${names[pairs[i][1]]}: ${JSON.stringify(ps)} against ${JSON.stringify(want)}`);
      ps.forEach((p, k) => {
        const { similarity, ...span } = p;
        const { similarity: wantSimilarity, ...wantSpan } = want[k];
        assert.deepEqual(span, wantSpan);
        assert.ok(Math.abs(similarity - wantSimilarity) < 1e-12, `${similarity} against ${wantSimilarity}`);
      });
    });
  }
});

test('while a step runs, the kernel refuses every other call before looking at its state', { skip }, async (t) => {
  // Before, writeDetections checked its files against the passages while a second align was
  // replacing them on another thread (a data race), and only then said the kernel was busy.
  const { paths } = corpus(t, { source: SOURCE, submission: SUBMISSION });
  const docs = await NativeDocuments.prepare(paths, 2);
  assert.equal((await docs.align([[1, 0]]))[0].length > 0, true);
  const second = docs.align([[1, 0], [0, 1]]);
  assert.throws(() => docs.writeDetections([]), /writeDetections: the previous step of the text kernel has not finished/);
  await assert.rejects(docs.align([[1, 0]]), /align: the previous step of the text kernel has not finished/);
  assert.throws(() => docs.document(0), /document: the previous step/);
  assert.equal((await second).length, 2);
});

const ROOT_DIST = new URL('../', import.meta.url);
const tools = ['setpriv', 'prlimit'].every((tool) => spawnSync(tool, ['--version']).status === 0);
test('a kernel whose threads the system refuses does its work on fewer threads, not abort', { skip: skip || (process.getuid?.() !== 0 || !tools ? 'needs root, setpriv and prlimit (to run a child as nobody with few threads)' : false) }, (t) => {
  // Before: the refused std::thread threw from parallelFor while started threads were joinable,
  // and the process died with "terminate called without an active exception" (SIGABRT).
  const { dir, paths } = corpus(t, { source: SOURCE, submission: SUBMISSION, english: ENGLISH_SOURCE });
  chmodSync(dir, 0o755);
  const script = `const { NativeDocuments } = await import(${JSON.stringify(new URL('native/text-kernel.js', ROOT_DIST).href)});
    const docs = await NativeDocuments.prepare(${JSON.stringify(paths)}, 64);
    const found = await docs.align([[1, 0], [0, 1], [2, 0]]);
    console.log(JSON.stringify(found.map((ps) => ps.map((p) => [p.offset, p.length, p.sourceOffset, p.sourceLength, p.kind]))));`;
  const nobody = ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'];
  const run = (limit: string[]) => spawnSync(nobody[0], [...nobody.slice(1), ...limit, process.execPath, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  const free = run([]);
  if (free.status !== 0 && /ERR_MODULE_NOT_FOUND|EACCES/.test(free.stderr)) {
    t.skip('the user nobody cannot read this checkout');
    return;
  }
  assert.equal(free.status, 0, free.stderr);
  // Node starts its own ~10 threads within 20; the kernel's 63 more are refused.
  const limited = run(['prlimit', '--nproc=20']);
  assert.equal(limited.signal, null, limited.stderr);
  assert.equal(limited.status, 0, limited.stderr);
  assert.equal(limited.stdout, free.stdout);
  assert.ok(JSON.parse(free.stdout)[0].length > 0);
});
