import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findBlockQuotes, findPhrases, findQuotes, findReferences, findTemplateText } from './exclusions.js';
import { prepareText } from '../text/prepare.js';

const quoted = (text: string) => findQuotes(text).map((e) => text.slice(e.offset, e.offset + e.length));

test('quotes of every style are found, marks included', () => {
  assert.deepEqual(quoted('He said "straight" and “curly” text.'), ['"straight"', '“curly”']);
  assert.deepEqual(quoted('Sie sagte „so“ und »so«.'), ['„so“', '»so«']);
  assert.deepEqual(quoted('Powiedział „tak” wtedy.'), ['„tak”']);
  assert.deepEqual(quoted('Il a dit « oui » hier.'), ['« oui »']);
  assert.deepEqual(quoted('彼は「はい」と言った。'), ['「はい」']);
});

test('an unbalanced quote mark does not swallow the rest of the text', () => {
  assert.deepEqual(quoted('A 12" record.\n\nNext paragraph "quoted".'), ['"quoted"']);
});

test('block quotes: indented or ">"-prefixed paragraphs', () => {
  const text = 'Intro line.\n    An indented quotation\n    over two lines.\nBack to text.\n> mailed quote\n';
  const found = findBlockQuotes(text).map((e) => text.slice(e.offset, e.offset + e.length));
  assert.deepEqual(found, ['    An indented quotation\n    over two lines.', '> mailed quote']);
});

test('the references section runs from its heading to the end, in several languages', () => {
  const body = 'Body text. '.repeat(30);
  for (const heading of ['References', 'BIBLIOGRAPHY', '7. Literaturverzeichnis', 'Bibliografía:', 'Список литературы']) {
    const text = `${body}\n${heading}\nSmith, J. (2001). A book.\n`;
    const [e] = findReferences(text);
    assert.ok(e, heading);
    assert.equal(e.reason, 'references');
    assert.equal(text.slice(e.offset), `${heading}\nSmith, J. (2001). A book.\n`);
  }
  // A heading in the first third is a table of contents, not the section.
  assert.deepEqual(findReferences(`References\n${body}`), []);
  // The word inside a sentence is not a heading.
  assert.deepEqual(findReferences(`${body} See the references below.`), []);
});

test('excluded phrases match on normalised words, at most 15', () => {
  const sub = prepareText('We use the Standard  Normal\nDistribution here, and the standard normal distribution there.');
  const found = findPhrases(sub, ['standard normal distribution'], (t) => prepareText(t));
  assert.equal(found.length, 2);
  assert.equal(sub.text.slice(found[0].offset, found[0].offset + found[0].length), 'Standard  Normal\nDistribution');
  assert.throws(() => findPhrases(sub, Array.from({ length: 16 }, (_, i) => `p${i}`), (t) => prepareText(t)), RangeError);
});

test('text shared with an instructor template is excluded', () => {
  const template = prepareText('Question 1: Describe the causes of the French Revolution in your own words.');
  const sub = prepareText('Question 1: Describe the causes of the French Revolution in your own words. The causes were many.');
  const [e] = findTemplateText(sub, [template], 5);
  assert.equal(e.reason, 'template');
  assert.equal(sub.text.slice(e.offset, e.offset + e.length), 'Question 1: Describe the causes of the French Revolution in your own words');
});

test('common text: a stretch of common fingerprints is excluded; a lone common word pair is not', async () => {
  const { findCommonText } = await import('./exclusions.js');
  const { retrievalGrams } = await import('../text/fingerprint.js');
  const { prepareText: prepare } = await import('../text/prepare.js');
  const prompt = 'Describe how the industrial revolution changed wages, working hours and housing in the mill towns of northern England between 1780 and 1850.';
  const text = `My grandmother worked in a bakery. ${prompt} My grandmother baked bread every single morning before dawn for the neighbours. Industrial revolution is a phrase I like.`;
  // The class's common fingerprints: every word pair of the prompt, and one topical pair.
  const common = new Set(retrievalGrams(prepare(prompt)).hashes);
  const found = findCommonText(prepare(text), common);
  assert.equal(found.length, 1);
  assert.equal(found[0].reason, 'common');
  const start = text.indexOf('Describe');
  assert.equal(found[0].offset, start);
  // From the prompt's first word to its last content word (years are not content words).
  assert.equal(text.slice(found[0].offset, found[0].offset + found[0].length), prompt.slice(0, prompt.indexOf(' between')));
  assert.deepEqual(findCommonText(prepare('Industrial revolution is a phrase I like, said the baker.'), common), []);
  assert.deepEqual(findCommonText(prepare(text), new Set()), []);
});
