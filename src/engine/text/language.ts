/**
 * Language detection by function words: every language has a few dozen words that make up a
 * large share of any running text and rarely occur in others. The detector counts, over the
 * first words of a text, how many belong to each language's list and picks the language with
 * the most, when they are frequent enough to be a signal. Fast (one set look-up per word) and
 * limited on purpose to the languages the engine can stem.
 */
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the of and to in is that for it with as was on be by are this which from at or an have not were',
  de: 'der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es werden aus er hat dass',
  es: 'de la que el en y los del se las por un para con no una su al es lo como más pero sus le',
  fr: 'de la le et les des en du un une est que dans qui par pour au sur pas plus avec ne se il ce sont',
  it: 'di il che la e per un in del non una della sono le si con da al dei gli anche come più è nel',
  pt: 'de que não o da do em um para com uma os no se na por mais as dos como mas ao ele das à seu',
  pl: 'w i na z nie się do to że jest o jak ale po co tak za od przez dla czy są jego jej być było',
  nl: 'de en van het een in is dat op te zijn met voor niet aan er ook als maar om bij dit die wordt door',
  sv: 'och i att det som en på är av för med till den har de inte om ett var jag men sig från',
  no: 'og i det som på er en til å av for med at har ikke de den et var om fra men seg jeg',
  cs: 'a se na je že v to s z do o jako ale by pro jsou tak které byl jeho také nebo jsem si už',
  tr: 've bir bu da de için ile çok olarak daha gibi olan en ama değil var mı ne kadar sonra her o ise',
  ru: 'и в не на что с по это как к из он но у за от то для же все так его она бы',
};
const LANGS = Object.keys(FUNCTION_WORDS);
/** The languages the detector knows, in the order ties are broken (the earlier wins). */
export const DETECTION_LANGUAGES: readonly string[] = LANGS;
/** Function word -> bit mask of the languages it belongs to. */
const MASKS = new Map<string, number>();
LANGS.forEach((lang, i) => {
  for (const w of FUNCTION_WORDS[lang].split(' ')) MASKS.set(w, (MASKS.get(w) ?? 0) | (1 << i));
});
/** Every function word with its mask: bit i for language `DETECTION_LANGUAGES[i]`. */
export function functionWordMasks(): [string, number][] {
  return [...MASKS];
}
/** Words at the start of a text the detector looks at. */
export const LANGUAGE_SAMPLE_WORDS = 500;

/**
 * ISO 639-1 code of the language of a text given its words (normalised keys), or "und" when no
 * language's function words reach 8% of the sampled words (too short, or another language).
 */
export function detectLanguage(words: readonly { key: string }[]): string {
  const masks = new Int32Array(Math.min(words.length, LANGUAGE_SAMPLE_WORDS));
  for (let i = 0; i < masks.length; i++) masks[i] = MASKS.get(words[i].key) ?? 0;
  return languageOfMasks(masks);
}

/**
 * `detectLanguage` given the function-word masks of the sampled words (0 for a word that is no
 * function word): how `prepareText` samples a text without a key string per plain ASCII word
 * (`asciiMask`).
 */
export function languageOfMasks(masks: Int32Array): string {
  const n = Math.min(masks.length, LANGUAGE_SAMPLE_WORDS);
  if (n === 0) return 'und';
  const hits = new Array<number>(LANGS.length).fill(0);
  for (let i = 0; i < n; i++) {
    const mask = masks[i];
    if (mask === 0) continue;
    for (let l = 0; l < LANGS.length; l++) if (mask & (1 << l)) hits[l]++;
  }
  let best = 'und';
  let bestHits = 0;
  hits.forEach((h, l) => { if (h > bestHits) { best = LANGS[l]; bestHits = h; } });
  return bestHits >= Math.max(2, 0.08 * n) ? best : 'und';
}

/** The function-word mask of a normalised key (undefined when it is none). */
export function keyMask(key: string): number | undefined {
  return MASKS.get(key);
}

// The ASCII function words in an open-addressing table by FNV-1a hash: slot -> index + 1.
const ASCII_WORDS = [...MASKS.keys()].filter((w) => /^[\x00-\x7e]*$/.test(w));
const ASCII_MASK = 1023;
const asciiSlots = new Int32Array(ASCII_MASK + 1);
const asciiHashes = ASCII_WORDS.map((w) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h;
});
ASCII_WORDS.forEach((_, k) => {
  let i = asciiHashes[k] & ASCII_MASK;
  while (asciiSlots[i] !== 0) i = (i + 1) & ASCII_MASK;
  asciiSlots[i] = k + 1;
});

/**
 * The function-word mask of the plain ASCII word text[start, end), lower-cased (what `keyMask`
 * gives for its key), found without building the key.
 */
export function asciiMask(text: string, start: number, end: number): number | undefined {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    h = Math.imul(h ^ c, 0x01000193);
  }
  for (let i = h & ASCII_MASK; asciiSlots[i] !== 0; i = (i + 1) & ASCII_MASK) {
    const k = asciiSlots[i] - 1;
    if (asciiHashes[k] !== h) continue;
    const w = ASCII_WORDS[k];
    if (w.length !== end - start) continue;
    let same = true;
    for (let j = 0; j < w.length && same; j++) {
      let c = text.charCodeAt(start + j);
      if (c >= 0x41 && c <= 0x5a) c |= 0x20;
      same = w.charCodeAt(j) === c;
    }
    if (same) return MASKS.get(w);
  }
  return undefined;
}
