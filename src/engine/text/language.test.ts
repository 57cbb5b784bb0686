import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareText } from './prepare.js';
import { detectLanguage } from './language.js';

const SAMPLES: Record<string, string> = {
  en: 'The history of the city is closely connected with the river, which was used for trade and transport for many centuries.',
  de: 'Die Geschichte der Stadt ist eng mit dem Fluss verbunden, der über viele Jahrhunderte für den Handel und den Verkehr genutzt wurde.',
  es: 'La historia de la ciudad está muy ligada al río, que se utilizó para el comercio y el transporte durante muchos siglos.',
  fr: 'L’histoire de la ville est étroitement liée au fleuve, qui a été utilisé pour le commerce et le transport pendant des siècles.',
  it: 'La storia della città è strettamente legata al fiume, che per molti secoli è stato usato per il commercio e per il trasporto.',
  pt: 'A história da cidade está ligada ao rio, que foi usado para o comércio e o transporte durante muitos séculos, e não só.',
  pl: 'Historia miasta jest ściśle związana z rzeką, która przez wiele wieków była używana do handlu i transportu, ale nie tylko.',
  nl: 'De geschiedenis van de stad is nauw verbonden met de rivier, die eeuwenlang werd gebruikt voor handel en vervoer door de bewoners.',
  sv: 'Stadens historia är nära förknippad med floden, som under många århundraden har använts för handel och transport av varor.',
  no: 'Byens historie er nært knyttet til elven, som i mange hundre år ble brukt til handel og transport av varer og folk.',
  cs: 'Historie města je úzce spojena s řekou, která byla po mnoho staletí využívána pro obchod a dopravu, a to nejen zboží.',
  tr: 'Şehrin tarihi, yüzyıllar boyunca ticaret ve ulaşım için kullanılan nehir ile çok yakından bağlantılıdır ve bu da önemlidir.',
  ru: 'История города тесно связана с рекой, которая на протяжении многих веков использовалась для торговли и транспорта.',
};

for (const [lang, text] of Object.entries(SAMPLES)) {
  test(`detects ${lang}`, () => {
    assert.equal(prepareText(text).language, lang);
  });
}

test('a text without function words of any supported language is "und"', () => {
  assert.equal(prepareText('Xylophon quartz 12345 zebra').language, 'und');
  assert.equal(prepareText('').language, 'und');
});

test('a given language overrides detection', () => {
  assert.equal(prepareText(SAMPLES.en, { language: 'de' }).language, 'de');
});

test('function words looked up in place in the text give the masks of their keys', async () => {
  const { asciiMask, keyMask } = await import('./language.js');
  const words = ['the', 'The', 'OF', 'und', 'Und', 'de', 'och', 'ikke', 'theory', 'th', 'x', 've', 'bir', 'ile'];
  for (const w of words) {
    const text = `(${w})`;
    assert.equal(asciiMask(text, 1, 1 + w.length), keyMask(w.toLowerCase()), w);
  }
});

test('prepareText picks the language detectLanguage picks from its words', () => {
  for (const text of ['The cat sat on the mat and it was happy with the mat.', 'Der Hund und die Katze sind auf dem Hof, für immer.', 'Il cane è più grande della casa e non è per me.', 'numbers 1 2 3']) {
    const p = prepareText(text);
    assert.equal(p.language, detectLanguage(p.words));
  }
});
