import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeTextWithEncoding } from './text-decoding.js';
import { extractDocument } from './extract.js';

/* Legacy encodings made with iconv-lite by scripts/make-hostile-fixtures.mjs, compared with the UTF-8 originals. */
const dir = new URL('../../src/extract/fixtures/encodings/', import.meta.url);
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
const expected = (lang: string) => readFileSync(new URL(`${lang}.txt.expected`, dir), 'utf8');

for (const [name, lang] of [['french-windows-1252.txt', 'french'], ['german-iso-8859-1.txt', 'german'], ['russian-windows-1251.txt', 'russian'],
  ['russian-koi8-r.txt', 'russian'], ['german-utf-16le-bom.txt', 'german'], ['russian-utf-16be-bom.txt', 'russian'], ['french-utf-16le.txt', 'french']] as const) {
  test(`decoding: ${name}`, () => {
    const { text, encoding } = decodeTextWithEncoding(read(name));
    assert.equal(text, expected(lang), `decoded as ${encoding}`);
  });
}

for (const name of ['russian-windows-1251.txt', 'russian-utf-16be-bom.txt']) {
  test(`decoding: the extractor reads ${name} and reports its language`, async () => {
    const outcome = await extractDocument(read(name), { filename: 'r.txt' });
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
    assert.equal(outcome.extraction.text, expected('russian').trim());
    assert.equal(outcome.extraction.language, 'ru');
    assert.equal(outcome.extraction.signals.replacedCharacters.count, 0);
  });
}
