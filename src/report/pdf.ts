import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ReportBundle } from './bundle.js';
import type { ReportModel } from './model.js';
import { sharedValuesText } from './shared-values.js';
import { segment } from './text-markup.js';
import { filterLines, submissionMarks } from './marks.js';
import { AI_VERDICT_LABEL, aiExplanation, aiPassages, aiSummary } from './ai-wording.js';

export type PdfVariant = 'full' | 'summary' | 'ai';

/** A Unicode font when the system has one (Debian's fonts-dejavu); else the built-in Helvetica (Latin-1 only). */
const DEJAVU = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu'];
const UNICODE_FONTS = {
  regular: DEJAVU.map((d) => `${d}/DejaVuSans.ttf`),
  bold: DEJAVU.map((d) => `${d}/DejaVuSans-Bold.ttf`),
  mono: DEJAVU.map((d) => `${d}/DejaVuSansMono.ttf`),
  monoBold: DEJAVU.map((d) => `${d}/DejaVuSansMono-Bold.ttf`),
};
/**
 * One colour per source, in list order: far apart in hue (blue, orange, green, magenta, brown,
 * teal), dark enough for text on white, so [1] and [2] never look alike.
 */
export const SOURCE_COLOURS = ['#1d4ed8', '#c2410c', '#15803d', '#be185d', '#7c4a03', '#0e7490'];
const COLOURS = SOURCE_COLOURS;
/** Matches that do not count (quotations, excluded by the instructor ...) are shown in grey. */
const NOT_COUNTED = '#6b7280';

interface Fonts {
  regular: string;
  bold: string;
  mono: string;
  monoBold: string;
  clean: (s: string) => string;
}

function fonts(doc: PDFKit.PDFDocument): Fonts {
  const [regular, bold, mono, monoBold] = [UNICODE_FONTS.regular, UNICODE_FONTS.bold, UNICODE_FONTS.mono, UNICODE_FONTS.monoBold].map((c) => c.find(existsSync));
  if (regular && bold) {
    doc.registerFont('body', regular);
    doc.registerFont('body-bold', bold);
    if (mono && monoBold) {
      doc.registerFont('code', mono);
      doc.registerFont('code-bold', monoBold);
    }
    return { regular: 'body', bold: 'body-bold', mono: mono && monoBold ? 'code' : 'Courier', monoBold: mono && monoBold ? 'code-bold' : 'Courier-Bold', clean: (s) => s };
  }
  // Helvetica encodes Latin-1 only: anything else would come out as garbage, so it shows as "?".
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier', monoBold: 'Courier-Bold', clean: (s) => s.replace(/[^\n\t\x20-\x7e\xa0-\xff]/g, '?') };
}

function header(doc: PDFKit.PDFDocument, f: Fonts, m: ReportModel, heading: string): void {
  doc.font(f.bold).fontSize(18).fillColor('#000').text(f.clean(m.document.title));
  doc.moveDown(0.3).font(f.regular).fontSize(10).fillColor('#333').text(heading);
  const meta = [
    m.document.author ? `Author: ${m.document.author}` : null,
    `Document ${m.document.id}`,
    `Report version ${m.version}, ${m.created_at.slice(0, 16).replace('T', ' ')} UTC`,
  ].filter(Boolean).join('   ');
  doc.text(f.clean(meta));
  doc.moveDown(0.6);
}

function scoreLine(doc: PDFKit.PDFDocument, f: Fonts, m: ReportModel): void {
  doc.font(f.bold).fontSize(14).fillColor('#000').text(`Similarity: ${m.similarity}%`);
  doc.font(f.regular).fontSize(10).fillColor('#333');
  doc.text(f.clean(aiSummary(m.ai)));
  if (m.integrity.available) {
    const i = m.integrity;
    doc.text(`Integrity signals: ${i.hidden_text.count} hidden text, ${i.replaced_characters.count} replaced characters, ${i.invisible_characters} invisible characters, ${i.image_only_pages.length} image-only pages.`);
  }
  if (m.exclusions.sources.length || m.exclusions.matches.length) {
    doc.text(`Excluded by the instructor: ${m.exclusions.sources.length} sources, ${m.exclusions.matches.length} matches.`);
  }
  doc.moveDown(0.6);
}

/** The filters in force (what was compared, what the score leaves out and why) and the cross-language result. */
function filterList(doc: PDFKit.PDFDocument, f: Fonts, m: ReportModel, onlyActive: boolean): void {
  const lines = onlyActive ? filterLines({ ...m, filters: m.filters.filter((x) => x.active) }) : filterLines(m);
  if (!lines.length) return;
  doc.font(f.bold).fontSize(12).fillColor('#000').text('Filters');
  doc.moveDown(0.2).font(f.regular).fontSize(9).fillColor('#333');
  for (const l of lines) doc.text(f.clean(`• ${l}`));
  doc.fillColor('#000').moveDown(0.6);
}

function sourceList(doc: PDFKit.PDFDocument, f: Fonts, m: ReportModel, maxRows: number): void {
  doc.font(f.bold).fontSize(12).fillColor('#000').text(`Sources (${m.sources.length})`);
  doc.moveDown(0.2).font(f.regular).fontSize(10);
  if (!m.sources.length) doc.text('No matching sources were found.');
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  m.sources.slice(0, maxRows).forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const line = `[${i + 1}] ${s.similarity}%  ${s.title} (${s.scope}, ${s.matches} ${s.matches === 1 ? 'match' : 'matches'}${s.excluded_matches ? `, ${s.excluded_matches} not counted` : ''}${s.excluded ? ', excluded' : ''})${sharedValuesText(s)}`;
    // A swatch of the source's colour before its line, as its matches are coloured in the text.
    const y = doc.y;
    doc.save().rect(doc.page.margins.left, y + 1.5, 8, 8).fill(colour).restore();
    doc.fillColor(colour).text(f.clean(line), doc.page.margins.left + 13, y, { width: width - 13, lineBreak: false, ellipsis: true });
  });
  doc.x = doc.page.margins.left;
  if (m.sources.length > maxRows) doc.fillColor('#333').text(`… and ${m.sources.length - maxRows} more sources.`);
  doc.fillColor('#000').moveDown(0.6);
}

/** The AI PDF: the verdict word, score and thresholds, what they mean, and the passages that drove it. */
function aiReport(doc: PDFKit.PDFDocument, f: Fonts, b: ReportBundle): void {
  const ai = b.model.ai;
  if (!ai.available) return;
  doc.font(f.bold).fontSize(16).fillColor('#000').text(`AI-text check: ${AI_VERDICT_LABEL[ai.verdict]}`);
  doc.font(f.regular).fontSize(10).fillColor('#333');
  doc.text(f.clean(`Score ${ai.score} of 100. Inconclusive from ${ai.inconclusive_threshold}, flagged from ${ai.threshold}. Detector: ${ai.model ?? 'unnamed'}.`));
  doc.moveDown(0.4).text(f.clean(aiExplanation(ai)));
  doc.moveDown(0.4).text(f.clean(aiPassages(ai)));
  const driving = ai.segments.filter((s) => s.ai);
  driving.forEach((s, i) => {
    const excerpt = b.submission.text.slice(s.offset, s.offset + s.length).replace(/\s+/g, ' ').trim();
    doc.moveDown(0.6).font(f.bold).fontSize(10).fillColor('#000').text(f.clean(`Passage ${i + 1}: ${s.words} words, its own score ${s.probability} of 100`));
    doc.font(f.regular).fontSize(9).fillColor('#333').text(f.clean(excerpt.length > 1500 ? `${excerpt.slice(0, 1500)}…` : excerpt));
  });
}

interface Piece {
  start: number;
  end: number;
  /** Source number (0-based) of a counted match; -1 for a match that does not count; null for plain text. */
  source: number | null;
  /** The source number to print after the piece, where a match ends. */
  tag: number | null;
  /** Why the stretch of not-counted match text ending here does not count (prose), printed after it. */
  note?: string | null;
}

/**
 * The submission cut into lines (a paragraph is a line of the extracted text), each cut into
 * pieces at match boundaries. Each line is set as its own text block, so a paragraph after a
 * highlighted match starts at the margin (pdfkit's continued text keeps its x across a newline).
 */
function piecesByLine(b: ReportBundle): { start: number; end: number; pieces: Piece[] }[] {
  const m = b.model;
  const text = b.submission.text;
  // Counted matches are cut at their excluded parts (template text, a quotation inside), set in grey.
  const ranges = submissionMarks(m);
  const spans = segment(text.length, ranges);
  const ends = new Map<number, number>();
  for (const r of ranges) if (r.last) ends.set(r.end, r.colour);
  const why = (sp: (typeof spans)[number]) => (sp.ranges.length && !sp.ranges.some((r) => !r.excluded) ? sp.ranges.find((r) => r.reason)?.reason ?? 'excluded' : null);
  const lines: { start: number; end: number; pieces: Piece[] }[] = [];
  let lineStart = 0;
  for (;;) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const pieces: Piece[] = [];
    for (let k = 0; k < spans.length; k++) {
      const sp = spans[k];
      const a = Math.max(sp.start, lineStart);
      const z = Math.min(sp.end, lineEnd);
      if (z <= a) continue;
      const counted = sp.ranges.find((r) => !r.excluded);
      const source = counted ? counted.colour : sp.ranges.length ? -1 : null;
      const reason = why(sp);
      const note = reason && z === sp.end && (k + 1 >= spans.length || why(spans[k + 1]) !== reason) ? reason : null;
      pieces.push({ start: a, end: z, source, tag: counted && z === sp.end && ends.has(sp.end) ? ends.get(sp.end)! : null, note });
    }
    lines.push({ start: lineStart, end: lineEnd, pieces });
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return lines;
}

/** Line numbers restart at each archive member, whose path is printed as a heading. */
function fileAt(files: { path: string; offset: number }[] | undefined, offset: number): { path: string; offset: number } | undefined {
  let found: { path: string; offset: number } | undefined;
  for (const file of files ?? []) if (file.offset <= offset && (!found || file.offset >= found.offset)) found = file;
  return found;
}

/** A line's pieces cut into rows of at most `cols` characters; a tag stays with its piece's end. */
function cutRows(line: { start: number; end: number; pieces: Piece[] }, cols: number): Piece[][] {
  const rows: Piece[][] = [];
  for (let a = line.start; a < line.end; a += cols) {
    const z = Math.min(a + cols, line.end);
    rows.push(line.pieces.filter((p) => p.end > a && p.start < z).map((p) => ({ ...p, start: Math.max(p.start, a), end: Math.min(p.end, z), tag: p.end <= z ? p.tag : null })));
  }
  return rows;
}

function highlightedText(doc: PDFKit.PDFDocument, f: Fonts, b: ReportBundle): void {
  const m = b.model;
  const code = m.document.kind === 'code' || b.submission.files !== undefined;
  doc.addPage();
  doc.font(f.bold).fontSize(12).fillColor('#000').text('Submission text with highlighted matches');
  doc.font(f.regular).fontSize(9).fillColor('#333').text(
    'Matched passages are underlined in the colour of their source and followed by its number in brackets. Grey passages match a source but do not count; the reason follows them in brackets (the filters above, or excluded by the instructor).',
  );
  doc.moveDown(0.5);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const text = b.submission.text;
  const lines = piecesByLine(b);
  const gutter = code ? doc.font(f.mono).fontSize(8).widthOfString(String(Math.max(9999, lines.length))) + 8 : 0;
  // Characters per code row, keeping room for a source number tag (" [12]").
  const cols = code ? Math.max(20, Math.floor((width - gutter) / doc.font(f.mono).fontSize(8).widthOfString('M')) - 6) : 0;
  let file: { path: string; offset: number } | undefined;
  let lineNo = 0;
  lines.forEach((line, i) => {
    // The newline that ends a file's (or the text's) last line opens no line of its own.
    const next = lines[i + 1];
    if (code && line.end === line.start && (!next || b.submission.files?.some((x) => x.offset === next.start))) return;
    if (code) {
      const here = fileAt(b.submission.files, line.start);
      if (here !== file || lineNo === 0) {
        if (here && here !== file) {
          doc.moveDown(0.4).font(f.bold).fontSize(9).fillColor('#000').text(f.clean(here.path), left, doc.y, { width });
          lineNo = 0;
        }
        file = here;
      }
      lineNo++;
    }
    const size = code ? 8 : 10;
    // A line that would not fit starts the next page (its number with it).
    if (doc.y + doc.font(f.regular).fontSize(size).currentLineHeight(true) > doc.page.height - doc.page.margins.bottom) doc.addPage();
    if (line.end === line.start) {
      // An empty line: a paragraph gap in prose, an empty numbered line in code.
      // (Prose paragraphs are already set apart below, however many newlines separate them.)
      if (code) doc.font(f.mono).fontSize(size).fillColor('#9ca3af').text(String(lineNo).padStart(4), left, doc.y, { width: gutter - 8, lineBreak: false });
      doc.x = left;
      return;
    }
    // Code is cut into rows that fit beside the numbers (monospace: a known number of
    // characters), so pdfkit never wraps a row and a wrapped line stays in the code column.
    const rows = code ? cutRows(line, cols) : [line.pieces];
    rows.forEach((pieces, r) => {
      if (r > 0 && doc.y + doc.currentLineHeight(true) > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      if (code && r === 0) doc.font(f.mono).fontSize(size).fillColor('#9ca3af').text(String(lineNo).padStart(4), left, y, { width: gutter - 8, lineBreak: false });
      pieces.forEach((p, k) => {
        let t = f.clean(text.slice(p.start, p.end));
        // Code keeps its indentation: spaces and tabs become non-breaking spaces.
        if (code) t = t.replace(/\t/g, '    ').replace(/ /g, '\u00a0');
        const counted = p.source !== null && p.source >= 0;
        const colour = counted ? COLOURS[p.source! % COLOURS.length] : p.source === -1 ? NOT_COUNTED : '#000';
        const font = code ? (counted ? f.monoBold : f.mono) : counted ? f.bold : f.regular;
        const tag = p.tag !== null ? ` [${p.tag + 1}]` : !code && p.note ? f.clean(` [not counted: ${p.note}]`) : '';
        const last = k === pieces.length - 1;
        const opts = { continued: !last, underline: counted, width: width - gutter };
        doc.font(font).fontSize(size).fillColor(colour);
        if (k === 0) doc.text(t + tag, left + gutter, y, opts);
        else doc.text(t + tag, opts);
      });
      doc.x = left;
    });
    if (!code) doc.moveDown(0.4);
    doc.x = left;
  });
}

/** Renders a report as PDF (real text, selectable and searchable). */
export async function renderPdf(b: ReportBundle, variant: PdfVariant): Promise<Uint8Array> {
  const m = b.model;
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Similarity report: ${m.document.title}`, Author: 'Origo', Subject: `Document ${m.document.id}` }, bufferPages: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res, rej) => {
    doc.on('end', res);
    doc.on('error', rej);
  });
  const f = fonts(doc);
  if (variant === 'ai') {
    header(doc, f, m, 'AI-text check report');
    if (m.ai.available) aiReport(doc, f, b);
  } else if (variant === 'summary') {
    header(doc, f, m, 'Similarity report (summary)');
    scoreLine(doc, f, m);
    filterList(doc, f, m, true);
    sourceList(doc, f, m, 30);
  } else {
    header(doc, f, m, 'Similarity report');
    scoreLine(doc, f, m);
    filterList(doc, f, m, false);
    sourceList(doc, f, m, 40);
    highlightedText(doc, f, b);
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
