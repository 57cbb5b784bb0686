import { Parser } from 'htmlparser2';
import { fail } from '../failure.js';
import type { Extractor, RawExtraction } from '../registry.js';
import { TextBuilder } from '../text-builder.js';
import { decodeText } from '../text-decoding.js';
import type { ExtractionLimits } from '../limits.js';

interface StyleInfo {
  parent?: string;
  hides: boolean;
}

/** Styles (automatic and named) whose text properties hide text: display none, white, 2pt or less. */
function collectStyles(xml: string, styles: Map<string, StyleInfo>): void {
  let current: string | undefined;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'style:style') {
        current = attrs['style:name'];
        if (current) styles.set(current, { parent: attrs['style:parent-style-name'], hides: false });
      } else if (name === 'style:text-properties' && current) {
        const size = /^([\d.]+)pt$/.exec(attrs['fo:font-size'] ?? '');
        const hides = attrs['text:display'] === 'none' || /^#fff(fff)?$/i.test(attrs['fo:color'] ?? '') || (size !== null && Number(size[1]) <= 2);
        if (hides) styles.get(current)!.hides = true;
      } else if (current && ((name === 'style:drawing-page-properties' && attrs['presentation:visibility'] === 'hidden') ||
        (name === 'style:table-properties' && attrs['table:display'] === 'false'))) {
        // A hidden slide or a hidden sheet.
        styles.get(current)!.hides = true;
      }
    },
    onclosetag(name) { if (name === 'style:style') current = undefined; },
  }, { xmlMode: true });
  parser.write(xml);
  parser.end();
}

function hides(styles: Map<string, StyleInfo>, name: string | undefined): boolean {
  for (let i = 0; name && i < 10; i++) {
    const style = styles.get(name);
    if (!style) return false;
    if (style.hides) return true;
    name = style.parent;
  }
  return false;
}

const SKIP = new Set(['office:annotation', 'text:tracked-changes', 'text:note-citation', 'svg:title', 'svg:desc', 'office:forms', 'text:sequence-decls', 'presentation:notes']);
const BLOCK = new Set(['text:p', 'text:h']);

/**
 * Text of an OpenDocument content.xml: a block per paragraph; in presentations a page per
 * draw:page, in spreadsheets a page per table:table and a block per row.
 */
export function odfContent(contentXml: string, stylesXml: string | undefined, format: string, limits: ExtractionLimits): RawExtraction {
  const styles = new Map<string, StyleInfo>();
  if (stylesXml) collectStyles(stylesXml, styles);
  collectStyles(contentXml, styles);
  const builder = new TextBuilder(limits);
  const hidden: string[] = [];
  const hiddenStack: boolean[] = [];
  let skip = 0;
  let inBody = 0;
  let inParagraph = 0;
  let page = 0;
  let pageHasImage = false;
  let pageHasText = false;
  const imageOnlyPages: number[] = [];
  let current = '';
  let row = '';
  let hiddenRun = '';
  const paged = format !== 'odt';
  const sheet = format === 'ods';
  const where = () => (paged ? { page } : {});
  const isHidden = () => hiddenStack.length > 0 && hiddenStack[hiddenStack.length - 1];
  const emit = (text: string): void => {
    if (!text.trim()) return;
    if (/[\p{L}\p{N}]/u.test(text)) pageHasText = true;
    if (sheet) row += (row ? ' ' : '') + text.trim();
    else builder.add(text, where());
  };
  const parser = new Parser({
    onopentag(name, attrs) {
      if (SKIP.has(name)) { skip++; return; }
      if (name === 'office:body') inBody++;
      if (skip || !inBody) return;
      if (BLOCK.has(name)) inParagraph++;
      if (name === 'draw:page' || name === 'table:table') page++;
      if (name === 'draw:page') { pageHasImage = false; pageHasText = false; }
      if (name === 'draw:image' && format === 'odp') pageHasImage = true;
      const hiding = name === 'text:hidden-paragraph' || name === 'text:hidden-text' || hides(styles, attrs['text:style-name']) || hides(styles, attrs['draw:text-style-name']) ||
        ((name === 'draw:page' || name === 'table:table') && (hides(styles, attrs['draw:style-name']) || hides(styles, attrs['table:style-name'])));
      hiddenStack.push(isHidden() || hiding);
      if (name === 'text:hidden-text' && attrs['text:string-value']) hidden.push(attrs['text:string-value']);
      if (name === 'text:s') current += ' '.repeat(Math.min(100, Number(attrs['text:c'] ?? 1)));
      else if (name === 'text:tab') current += '\t';
      else if (name === 'text:line-break') current += '\n';
    },
    ontext(t) {
      if (skip || !inBody || !inParagraph) return;
      current += t;
      if (isHidden()) hiddenRun += t;
      else if (hiddenRun.trim() && t.trim()) { hidden.push(hiddenRun); hiddenRun = ''; }
    },
    onclosetag(name) {
      if (SKIP.has(name)) { skip--; return; }
      if (name === 'office:body') inBody--;
      if (skip || !inBody) return;
      hiddenStack.pop();
      if (name === 'draw:page' && pageHasImage && !pageHasText) imageOnlyPages.push(page);
      if (BLOCK.has(name)) {
        inParagraph--;
        emit(current);
        current = '';
        if (hiddenRun.trim()) hidden.push(hiddenRun);
        hiddenRun = '';
      } else if (name === 'table:table-row' && sheet) {
        builder.add(row, where());
        row = '';
      }
    },
  }, { xmlMode: true, decodeEntities: true });
  parser.write(contentXml);
  if (!/<\/office:document(-content)?>\s*$/.test(contentXml.slice(-200))) fail('corrupt_file', 'corrupt: the OpenDocument XML is truncated');
  parser.end();
  if (page > limits.maxPages) fail('too_large', `too large: ${page} pages, more than the limit of ${limits.maxPages}`);
  return { text: builder.text, blocks: builder.blocks, pages: paged ? page : 1, hidden, imageOnlyPages };
}

/** ODT, ODP and ODS (zipped or flat XML) read straight from their XML (no LibreOffice needed). */
export const odfExtractor: Extractor = {
  formats: ['odt', 'odp', 'ods'],
  async extract(bytes, ctx) {
    const zip = ctx.sniffed.zip;
    if (!zip) {
      const flat = decodeText(bytes);
      return odfContent(flat, flat, ctx.sniffed.format, ctx.limits);
    }
    if (zip.has('META-INF/manifest.xml') && /manifest:encryption-data/.test(zip.text('META-INF/manifest.xml') ?? '')) {
      fail('encrypted_file', 'encrypted: the OpenDocument file is password-protected');
    }
    const content = zip.text('content.xml') ?? fail('corrupt_file', 'corrupt: content.xml is missing');
    return odfContent(content, zip.text('styles.xml'), ctx.sniffed.format, ctx.limits);
  },
};
