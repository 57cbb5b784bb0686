import type { PreparedText } from '../text/types.js';
import { keyHashes, verbatimRuns } from '../text/align/verbatim.js';
import { retrievalGrams } from '../text/fingerprint.js';

/** Why a part of the submission does not count towards its similarity. */
export type ExclusionReason = 'quote' | 'block-quote' | 'references' | 'phrase' | 'template' | 'common' | 'short-match';

/** A range of the submission left out of the scores, with the reason, shown in reports. */
export interface Exclusion {
  offset: number;
  length: number;
  reason: ExclusionReason;
  /** The excluded phrase, or the heading that opened the references section. */
  detail?: string;
}

/** Vendors allow up to this many excluded phrases per assignment. */
export const MAX_EXCLUDED_PHRASES = 15;
/** A quotation longer than this (characters) is taken for an unbalanced quote mark. */
const MAX_QUOTE = 3000;

// Opening mark -> closing marks. Straight double quotes open and close themselves; „ closes
// with “ (German) or ” (Polish); » « is the reversed guillemet use of German and Danish.
const QUOTE_PAIRS: Record<string, string> = {
  '"': '"', '“': '”', '„': '“”', '«': '»', '»': '«', '‹': '›', '「': '」', '『': '』', '‚': '‘’',
};

/** Quoted text: from an opening quote mark to its closing mark, within one paragraph. */
export function findQuotes(text: string): Exclusion[] {
  const out: Exclusion[] = [];
  let i = 0;
  while (i < text.length) {
    const closers = QUOTE_PAIRS[text[i]];
    if (closers === undefined) { i++; continue; }
    let j = i + 1;
    while (j < text.length && j - i <= MAX_QUOTE && !closers.includes(text[j]) && !(text[j] === '\n' && text[j + 1] === '\n')) j++;
    if (j < text.length && closers.includes(text[j]) && j - i <= MAX_QUOTE && j > i + 1) {
      out.push({ offset: i, length: j + 1 - i, reason: 'quote' });
      i = j + 1;
    } else {
      i++;
    }
  }
  return out;
}

/** Block quotes: paragraphs whose every line is indented (4 spaces or a tab) or starts with ">". */
export function findBlockQuotes(text: string): Exclusion[] {
  const out: Exclusion[] = [];
  const re = /(?:^|\n)((?:(?: {4,}|\t|>)[^\n]*(?:\n|$))+)/g;
  for (const m of text.matchAll(re)) {
    const body = m[1];
    if (!/\p{L}/u.test(body)) continue;
    const offset = m.index! + m[0].length - body.length;
    out.push({ offset, length: body.replace(/\n$/, '').length, reason: 'block-quote' });
  }
  return out;
}

const REFERENCE_HEADINGS = [
  'references', 'reference list', 'bibliography', 'works cited', 'literature cited', 'sources', 'cited works',
  'literatur', 'literaturverzeichnis', 'quellen', 'quellenverzeichnis', 'bibliografía', 'referencias',
  'bibliographie', 'références', 'références bibliographiques', 'bibliografia', 'riferimenti bibliografici',
  'referências', 'referências bibliográficas', 'literatura', 'bibliografie', 'literatuur', 'literatuurlijst',
  'referenties', 'bronnen', 'litteratur', 'litteraturförteckning', 'källor', 'referanser', 'kilder',
  'seznam literatury', 'použitá literatura', 'kaynakça', 'kaynaklar', 'список литературы', 'литература',
  'библиография', 'источники',
];
const HEADING = new RegExp(
  `(^|\\n)[^\\S\\n]*(?:\\d+(?:\\.\\d+)*\\.?\\s+)?(${REFERENCE_HEADINGS.join('|')})[^\\S\\n]*:?[^\\S\\n]*(?=\\n|$)`, 'giu',
);

/**
 * The references or bibliography section: from the last heading line naming it (in any of the
 * supported languages, optionally numbered) to the end of the text, when that heading comes
 * after the first third of the text (a heading near the top is a table of contents entry).
 */
export function findReferences(text: string): Exclusion[] {
  let found: RegExpMatchArray | null = null;
  for (const m of text.matchAll(HEADING)) found = m;
  if (!found) return [];
  const offset = found.index! + found[1].length;
  if (offset < text.length / 3) return [];
  return [{ offset, length: text.length - offset, reason: 'references', detail: found[2] }];
}

/**
 * Occurrences of excluded phrases, compared word by word on normalised keys (so case, line
 * breaks, homoglyphs and invisible characters do not matter).
 */
export function findPhrases(submission: PreparedText, phrases: readonly string[], prepare: (text: string) => PreparedText): Exclusion[] {
  if (phrases.length > MAX_EXCLUDED_PHRASES) {
    throw new RangeError(`at most ${MAX_EXCLUDED_PHRASES} excluded phrases, got ${phrases.length}`);
  }
  const out: Exclusion[] = [];
  const words = submission.words;
  for (const phrase of phrases) {
    const keys = prepare(phrase).words.map((w) => w.key);
    if (keys.length === 0) continue;
    for (let i = 0; i + keys.length <= words.length; i++) {
      let k = 0;
      while (k < keys.length && words[i + k].key === keys[k]) k++;
      if (k === keys.length) {
        const offset = words[i].start;
        out.push({ offset, length: words[i + k - 1].end - offset, reason: 'phrase', detail: phrase });
        i += k - 1;
      }
    }
  }
  return out;
}

/**
 * Text the instructor handed out (a template, the questions): runs of at least `minWords`
 * identical words shared by the submission and a template.
 */
export function findTemplateText(submission: PreparedText, templates: readonly PreparedText[], minWords: number): Exclusion[] {
  const out: Exclusion[] = [];
  const sk = keyHashes(submission);
  for (const template of templates) {
    for (const run of verbatimRuns(sk, keyHashes(template), Math.max(3, minWords))) {
      const offset = submission.wordStart[run.s];
      out.push({ offset, length: submission.wordEnd[run.s + run.len - 1] - offset, reason: 'template' });
    }
  }
  return out;
}

/** Common text: marked retrieval grams at most this many content words apart form one stretch. */
const COMMON_GAP = 4;
/** A stretch is common text when it has at least this many common grams and words. */
const COMMON_MIN_GRAMS = 4;
const COMMON_MIN_WORDS = 12;

/**
 * Text the submission shares with many documents of its class (a pasted prompt, a common
 * heading): stretches where the retrieval fingerprints (see fingerprint.ts) are ones that
 * `common` lists. A stretch needs several common grams close together, so a topical word pair
 * every essay uses ("industrial revolution") is not common text on its own.
 */
export function findCommonText(submission: PreparedText, common: ReadonlySet<number>): Exclusion[] {
  if (common.size === 0) return [];
  const { hashes, words } = retrievalGrams(submission);
  const out: Exclusion[] = [];
  let first = -1;
  let last = -1;
  let grams = 0;
  const close = () => {
    if (first < 0) return;
    const w0 = words[first];
    const w1 = words[last + 1];
    if (grams >= COMMON_MIN_GRAMS && w1 - w0 + 1 >= COMMON_MIN_WORDS) {
      const offset = submission.wordStart[w0];
      out.push({ offset, length: submission.wordEnd[w1] - offset, reason: 'common' });
    }
    first = -1;
    grams = 0;
  };
  for (let i = 0; i < hashes.length; i++) {
    if (!common.has(hashes[i])) continue;
    if (first >= 0 && i - last > COMMON_GAP) close();
    if (first < 0) first = i;
    last = i;
    grams++;
  }
  close();
  return out;
}
