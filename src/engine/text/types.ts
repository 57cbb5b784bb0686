/** A word of a text: its span in the ORIGINAL text and the key it is compared by. */
export interface Word {
  /** Start offset in the original text (UTF-16 code units). */
  start: number;
  /** End offset (exclusive) in the original text. */
  end: number;
  /** Normalised comparison key (case-folded, later stemmed). */
  key: string;
}

/** A text made ready for comparison. Offsets always refer to `text`, the original. */
export interface PreparedText {
  text: string;
  words: Word[];
  /** ISO 639-1 code, or "und" when unknown. */
  language: string;
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
}

export interface AlignOptions {
  /** Shortest passage reported, in words of the submission. */
  minWords?: number;
}
