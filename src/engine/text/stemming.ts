import { stemmer as porter } from 'stemmer';
import type { SnowballStemmer } from 'snowball-stemmers';
import { stemPolish } from './polish-stemmer.js';

/**
 * A stemmer for one language: its name (shown in reports) and the function (memoised per word
 * form), and the same function without the memo, for callers that memoise it themselves (the
 * lexicon stems each form once).
 */
export interface Stemmer { name: string; stem: (word: string) => string; stemUncached: (word: string) => string }

const SNOWBALL: Record<string, string> = {
  de: 'german', es: 'spanish', fr: 'french', it: 'italian', pt: 'portuguese', nl: 'dutch',
  sv: 'swedish', no: 'norwegian', cs: 'czech', tr: 'turkish', ru: 'russian',
};
const MEMO_LIMIT = 200_000;

let snowball: typeof import('snowball-stemmers') | null = null;
const stemmers = new Map<string, Stemmer>();

function memoised(name: string, fn: (w: string) => string): Stemmer {
  const memo = new Map<string, string>();
  return {
    name,
    stemUncached: fn,
    stem(word) {
      let s = memo.get(word);
      if (s === undefined) {
        if (memo.size >= MEMO_LIMIT) memo.clear();
        s = fn(word);
        memo.set(word, s);
      }
      return s;
    },
  };
}

/**
 * Loads the Snowball stemmers (German, Spanish, French, Italian, Portuguese, Dutch, Swedish,
 * Norwegian, Czech, Turkish, Russian). English (Porter) and Polish (light) are always there;
 * the Snowball package takes ~200 ms to load, so callers load it once, before preparing texts
 * in those languages. Idempotent. A caller outside the engine may pass `provide`, returning the
 * package loaded its own way (`require` skips the ESM loader's scan of the 1 MB CommonJS file
 * for named exports, ~40 ms).
 */
export async function loadStemmers(provide?: () => unknown): Promise<void> {
  if (snowball) return;
  const mod = (provide ? provide() : await import('snowball-stemmers')) as typeof import('snowball-stemmers');
  snowball = (mod as unknown as { default?: typeof mod }).default ?? mod;
}

/** Languages whose stemmer needs `loadStemmers()` first. */
export function needsSnowball(language: string): boolean {
  return language in SNOWBALL;
}

/** The stemmer of a language, or null when there is none (unknown language, or Snowball not loaded). */
export function stemmerFor(language: string): Stemmer | null {
  const known = stemmers.get(language);
  if (known) return known;
  let made: Stemmer | null = null;
  if (language === 'en') made = memoised('porter', porter);
  else if (language === 'pl') made = memoised('polish-light', stemPolish);
  else if (SNOWBALL[language] && snowball) {
    const s: SnowballStemmer = snowball.newStemmer(SNOWBALL[language]);
    made = memoised(`snowball-${SNOWBALL[language]}`, (w) => s.stem(w));
  }
  if (made) stemmers.set(language, made);
  return made;
}
