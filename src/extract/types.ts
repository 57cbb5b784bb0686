/**
 * What extraction gives the pipeline: the text of an uploaded file with a map back to where each
 * piece came from, counts, language and integrity signals. Expected failures (broken, encrypted,
 * unsupported, empty files) are data, never exceptions.
 */

/** One block of the extracted text and where it came from in the original file. */
export interface TextBlock {
  /** Offset of the block in `text`. */
  offset: number;
  length: number;
  /** 1-based page (PDF, slides, sheets) when the format has pages. */
  page?: number;
  /** 1-based paragraph or line number in the original file. */
  paragraph?: number;
  line?: number;
  /** For archives: the path of the member file this block comes from. */
  file?: string;
}

export interface IntegritySignals {
  /** Text present in the file but not visible (white, tiny, hidden, off-page); a few samples. */
  hiddenText: { count: number; samples: string[] };
  /** Latin words containing Cyrillic or Greek look-alike letters. */
  replacedCharacters: { count: number; samples: string[] };
  /** Zero-width and other invisible characters found (and removed from comparison). */
  invisibleCharacters: number;
  /** 1-based numbers of pages that are images without text. */
  imageOnlyPages: number[];
}

export interface ExtractedFile {
  path: string;
  offset: number;
  length: number;
}

export interface Extraction {
  /** Short format name: txt, html, pdf, docx, zip, ... */
  format: string;
  mime: string;
  text: string;
  blocks: TextBlock[];
  counts: { characters: number; words: number; sentences: number; pages: number };
  /** ISO 639-1 code, or "und". */
  language: string;
  signals: IntegritySignals;
  /** Archives: the member files kept, in the order their text appears. */
  files?: ExtractedFile[];
  /** Archives: members left out and why. */
  skipped?: { path: string; reason: string }[];
  /** Set when the text came through LibreOffice (`soffice`) rather than an npm library. */
  via?: 'libreoffice' | 'ghostscript';
}

export type ExtractionOutcome =
  | { ok: true; extraction: Extraction }
  | { ok: false; code: ExtractionFailureCode; reason: string };

export type ExtractionFailureCode =
  | 'unsupported_format'
  | 'needs_libreoffice'
  | 'needs_ghostscript'
  | 'corrupt_file'
  | 'encrypted_file'
  | 'no_text'
  | 'too_large'
  | 'archive_rejected'
  | 'timeout'
  | 'out_of_memory';

export interface ExtractionHint {
  filename?: string | null;
  mime?: string | null;
}

export function emptySignals(): IntegritySignals {
  return { hiddenText: { count: 0, samples: [] }, replacedCharacters: { count: 0, samples: [] }, invisibleCharacters: 0, imageOnlyPages: [] };
}
