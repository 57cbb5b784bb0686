import { extractors } from './extractors.js';
import { ExtractionFailure, fail } from './failure.js';
import { detectLanguage } from './language.js';
import { DEFAULT_LIMITS, type ExtractionLimits } from './limits.js';
import type { RawExtraction, Sniffed } from './registry.js';
import { integritySignals } from './signals.js';
import { sniffFormat } from './sniff.js';
import type { Extraction, ExtractionHint, ExtractionOutcome } from './types.js';

export interface ExtractOptions {
  limits?: Partial<ExtractionLimits>;
  /** Folder for converters' temporary files (LibreOffice, Ghostscript); default the OS temp folder. */
  tempDir?: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

function finish(raw: RawExtraction, sniffed: Sniffed): Extraction {
  const text = raw.text;
  const sentences = text.split(/[.!?。！？]+(?=\s|$)/u).filter((s) => /[\p{L}\p{N}]/u.test(s)).length;
  const extraction: Extraction = {
    format: sniffed.format,
    mime: sniffed.mime,
    text,
    blocks: raw.blocks,
    counts: { characters: text.length, words: text.match(WORD)?.length ?? 0, sentences, pages: raw.pages },
    language: detectLanguage(text),
    signals: integritySignals(text, raw.hidden, raw.imageOnlyPages),
  };
  if (raw.files) extraction.files = raw.files;
  if (raw.skipped) extraction.skipped = raw.skipped;
  if (raw.via) extraction.via = raw.via;
  return extraction;
}

async function extractOrThrow(bytes: Uint8Array, hint: ExtractionHint, limits: ExtractionLimits, tempDir: string | undefined): Promise<Extraction> {
  if (bytes.length === 0) fail('no_text', 'no text: the file is empty');
  if (bytes.length > limits.maxInputBytes) fail('too_large', `too large: ${bytes.length} bytes, more than the limit of ${limits.maxInputBytes}`);
  const sniffed = sniffFormat(bytes, hint, limits);
  const extractor = extractors.get(sniffed.format) ?? fail('unsupported_format', `unsupported: no extractor for ${sniffed.format} files`);
  const raw = await extractor.extract(bytes, { hint, limits, sniffed, depth: 0, tempDir });
  if (!/[\p{L}\p{N}]/u.test(raw.text)) {
    const images = raw.imageOnlyPages ?? [];
    fail('no_text', images.length > 0
      ? `no text: ${images.length === raw.pages ? 'every page is' : `${images.length} of ${raw.pages} pages are`} an image without text (scanned? OCR is not supported)`
      : `no text: the ${sniffed.format} file contains no text`);
  }
  return finish(raw, sniffed);
}

/**
 * Turns uploaded bytes into text with an offset map, counts, language and integrity signals.
 * The real type is sniffed from the bytes; the name and declared MIME type only break ties.
 * Never throws for a bad file: expected failures come back as `{ ok: false, code, reason }`.
 * Runs in the calling thread: the pipeline calls `extractDocumentIsolated` instead.
 */
export async function extractDocument(bytes: Uint8Array, hint: ExtractionHint = {}, options: ExtractOptions = {}): Promise<ExtractionOutcome> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  try {
    return { ok: true, extraction: await extractOrThrow(bytes, hint, limits, options.tempDir) };
  } catch (err) {
    if (err instanceof ExtractionFailure) return { ok: false, code: err.code, reason: err.reason };
    if (err instanceof RangeError && /memory|allocation|Array buffer/i.test(err.message)) {
      return { ok: false, code: 'out_of_memory', reason: `too large: ran out of memory (${err.message})` };
    }
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, code: 'corrupt_file', reason: `corrupt: the file cannot be read (${message})` };
  }
}
