import type { ExtractionLimits } from './limits.js';
import type { ExtractedFile, ExtractionHint, TextBlock } from './types.js';
import type { ZipContainer } from './zip-container.js';

/** What sniffing found out about the bytes. */
export interface Sniffed {
  /** Short format name: pdf, docx, odt, zip, txt, ... */
  format: string;
  mime: string;
  /** The opened zip, when the file is one (office formats, EPUB, archives). */
  zip?: ZipContainer;
}

export interface ExtractorContext {
  hint: ExtractionHint;
  limits: ExtractionLimits;
  sniffed: Sniffed;
  /** Nesting depth of archives around this file (0 for an upload). */
  depth: number;
  /** Where converters make their temporary folders (undefined: the OS temp folder). */
  tempDir?: string;
}

/** What an extractor hands back; the entry point adds counts, language and signals. */
export interface RawExtraction {
  text: string;
  blocks: TextBlock[];
  pages: number;
  /** Samples of text present in the file but not visible (white, tiny, hidden). */
  hidden?: string[];
  imageOnlyPages?: number[];
  files?: ExtractedFile[];
  skipped?: { path: string; reason: string }[];
  via?: 'libreoffice' | 'ghostscript';
}

/** One extractor per format family: a plain object in the registry below. */
export interface Extractor {
  /** Formats (as `Sniffed.format`) this extractor reads. */
  formats: readonly string[];
  extract(bytes: Uint8Array, ctx: ExtractorContext): Promise<RawExtraction>;
}

export class ExtractorRegistry {
  private readonly byFormat = new Map<string, Extractor>();

  register(extractor: Extractor): this {
    for (const format of extractor.formats) this.byFormat.set(format, extractor);
    return this;
  }

  get(format: string): Extractor | undefined {
    return this.byFormat.get(format);
  }

  formats(): string[] {
    return [...this.byFormat.keys()].sort();
  }
}
