import { ExtractorRegistry } from './registry.js';
import { docExtractor } from './formats/doc.js';
import { docxExtractor } from './formats/docx.js';
import { epubExtractor } from './formats/epub.js';
import { htmlExtractor } from './formats/html.js';
import { libreOfficeExtractor } from './formats/libreoffice.js';
import { odfExtractor } from './formats/odf.js';
import { pdfExtractor } from './formats/pdf.js';
import { plainTextExtractor } from './formats/plain-text.js';
import { postscriptExtractor } from './formats/postscript.js';
import { pptxExtractor } from './formats/pptx.js';
import { rtfExtractor } from './formats/rtf.js';
import { sourceArchiveExtractor } from './formats/source-archive.js';
import { xlsxExtractor } from './formats/xlsx.js';

/** Every extractor, one per format family. Adding a format = one file in formats/ and one line here. */
export const extractors = new ExtractorRegistry()
  .register(pdfExtractor)
  .register(docxExtractor)
  .register(docExtractor)
  .register(odfExtractor)
  .register(pptxExtractor)
  .register(xlsxExtractor)
  .register(rtfExtractor)
  .register(epubExtractor)
  .register(htmlExtractor)
  .register(plainTextExtractor)
  .register(sourceArchiveExtractor)
  .register(libreOfficeExtractor)
  .register(postscriptExtractor);
