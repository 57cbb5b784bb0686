import type { IntegritySignals } from './types.js';

/** Zero-width and other invisible format characters used to break words apart unseen. */
const INVISIBLE = /[\u200B\u200C\u200D\u2060\u2061\u2062\u2063\u2064\uFEFF\u180E\u034F]/g;
/** A word: letters and marks, with invisible characters allowed inside. */
const WORD = /[\p{L}\p{M}\u200B\u200C\u200D\u2060\uFEFF]+/gu;
const LATIN = /\p{Script=Latin}/u;
const LOOKALIKE = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
const MAX_SAMPLES = 10;

/**
 * Scans text for characters students use to defeat matching: Cyrillic or Greek look-alikes
 * inside Latin words, and zero-width characters. Hidden-text samples and image-only pages come
 * from the extractor, which sees the formatting.
 */
export function integritySignals(text: string, hidden: string[] = [], imageOnlyPages: number[] = []): IntegritySignals {
  const replaced: string[] = [];
  let replacedCount = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (LATIN.test(word) && LOOKALIKE.test(word)) {
      // Mostly Latin with a few look-alikes, or the other way round: both are mixed-script words.
      replacedCount++;
      if (replaced.length < MAX_SAMPLES) replaced.push(word);
    }
  }
  const invisible = text.match(INVISIBLE)?.length ?? 0;
  const samples = hidden.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return {
    hiddenText: { count: samples.length, samples: samples.slice(0, MAX_SAMPLES).map((s) => (s.length > 200 ? s.slice(0, 200) + '…' : s)) },
    replacedCharacters: { count: replacedCount, samples: replaced },
    invisibleCharacters: invisible,
    imageOnlyPages,
  };
}
