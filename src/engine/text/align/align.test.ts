import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareText } from '../prepare.js';
import { alignTexts } from './align.js';

/*
 *  source:      [ intro A ][ COPIED PASSAGE (4 sentences) ][ outro A ]
 *  submission:  [ other intro B ][ COPIED PASSAGE, disguised ][ other outro B ]
 */
const copied = [
  'The harbour authority dredged the northern channel in 1887 so that larger steamships could reach the inner docks.',
  'Within a decade the tonnage handled by the port had tripled, and warehouses spread along the eastern embankment.',
  'Merchants formed a chamber of commerce to lobby for a railway link between the docks and the coal fields inland.',
  'The railway opened in 1902 and turned the town into the main export harbour for the whole valley.',
].join(' ');
const sourceText = [
  'Fishing villages once dotted the estuary, and most families lived from herring caught in winter.',
  copied,
  'After the collapse of coal mining the docks fell silent, and today the warehouses hold galleries and flats.',
].join(' ');
const intro = 'My essay looks at how small towns changed during industrialisation, with one example from the coast.';
const outro = 'In conclusion, infrastructure decisions shaped the fortunes of the town for more than a century.';

test('a verbatim copy is found with its exact ranges on both sides', () => {
  const submission = `${intro} ${copied} ${outro}`;
  const [p, ...rest] = alignTexts(prepareText(submission), prepareText(sourceText));
  assert.equal(rest.length, 0);
  assert.equal(p.kind, 'verbatim');
  assert.equal(submission.slice(p.offset, p.offset + p.length), copied);
  assert.equal(sourceText.slice(p.sourceOffset, p.sourceOffset + p.sourceLength), copied);
});

test('line breaks, case, homoglyphs and zero-width spaces do not hide a copy; ranges stay original', () => {
  const disguised = copied
    .replace('harbour authority', 'h\u0430rbour auth\u043ErITY') // Cyrillic а, о
    .replace('tonnage', 'ton\u200Bnage')
    .replace(/ and /g, '\nand ');
  const submission = `${intro} ${disguised} ${outro}`;
  const [p] = alignTexts(prepareText(submission), prepareText(sourceText));
  assert.ok(p);
  assert.equal(submission.slice(p.offset, p.offset + p.length), disguised);
  assert.equal(sourceText.slice(p.sourceOffset, p.sourceOffset + p.sourceLength), copied);
});

test('a paraphrase (reordered, some words replaced) is still found', () => {
  const paraphrase = [
    'In 1887 the authority of the harbour dredged the channel in the north so larger steamships could reach the docks inside.',
    'The tonnage handled by the port tripled within a decade, and new warehouses spread along the embankment to the east.',
    'Traders formed a chamber of commerce to lobby for a railway connection between the coal fields inland and the docks.',
    'The railway opened in 1902 and made the town the main harbour for exports of the whole valley.',
  ].join(' ');
  const submission = `${intro} ${paraphrase} ${outro}`;
  const passages = alignTexts(prepareText(submission), prepareText(sourceText));
  assert.equal(passages.length, 1);
  const p = passages[0];
  assert.equal(p.kind, 'paraphrase');
  const start = submission.indexOf(paraphrase);
  // Covers most of the paraphrase and nothing of the intro or outro.
  assert.ok(p.offset >= start && p.offset + p.length <= start + paraphrase.length + 1);
  assert.ok(p.length > 0.7 * paraphrase.length, `${p.length} of ${paraphrase.length}`);
});

test('a passage partly copied and partly reworded is found whole, ending with its sentences', () => {
  const mixed = [
    'In 1887 the authority of the harbour dredged the channel in the north so larger steamships could reach the docks inside.',
    'Within a decade the tonnage handled by the port had tripled, and warehouses spread along the eastern embankment.',
    'Merchants formed a chamber of commerce to lobby for a railway link between the docks and the coal fields up country.',
  ].join(' ');
  const submission = `${intro} ${mixed} ${outro}`;
  const [p, ...rest] = alignTexts(prepareText(submission), prepareText(sourceText));
  assert.equal(rest.length, 0);
  assert.equal(p.kind, 'paraphrase');
  assert.equal(submission.slice(p.offset, p.offset + p.length), mixed);
});

test('a single short copied sentence is reported only when minChars allows it', () => {
  const sentence = 'The railway opened in 1902 and turned the town into the main export harbour for the whole valley.';
  const submission = `${intro} ${sentence} ${outro}`;
  assert.deepEqual(alignTexts(prepareText(submission), prepareText(sourceText)), []);
  const [p] = alignTexts(prepareText(submission), prepareText(sourceText), { minChars: 50 });
  assert.equal(submission.slice(p.offset, p.offset + p.length), sentence);
});

test('unrelated texts give no passages', () => {
  const other = 'Photosynthesis converts light energy into chemical energy. Chlorophyll absorbs mostly blue and red light. '
    + 'The Calvin cycle fixes carbon dioxide into sugars. Plants release oxygen as a by-product of splitting water.';
  assert.deepEqual(alignTexts(prepareText(other), prepareText(sourceText)), []);
  assert.deepEqual(alignTexts(prepareText(''), prepareText(sourceText)), []);
});

test('a loose two-sentence paraphrase counts inside an unrelated text, not in a text on the same topic', () => {
  const source = [
    'The lighthouse on Karsk Point was built by the harbour board in 1871 after three ships sank on the reef.',
    'Its first keeper, Margit Olsen, lived in the tower with her two sons and kept a log of every passing vessel.',
    'The lamp burned whale oil until 1894, when a paraffin burner with a rotating lens replaced it.',
    'In 1921 the board electrified the light and the keepers moved into a cottage behind the dunes.',
    'Storms damaged the gallery in 1953, and the tower was repaired with concrete shipped from the mainland.',
    'Automation came in 1986; since then the cottage has served as a small museum run by volunteers.',
    'Visitors can climb the 112 steps on summer weekends and see the original lens in the lamp room.',
  ].join(' ');
  // Two seeds, similarity about 0.45 as a whole.
  const paraphrase = [
    'Margit Olsen, the first keeper, lived in the tower together with her sons and kept a record of each ship that sailed past.',
    'Whale oil fuelled the lamp until 1894; then a paraffin burner and a turning lens were fitted.',
  ].join(' ');
  const unrelated = [
    'Bread needs only flour, water, salt and yeast, yet bakers argue endlessly about method.',
    'A long cold fermentation develops flavour and makes the crumb more open.',
    'Whole wheat flour absorbs more water than white flour and gives a denser loaf.',
    'Steam in the first minutes of baking lets the crust expand before it sets.',
  ];
  // Every other sentence echoes the source's topic: the background similarity is high.
  const topical = [
    'Karsk Point lies at the northern tip of the island, where the reef has wrecked many ships.',
    'The harbour board still owns the lighthouse, although volunteers look after it today.',
    'Storms in winter can keep visitors away from the point for weeks.',
    'The museum in the old cottage shows photographs of the keepers and their families.',
  ];
  const around = (others: string[]) => [...others.slice(0, 2), paraphrase, ...others.slice(2)].join(' ');
  const [p, ...rest] = alignTexts(prepareText(around(unrelated)), prepareText(source));
  assert.equal(rest.length, 0);
  assert.equal(p.kind, 'paraphrase');
  assert.ok(p.similarity < 0.6);
  assert.deepEqual(alignTexts(prepareText(around(topical)), prepareText(source)), []);
});

test('pair weights: vocabularies matched by stem number equal those matched by stem (the fallback across stem generations)', async () => {
  const { sentenceModel } = await import('./sentence-model.js');
  const { pairWeights } = await import('./seeds.js');
  const a = prepareText('Cats chase mice in the old barn every night. The farmer keeps cats for that reason. Mice avoid the barn now.');
  const b = prepareText('The old barn is full of mice at night. A farmer keeps a cat. Dogs chase cats and the cats chase mice.');
  const S = sentenceModel(a);
  const R = sentenceModel(b);
  const byNumber = pairWeights(S, R);
  const byStem = pairWeights(S, { ...R, stemGeneration: R.stemGeneration + 1 });
  assert.deepEqual(byStem, byNumber);
  assert.ok([...byNumber.toR].some((r) => r >= 0));
  const vocab = (M: typeof S) => [...M.vocabStem].map((stem) => M.stems[stem]);
  const [vs, vr] = [vocab(S), vocab(R)];
  assert.ok(vs.includes('cat') && vs.includes('chase') && vr.includes('mice'), vs.join(' '));
  for (let t = 0; t < vs.length; t++) {
    const r = byNumber.toR[t];
    assert.equal(r >= 0 ? vr[r] : undefined, vr.includes(vs[t]) ? vs[t] : undefined);
  }
  // The submission marked for the last pair is not mistaken for another one.
  assert.deepEqual(pairWeights(R, S).toR, pairWeights({ ...R, stemGeneration: -1 }, S).toR);
});

test('synonyms count between English texts: a sentence pair whose words were replaced by WordNet synonyms is a seed', async () => {
  const { sentenceModel } = await import('./sentence-model.js');
  const { pairWeights, findSeeds } = await import('./seeds.js');
  const a = prepareText('The child purchased a large automobile near the old harbour yesterday evening.');
  const b = prepareText('The kid bought a big car near the old harbour yesterday evening.');
  const S = sentenceModel(a);
  const R = sentenceModel(b);
  const exact = findSeeds(S, R, pairWeights(S, R, 0), 0, 0)[0];
  const withSynonyms = findSeeds(S, R, pairWeights(S, R, 1), 0, 0)[0];
  // kid/child, bought/purchased, big/large, car/automobile are WordNet synonyms.
  assert.ok(withSynonyms.cos > exact.cos + 0.3, `${withSynonyms.cos} vs ${exact.cos}`);
  assert.ok(Math.abs(withSynonyms.exactCos - exact.cos) < 1e-9, 'synonyms leave the exact-stem cosine as it was');
  // Not between languages: the table is English.
  const de = prepareText('Das Kind kaufte gestern Abend ein großes Auto am alten Hafen und fuhr damit nach Hause.');
  const D = sentenceModel(de);
  assert.deepEqual([...pairWeights(D, R, 1).matchWeight].filter((w) => w !== 1), []);
});

test('a weak sentence pair right after a seed, in order on both sides, joins it (neighbourReach)', async () => {
  const { sentenceModel } = await import('./sentence-model.js');
  const { pairWeights, findSeeds } = await import('./seeds.js');
  const sub = prepareText(`${intro} ${copied.replace('Within a decade the tonnage handled by the port had tripled', 'Ten years on, the cargo going through had grown three times')} ${outro}`);
  const src = prepareText(sourceText);
  const S = sentenceModel(sub);
  const R = sentenceModel(src);
  const loose = findSeeds(S, R, pairWeights(S, R, 0.5), 0.1, 0.1);
  const weak = loose.find((x) => x.s === 2 && x.r === 2);
  assert.ok(weak && weak.cos < 0.36, 'the reworded sentence alone is not a seed');
  const passages = alignTexts(sub, src, { params: { neighbourReach: 1 } });
  assert.equal(passages.length, 1);
});
