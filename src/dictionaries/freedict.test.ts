import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { availableDictionaries, freedictFiles, freedictLexicon, readFreedict } from './freedict.js';
import { alignTranslation, loadStemmers, prepareText, textFingerprints, translatedFingerprints } from '../engine/text/index.js';
import { ENGLISH_SOURCE, GERMAN_ESSAY, GERMAN_TRANSLATION, GERMAN_UNRELATED, TRANSLATED_ENGLISH } from '../testing/cross-language-texts.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = (n: number) => { let s = ''; do { s = B64[n % 64] + s; n = Math.floor(n / 64); } while (n > 0); return s; };

/** Writes a small dictd dictionary (index + gzip'd dict) in FreeDict's layout. */
function writeDictd(dir: string, iso3: string, entries: [string, string][]): void {
  let dict = '';
  const index: string[] = [];
  for (const [head, body] of entries) {
    const start = Buffer.byteLength(dict);
    dict += body;
    index.push(`${head}\t${b64(start)}\t${b64(Buffer.byteLength(body))}`);
  }
  writeFileSync(join(dir, `freedict-${iso3}-eng.index`), `${index.join('\n')}\n`);
  writeFileSync(join(dir, `freedict-${iso3}-eng.dict.dz`), gzipSync(Buffer.from(dict)));
}

test('a dictd dictionary is read into headword -> English words, without notes, cross-references or glosses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'origo-freedict-'));
  try {
    writeDictd(dir, 'deu', [
      ['00databaseinfo', 'about this database\n'],
      ['haus', 'Haus /haʊs/ <neut, n, sg>\nhouse <n>, home <n> [Am.]\n   Synonym: {Gebäude}\n see: {Häuser}\n'],
      ['haus', 'Haus /haʊs/ <n>\n [astrol.] house of the zodiac\n'],
      ['anordnung in einer linie', 'Anordnung in einer Linie\nalignment <n>\n'],
    ]);
    writeDictd(dir, 'pol', [
      ['dom', 'dom /dɔm/ <n>\n1. house, home\n(budownictwo) budynek mieszkalny\n2. household\nrodzina mieszkająca razem\n'],
    ]);
    assert.deepEqual(availableDictionaries(dir).sort(), ['de', 'pl']);
    assert.equal(freedictFiles('fr', dir), null);
    const de = readFreedict('de', freedictFiles('de', dir)!);
    assert.deepEqual(de.entries.get('haus'), ['house', 'home', 'zodiac']);
    assert.equal(de.entries.has('anordnung in einer linie'), false, 'phrases are not single-word headwords');
    assert.equal(de.entries.has('00databaseinfo'), false);
    const pl = readFreedict('pl', freedictFiles('pl', dir)!);
    assert.deepEqual(pl.entries.get('dom'), ['house', 'home', 'household']);
    assert.equal(freedictLexicon('fr', dir), null, 'a missing dictionary is no lexicon, not an error');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with the installed German FreeDict dictionary, a translated passage is found and an unrelated text is not', async (t) => {
  // CI sets ORIGO_REQUIRE_DICTIONARIES=1 (.ci/run installs dict-freedict-*-eng): there a missing one fails.
  const lexicon = freedictLexicon('de');
  if (!lexicon) {
    assert.ok(process.env.ORIGO_REQUIRE_DICTIONARIES !== '1', 'freedict-deu-eng is not installed, and ORIGO_REQUIRE_DICTIONARIES=1');
    t.skip('freedict-deu-eng is not installed (apt-get install dict-freedict-deu-eng): cross-language detection is not tested');
    return;
  }
  await loadStemmers();
  const source = prepareText(ENGLISH_SOURCE);
  const [p, ...rest] = alignTranslation(prepareText(GERMAN_ESSAY), source, lexicon);
  assert.equal(rest.length, 0);
  assert.equal(GERMAN_ESSAY.slice(p.offset, p.offset + p.length), GERMAN_TRANSLATION);
  assert.equal(ENGLISH_SOURCE.slice(p.sourceOffset, p.sourceOffset + p.sourceLength), TRANSLATED_ENGLISH);
  assert.deepEqual(alignTranslation(prepareText(GERMAN_UNRELATED), source, lexicon), []);
  // Retrieval: the German essay shares no fingerprint of its own with the English source, but its
  // translated fingerprints find it; the unrelated text's do not.
  const indexed = new Set(textFingerprints(source));
  const essay = prepareText(GERMAN_ESSAY);
  assert.equal(textFingerprints(essay).filter((h) => indexed.has(h)).length, 0);
  assert.ok(translatedFingerprints(essay, lexicon).filter((h) => indexed.has(h)).length >= 2);
  assert.equal(translatedFingerprints(prepareText(GERMAN_UNRELATED), lexicon).filter((h) => indexed.has(h)).length, 0);
});
