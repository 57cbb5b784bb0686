/** Limits that keep one hostile file from starving the worker. All sizes in bytes. */
export interface ExtractionLimits {
  /** Largest upload extraction accepts at all. */
  maxInputBytes: number;
  /** Most characters of extracted text. */
  maxTextChars: number;
  /** Most characters on one page, slide or sheet ("gigantic page"). */
  maxPageChars: number;
  /** Most pages, slides or sheets. */
  maxPages: number;
  /** Zip containers (office files and archives). */
  maxZipEntries: number;
  maxZipTotalBytes: number;
  /** Largest uncompressed/compressed ratio of one entry bigger than 1 MiB. */
  maxZipRatio: number;
  /** Archives inside archives: how deep extraction follows them. */
  maxArchiveDepth: number;
  /** Source archives: members larger than this are skipped. */
  maxSourceFileBytes: number;
  /** LibreOffice conversion time limit. */
  libreOfficeTimeoutMs: number;
}

export const DEFAULT_LIMITS: ExtractionLimits = {
  maxInputBytes: 100 * 1024 * 1024,
  maxTextChars: 20_000_000,
  maxPageChars: 1_000_000,
  maxPages: 10_000,
  maxZipEntries: 10_000,
  maxZipTotalBytes: 512 * 1024 * 1024,
  maxZipRatio: 200,
  maxArchiveDepth: 3,
  maxSourceFileBytes: 1024 * 1024,
  libreOfficeTimeoutMs: 60_000,
};
