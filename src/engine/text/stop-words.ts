import { eng, deu, spa, fra, ita, por, pol, nld, swe, nob, ces, tur, rus } from 'stopword/dist/stopword.esm.min.mjs';

const LISTS: Record<string, string[]> = {
  en: eng, de: deu, es: spa, fr: fra, it: ita, pt: por, pl: pol, nl: nld, sv: swe, no: nob, cs: ces, tr: tur, ru: rus,
};
const sets = new Map<string, ReadonlySet<string>>();
const EMPTY: ReadonlySet<string> = new Set();

/** The stop words of a language (ISO 639-1), case-folded and NFKC-normalised; empty when unknown. */
export function stopWords(language: string): ReadonlySet<string> {
  let set = sets.get(language);
  if (!set) {
    const list = LISTS[language];
    if (!list) return EMPTY;
    set = new Set(list.map((w) => w.normalize('NFKC').toLowerCase()));
    sets.set(language, set);
  }
  return set;
}

/** Languages with stop words and a stemmer. */
export const SUPPORTED_LANGUAGES = Object.keys(LISTS);
