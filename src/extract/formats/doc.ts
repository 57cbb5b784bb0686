import { ExtractionFailure, fail } from '../failure.js';
import type { Extractor } from '../registry.js';
import { TextBuilder } from '../text-builder.js';
import { libreOfficeExtractor, sofficePath } from './libreoffice.js';

/**
 * Word 97-2003 through word-extractor (body, footnotes and endnotes, a block per paragraph).
 * Older Word 6/95 files it cannot read go through LibreOffice when it is installed.
 */
export const docExtractor: Extractor = {
  formats: ['doc'],
  async extract(bytes, ctx) {
    let body: string;
    try {
      const WordExtractor = (await import('word-extractor')).default;
      const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      body = [doc.getBody(), doc.getFootnotes(), doc.getEndnotes()].join('\n');
    } catch (err) {
      if (err instanceof ExtractionFailure) throw err;
      if (await sofficePath()) return libreOfficeExtractor.extract(bytes, ctx);
      fail('corrupt_file', `corrupt: the DOC cannot be read (${(err as Error).message}); LibreOffice, which reads older Word files, is not installed`);
    }
    const builder = new TextBuilder(ctx.limits);
    for (const paragraph of body.split(/\n/)) builder.add(paragraph);
    return { text: builder.text, blocks: builder.blocks, pages: 1 };
  },
};
