import type { LexiconTable } from './lexicon.js';

/** A word of a text: its span in the ORIGINAL text and the keys it is compared by. */
export interface Word {
  /** Start offset in the original text (UTF-16 code units). */
  start: number;
  /** End offset (exclusive) in the original text. */
  end: number;
  /** Normalised form: NFKC, case-folded, homoglyphs folded, invisible characters removed. */
  key: string;
  /** Stem of `key` for the text's language (equal to `key` when no stemmer applies). */
  stem: string;
  /** True when `key` is a stop word of the text's language. */
  stop: boolean;
}

/** A sentence: a run of words, with its span in the original text (terminal punctuation included). */
export interface Sentence {
  start: number;
  end: number;
  /** Index of the first word in `PreparedText.words`. */
  firstWord: number;
  /** Index one past the last word. */
  endWord: number;
}

/** A character the normaliser removed or replaced, reported so a report can show the disguise. */
export interface HiddenCharacter {
  /** Offset in the original text. */
  offset: number;
  /** The code point, e.g. "U+200B". */
  codePoint: string;
  kind: 'invisible' | 'homoglyph';
}

/**
 * A text made ready for comparison. Offsets always refer to `text`, the original.
 *
 * Words are kept in columns: word i spans `text.slice(wordStart[i], wordEnd[i])` and its form
 * (key, stem, stop flag, content flag, stem number) is entry `wordEntry[i]` of `forms`, the
 * language's lexicon table (shared with the other texts of the language prepared while it was
 * current; per-entry columns such as the key hash sit beside the entries). `words` gives the same
 * words as objects, built on first access and cached (convenient outside hot loops; the columns
 * cost no allocation per word).
 */
export interface PreparedText {
  text: string;
  /** Per word: start offset in the original text (UTF-16 code units). */
  wordStart: Int32Array;
  /** Per word: end offset (exclusive) in the original text. */
  wordEnd: Int32Array;
  /** Per word: number of its entry in `forms`. */
  wordEntry: Int32Array;
  /** The lexicon table the numbers of `wordEntry` refer to. */
  forms: LexiconTable;
  /** The words as objects (materialised from the columns on first access, then cached). */
  readonly words: Word[];
  sentences: Sentence[];
  /** ISO 639-1 code chosen by the language detector (or given), "und" when unknown. */
  language: string;
  /** Name of the stemmer applied, or null when none was available for the language. */
  stemmer: string | null;
  /** Invisible characters removed and homoglyphs folded, in text order. */
  hidden: HiddenCharacter[];
}

/**
 * A reused passage: a range of the submission and the range of the source it was taken from,
 * both in characters (UTF-16 code units) of the original extracted texts.
 */
export interface Passage {
  offset: number;
  length: number;
  sourceOffset: number;
  sourceLength: number;
  /**
   * How the passage was found: `verbatim` (runs of identical words), `paraphrase` (similar
   * sentences), `summary` (a short passage echoing a long source range), `code` (a code
   * fragment, lines on both sides), `translation` (a passage in another language translating
   * the source's, found through a translation lexicon).
   */
  kind: 'verbatim' | 'paraphrase' | 'summary' | 'code' | 'translation';
  /** Cosine similarity (0..1) of the two ranges' tf-isf vectors; 1 for verbatim passages. */
  similarity: number;
}

export interface AlignOptions {
  /** Shortest passage reported, in words of the submission (default 8). */
  minWords?: number;
  /**
   * Shortest passage reported, in characters, on each side (default 150, PAN's customary
   * minimum; lower it to report single short sentences).
   */
  minChars?: number;
  /**
   * Alignment parameters replacing the defaults (`DEFAULT_ALIGN_PARAMS`), for tuning and
   * cross-validation (bench/pan-cv.mjs). The defaults are the product: callers leave this out.
   */
  params?: Partial<AlignParams>;
}

/** The tunable parameters of passage alignment (docs/text-engine.md, Alignment). */
export interface AlignParams {
  /** A seed is a sentence pair whose tf-isf cosine and Dice coefficient exceed these. */
  seedCosine: number;
  seedDice: number;
  /** A fragment whose two ranges, as wholes, are less similar than this is re-clustered with smaller gaps. */
  validation: number;
  /** Weight of a match between synonyms (0: stems must be equal). */
  synonymWeight: number;
  /** A fragment resting on one sentence pair must be this similar. */
  singleSeedSimilarity: number;
  /** A final paraphrase passage resting on one sentence pair (not part of a summary) must be this similar. */
  loneSeedSimilarity: number;
  /**
   * Background similarity (see `backgroundSimilarity`) from which a pair counts as same-topic:
   * its two-seed paraphrase passages are then held to `loneSeedSimilarity` too.
   */
  topicalBackground: number;
  /** A fragment less similar than this needs seeds on `weakSeedCoverage` of its submission sentences. */
  weakSimilarity: number;
  weakSeedCoverage: number;
  /**
   * Weaker sentence pairs (the summary seeds) at most this many units from a seed on both
   * sides, in the same order, are seeds too (0: none).
   */
  neighbourReach: number;
}

/**
 * A bilingual lexicon from one language into another (English): lower-cased headwords (base
 * forms) -> candidate translations (lower-cased words, stop words left out, first senses first).
 * Read outside the engine (src/dictionaries/) and handed in.
 */
export interface TranslationLexicon {
  /** ISO 639-1 code of the headwords' language. */
  language: string;
  /** ISO 639-1 code of the translations' language. */
  target: string;
  entries: ReadonlyMap<string, readonly string[]>;
}
