import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractDocument } from './extract.js';
import { integritySignals } from './signals.js';

/*
 * Integrity signals on files made to game a checker (scripts/make-hostile-fixtures.mjs):
 *
 *   hidden.{odt,docx,pdf,html}   white, 1pt and display:none runs among visible text
 *   replaced-characters.txt      Cyrillic р and а inside "paper", a zero-width space in "plagiarism"
 *   text-then-image.pdf          page 1 text, page 2 only an image
 *   hidden-slide.{odp,pptx}      slide 2 of 3 hidden
 *   hidden-sheet.{ods,xlsx}      sheet 2 of 2 hidden
 *   picture-slide.{odp,pptx}    slide 2 of 3 only a picture
 *   invisible-render-mode.pdf    text drawn with render mode 3 (invisible) between visible lines
 */
const signals = new URL('../../src/extract/fixtures/signals/', import.meta.url);
const read = async (file: string) => {
  const outcome = await extractDocument(new Uint8Array(readFileSync(new URL(file, signals))), { filename: file });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
  return outcome.extraction;
};

for (const file of ['hidden.odt', 'hidden.docx', 'hidden.html']) {
  test(`signals: hidden text in ${file}`, async () => {
    const { signals: s, text } = await read(file);
    assert.ok(s.hiddenText.samples.some((x) => x.includes('white filler words')), JSON.stringify(s.hiddenText));
    assert.ok(s.hiddenText.samples.some((x) => x.includes('hidden span text')), JSON.stringify(s.hiddenText));
    assert.ok(!s.hiddenText.samples.some((x) => x.includes('Visible words')));
    assert.match(text, /Visible words about lighthouses/);
  });
}

test('signals: white and tiny text in a PDF', async () => {
  const { signals: s } = await read('hidden.pdf');
  assert.ok(s.hiddenText.samples.some((x) => x.includes('white filler words')), JSON.stringify(s.hiddenText));
  assert.ok(s.hiddenText.samples.some((x) => x.includes('tiny invisible remark')), JSON.stringify(s.hiddenText));
  assert.ok(!s.hiddenText.samples.some((x) => x.includes('Visible words')));
});

for (const file of ['hidden-slide.odp', 'hidden-slide.pptx', 'hidden-sheet.ods', 'hidden-sheet.xlsx']) {
  test(`signals: a hidden ${file.includes('slide') ? 'slide' : 'sheet'} in ${file}`, async () => {
    const { signals: s, text } = await read(file);
    const kind = file.includes('slide') ? 'slide' : 'sheet';
    assert.deepEqual(s.hiddenText.samples, [`Hidden ${kind} with copied words.`]);
    assert.match(text, new RegExp(`Visible ${kind} about lighthouses`));
  });
}

for (const file of ['picture-slide.odp', 'picture-slide.pptx']) {
  test(`signals: a slide that is only a picture in ${file}`, async () => {
    const extraction = await read(file);
    assert.deepEqual(extraction.signals.imageOnlyPages, [2]);
    assert.equal(extraction.counts.pages, 3);
  });
}

test('signals: PDF text drawn invisible (render mode 3)', async () => {
  const { signals: s } = await read('invisible-render-mode.pdf');
  assert.deepEqual(s.hiddenText.samples, ['invisible copied words']);
});

test('signals: look-alike letters and zero-width characters', async () => {
  const { signals: s } = await read('replaced-characters.txt');
  assert.equal(s.replacedCharacters.count, 1);
  assert.deepEqual(s.replacedCharacters.samples, ['раper']);
  assert.equal(s.invisibleCharacters, 1);
});

test('signals: a page that is only an image', async () => {
  const extraction = await read('text-then-image.pdf');
  assert.deepEqual(extraction.signals.imageOnlyPages, [2]);
  assert.equal(extraction.counts.pages, 2);
});

test('signals: plain Greek or Cyrillic words are not flagged', () => {
  const s = integritySignals('Привет мир, καλημέρα κόσμε, hello world');
  assert.equal(s.replacedCharacters.count, 0);
  assert.equal(s.invisibleCharacters, 0);
});
