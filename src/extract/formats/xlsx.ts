import { fail } from '../failure.js';
import type { Extractor } from '../registry.js';
import { TextBuilder } from '../text-builder.js';
import { relationships, walkXml } from './ooxml-parts.js';

/** The shared string table: one string per si element, phonetic runs left out. */
function sharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let current = '';
  let inText = false;
  let phonetic = 0;
  walkXml(xml, {
    open(name) { if (name === 'si') current = ''; else if (name === 'rPh') phonetic++; else if (name === 't' && !phonetic) inText = true; },
    text(t) { if (inText) current += t; },
    close(name) { if (name === 't') inText = false; else if (name === 'rPh') phonetic--; else if (name === 'si') out.push(current); },
  });
  return out;
}

/** XLSX: a page per sheet in workbook order, a block per row of text cells. Hidden sheets are reported. */
export const xlsxExtractor: Extractor = {
  formats: ['xlsx'],
  async extract(_bytes, ctx) {
    const zip = ctx.sniffed.zip ?? fail('corrupt_file', 'corrupt: not a zip file');
    const workbook = zip.text('xl/workbook.xml') ?? fail('corrupt_file', 'corrupt: xl/workbook.xml is missing');
    const rels = relationships(zip, 'xl/workbook.xml');
    const sheets: { path: string; hidden: boolean }[] = [];
    walkXml(workbook, { open(name, attrs) { if (name === 'sheet' && rels.has(attrs['r:id'])) sheets.push({ path: rels.get(attrs['r:id'])!, hidden: attrs.state === 'hidden' || attrs.state === 'veryHidden' }); } });
    if (sheets.length > ctx.limits.maxPages) fail('too_large', `too large: ${sheets.length} sheets, more than the limit of ${ctx.limits.maxPages}`);
    const strings = sharedStrings(zip.text('xl/sharedStrings.xml'));
    const builder = new TextBuilder(ctx.limits);
    const hidden: string[] = [];
    sheets.forEach((sheet, i) => {
      const xml = zip.text(sheet.path) ?? fail('corrupt_file', `corrupt: sheet ${sheet.path} is missing`);
      let row: string[] = [];
      let rowNumber = 0;
      let type = '';
      let value = '';
      let inValue = false;
      const sheetText: string[] = [];
      walkXml(xml, {
        open(name, attrs) {
          if (name === 'row') { row = []; rowNumber = Number(attrs.r) || rowNumber + 1; }
          else if (name === 'c') { type = attrs.t ?? 'n'; value = ''; }
          else if (name === 'v' || name === 't') inValue = true;
        },
        text(t) { if (inValue) value += t; },
        close(name) {
          if (name === 'v' || name === 't') inValue = false;
          else if (name === 'c') {
            const text = type === 's' ? strings[Number(value)] ?? '' : type === 'inlineStr' || type === 'str' ? value : '';
            if (text.trim()) row.push(text.trim());
          } else if (name === 'row') {
            builder.add(row.join(' '), { page: i + 1, line: rowNumber });
            if (row.length) sheetText.push(row.join(' '));
          }
        },
      });
      if (sheet.hidden && sheetText.length) hidden.push(sheetText.join(' '));
    });
    return { text: builder.text, blocks: builder.blocks, pages: sheets.length, hidden };
  },
};
