import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareText } from '../prepare.js';
import { loadStemmers } from '../stemming.js';
import { alignTranslation, translationCandidates } from './translation.js';
import type { TranslationLexicon } from '../types.js';
import { ENGLISH_SOURCE, GERMAN_ESSAY, GERMAN_TRANSLATION, GERMAN_UNRELATED, TRANSLATED_ENGLISH } from '../../../testing/cross-language-texts.js';

// A hand-made German -> English lexicon of base forms (the FreeDict files are tested in src/dictionaries).
const lexicon: TranslationLexicon = {
  language: 'de',
  target: 'en',
  entries: new Map(Object.entries({
    hafenbehörde: ['harbour', 'authority'], baggern: ['dredge'], nördlich: ['northern'], kanal: ['channel', 'canal'],
    groß: ['large', 'big', 'great'], dampfschiff: ['steamship'], inner: ['inner'], erreichen: ['reach', 'achieve'],
    jahrzehnt: ['decade'], hafen: ['harbour', 'port'], verdreifachen: ['triple'], lagerhaus: ['warehouse'],
    entlang: ['along'], östlich: ['eastern'], ufer: ['bank', 'shore', 'embankment'], kaufmann: ['merchant'], kaufleute: ['merchants'],
    gründen: ['found', 'form'], handelskammer: ['chamber', 'commerce'], eisenbahnverbindung: ['railway', 'link'],
    kohlefeld: ['coal', 'field'], landesinnere: ['inland'], eisenbahn: ['railway'], eröffnen: ['open'],
    stadt: ['town', 'city'], wichtig: ['important', 'main'], exporthafen: ['export', 'harbour'], tal: ['valley'],
    klasse: ['class'], berg: ['mountain'], hütte: ['hut'], suppe: ['soup'], gipfel: ['summit'], see: ['lake'],
    wolke: ['cloud'], lehrer: ['teacher'], pilz: ['mushroom'], reise: ['journey', 'trip'], tag: ['day'],
  })),
};

test('a German passage translating an English one is found with its sentences on both sides', async () => {
  await loadStemmers();
  const passages = alignTranslation(prepareText(GERMAN_ESSAY), prepareText(ENGLISH_SOURCE), lexicon);
  assert.equal(passages.length, 1);
  const [p] = passages;
  assert.equal(p.kind, 'translation');
  assert.equal(GERMAN_ESSAY.slice(p.offset, p.offset + p.length), GERMAN_TRANSLATION);
  assert.equal(ENGLISH_SOURCE.slice(p.sourceOffset, p.sourceOffset + p.sourceLength), TRANSLATED_ENGLISH);
  assert.ok(p.similarity > 0.3 && p.similarity <= 1);
});

test('an unrelated German text on the same lexicon gives no passage', async () => {
  await loadStemmers();
  assert.deepEqual(alignTranslation(prepareText(GERMAN_UNRELATED), prepareText(ENGLISH_SOURCE), lexicon), []);
});

test('without a lexicon entry only names, numbers and cognates can match: the translation is not found', async () => {
  await loadStemmers();
  const empty: TranslationLexicon = { language: 'de', target: 'en', entries: new Map() };
  assert.deepEqual(alignTranslation(prepareText(GERMAN_ESSAY), prepareText(ENGLISH_SOURCE), empty), []);
});

test('inflected forms find their base form through the stem and the usual endings', async () => {
  await loadStemmers();
  // "verdreifacht" (participle) -> stem "verdreifacht" -> no entry; "gründeten" -> "grund" + "en"? no: "gründet" + "en".
  const essay = prepareText(GERMAN_ESSAY);
  const word = essay.words.find((w) => w.key === 'gründeten')!;
  assert.ok(translationCandidates(lexicon, word.key, word.stem).includes('found'));
  const lagerhaeuser = essay.words.find((w) => w.key === 'lagerhäuser')!;
  assert.ok(translationCandidates(lexicon, lagerhaeuser.key, lagerhaeuser.stem).includes('warehous'));
});
