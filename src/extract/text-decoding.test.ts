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

/* UTF-16 without a byte-order mark, little- and big-endian, made here from the UTF-8 originals. */
const utf16 = (text: string, endian: 'le' | 'be') => {
  const b = Buffer.from(text, 'utf16le');
  if (endian === 'be') b.swap16();
  return new Uint8Array(b);
};
const english = 'The keeper of the lighthouse wrote in his log every night: the wind, the ships, the rocks.\nA second line, with digits 1848 and (brackets).\n';
for (const lang of ['english', 'russian', 'french', 'german'] as const) {
  for (const endian of ['le', 'be'] as const) {
    test(`decoding: ${lang} as UTF-16${endian.toUpperCase()} without a BOM`, async () => {
      const text = lang === 'english' ? english : expected(lang);
      const { text: decoded, encoding } = decodeTextWithEncoding(utf16(text, endian));
      assert.equal(encoding, `utf-16${endian}`);
      assert.equal(decoded, text);
      // The whole extractor: not refused as binary, no NUL characters in the text.
      const outcome = await extractDocument(utf16(text, endian), { filename: 'essay.txt' });
      assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
      assert.equal(outcome.extraction.text, text.trim());
      assert.ok(!outcome.extraction.text.includes('\0'));
    });
  }
}

test('decoding: UTF-8 and binary-looking bytes are not taken for UTF-16', () => {
  assert.equal(decodeTextWithEncoding(new TextEncoder().encode(english)).encoding, 'utf-8');
  // NULs on both parities (a binary structure) are not the UTF-16 pattern.
  const binary = new Uint8Array(256).map((_, i) => (i % 3 === 0 ? 0 : 65 + (i % 26)));
  assert.equal(decodeTextWithEncoding(binary).encoding === 'utf-16le' || decodeTextWithEncoding(binary).encoding === 'utf-16be', false);
});
