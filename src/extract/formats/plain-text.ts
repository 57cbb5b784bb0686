import { Parser } from 'htmlparser2';
import { fail } from '../failure.js';
import type { Extractor, RawExtraction } from '../registry.js';
import { decodeText } from '../text-decoding.js';
import { TextBuilder } from '../text-builder.js';
import type { ExtractionLimits } from '../limits.js';
import { SOURCE_EXTENSIONS } from './source-archive.js';

/** Extensions of source files that are notes, markup or data rather than code: read line by line as text. */
const NOT_CODE = new Set('txt md rst tex bib html htm xml xsl json yaml yml toml ini cfg conf properties csv'.split(' '));

/**
 * A program file (.py, .java ...) by its name. It keeps its blank lines, as in a ZIP, so line numbers
 * in code reports are the file's; the AI-text detector does not judge it (it was trained on prose).
 */
export function isProgram(filename: string | null | undefined): boolean {
  const ext = /\.([^./\\]+)$/.exec(filename ?? '')?.[1]?.toLowerCase();
  return ext !== undefined && SOURCE_EXTENSIONS.has(ext) && !NOT_CODE.has(ext);
}

function lines(text: string, limits: ExtractionLimits, clean: (line: string) => string = (l) => l): RawExtraction {
  const builder = new TextBuilder(limits);
  text.split(/\r\n|\r|\n/).forEach((line, i) => builder.add(clean(line), { line: i + 1 }));
  return { text: builder.text, blocks: builder.blocks, pages: 1 };
}

/** Markdown syntax that is not words: heading marks, quotes, list bullets, emphasis, link targets. */
function markdownLine(line: string): string {
  return line
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, '')
    .replace(/^\s*(```|~~~).*$/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(?=\S)([^*_`]+?)\1/g, '$2');
}

/** RFC 4180 rows: quoted fields may hold separators, doubled quotes and newlines. */
export function csvRows(text: string): { row: string[]; line: number }[] {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const sep = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t'
    : (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: { row: string[]; line: number }[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else { if (c === '\n') line++; field += c; }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push({ row, line: rowLine });
      row = []; field = ''; line++; rowLine = line;
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push({ row, line: rowLine }); }
  return rows;
}

function jsonStrings(value: unknown, out: string[], depth: number): void {
  if (depth > 64) fail('too_large', 'too large: JSON nested more than 64 levels');
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) jsonStrings(v, out, depth + 1);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) jsonStrings(v, out, depth + 1);
}

function xmlBlocks(xml: string, limits: ExtractionLimits): RawExtraction {
  const builder = new TextBuilder(limits);
  let current = '';
  let depth = 0;
  const parser = new Parser({
    ontext(t) { current += t; },
    onopentag() { depth++; builder.add(current.replace(/\s+/g, ' ').trim()); current = ''; },
    onclosetag() { depth--; builder.add(current.replace(/\s+/g, ' ').trim()); current = ''; },
  }, { xmlMode: true, decodeEntities: true });
  parser.write(xml);
  if (depth > 0) fail('corrupt_file', 'corrupt: the XML ends before its root element closes (truncated?)');
  parser.end();
  builder.add(current.trim());
  return { text: builder.text, blocks: builder.blocks, pages: 1 };
}

/** Plain text, Markdown, CSV, JSON and XML: decoded with encoding detection, a block per line/value. */
export const plainTextExtractor: Extractor = {
  formats: ['txt', 'md', 'csv', 'json', 'xml'],
  async extract(bytes, ctx) {
    const text = decodeText(bytes);
    // A program is read as it is, whatever its content looks like (a Python comment is not a
    // Markdown heading, a line with commas not a CSV row).
    if (isProgram(ctx.hint.filename)) {
      const builder = new TextBuilder(ctx.limits);
      builder.addVerbatim(text.replace(/\r\n?/g, '\n'), { line: 1 });
      return { text: builder.text, blocks: builder.blocks, pages: 1 };
    }
    switch (ctx.sniffed.format) {
      case 'md':
        return lines(text, ctx.limits, markdownLine);
      case 'csv': {
        const builder = new TextBuilder(ctx.limits);
        for (const { row, line } of csvRows(text)) builder.add(row.map((f) => f.trim()).filter(Boolean).join(' '), { line });
        return { text: builder.text, blocks: builder.blocks, pages: 1 };
      }
      case 'json': {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (err) {
          fail('corrupt_file', `corrupt: invalid JSON (${(err as Error).message})`);
        }
        const strings: string[] = [];
        jsonStrings(value, strings, 0);
        const builder = new TextBuilder(ctx.limits);
        for (const s of strings) builder.add(s);
        return { text: builder.text, blocks: builder.blocks, pages: 1 };
      }
      case 'xml':
        return xmlBlocks(text, ctx.limits);
      default:
        return lines(text, ctx.limits);
    }
  },
};
