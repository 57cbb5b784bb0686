import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ReportBundle } from './bundle.js';
import type { ReportModel } from './model.js';
import { segment, type MarkRange } from './text-markup.js';
import { AI_VERDICT_LABEL, aiExplanation, aiPassages, aiSummary } from './ai-wording.js';

export type PdfVariant = 'full' | 'summary' | 'ai';

/** A Unicode font when the system has one (Debian's fonts-dejavu); else the built-in Helvetica (Latin-1 only). */
const UNICODE_FONTS = {
  regular: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans.ttf'],
  bold: ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf'],
};
const COLOURS = ['#8a5a00', '#1b6e3a', '#1f3f99', '#a3154f', '#5b2a9a', '#146c72'];

function fonts(doc: PDFKit.PDFDocument): { regular: string; bold: string; clean: (s: string) => string } {
  const regular = UNICODE_FONTS.regular.find(existsSync);
  const bold = UNICODE_FONTS.bold.find(existsSync);
  if (regular && bold) {
    doc.registerFont('body', regular);
    doc.registerFont('body-bold', bold);
    return { regular: 'body', bold: 'body-bold', clean: (s) => s };
  }
  // Helvetica encodes Latin-1 only: anything else would come out as garbage, so it shows as "?".
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', clean: (s) => s.replace(/[^\n\t\x20-\x7e\xa0-\xff]/g, '?') };
}

function header(doc: PDFKit.PDFDocument, f: ReturnType<typeof fonts>, m: ReportModel, heading: string): void {
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

function scoreLine(doc: PDFKit.PDFDocument, f: ReturnType<typeof fonts>, m: ReportModel): void {
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

function sourceList(doc: PDFKit.PDFDocument, f: ReturnType<typeof fonts>, m: ReportModel, maxRows: number): void {
  doc.font(f.bold).fontSize(12).fillColor('#000').text(`Sources (${m.sources.length})`);
  doc.moveDown(0.2).font(f.regular).fontSize(10);
  if (!m.sources.length) doc.text('No matching sources were found.');
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  m.sources.slice(0, maxRows).forEach((s, i) => {
    const line = `[${i + 1}] ${s.similarity}%  ${s.title} (${s.scope}, ${s.matches} matches${s.excluded ? ', excluded' : ''})`;
    doc.fillColor(COLOURS[i % COLOURS.length]).text(f.clean(line), { width, lineBreak: false, ellipsis: true });
  });
  if (m.sources.length > maxRows) doc.fillColor('#333').text(`… and ${m.sources.length - maxRows} more sources.`);
  doc.fillColor('#000').moveDown(0.6);
}

/** The AI PDF: the verdict word, score and thresholds, what they mean, and the passages that drove it. */
function aiReport(doc: PDFKit.PDFDocument, f: ReturnType<typeof fonts>, b: ReportBundle): void {
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

function highlightedText(doc: PDFKit.PDFDocument, f: ReturnType<typeof fonts>, b: ReportBundle): void {
  const m = b.model;
  doc.addPage();
  doc.font(f.bold).fontSize(12).fillColor('#000').text('Submission text with highlighted matches');
  doc.font(f.regular).fontSize(9).fillColor('#333').text('Matched passages are coloured like their source and followed by the source number in brackets.');
  doc.moveDown(0.5).fontSize(10);
  const index = new Map(m.sources.map((s, i) => [s.id, i]));
  const ranges: MarkRange[] = m.matches
    .filter((x) => !x.excluded && !m.exclusions.sources.includes(x.source_id))
    .map((x) => ({ id: x.id, start: x.submission.offset, end: x.submission.offset + x.submission.length, colour: index.get(x.source_id) ?? 0, excluded: false }));
  const spans = segment(b.submission.text.length, ranges);
  const ends = new Map<number, number>();
  for (const r of ranges) ends.set(r.end, r.colour);
  spans.forEach((s, k) => {
    const text = f.clean(b.submission.text.slice(s.start, s.end));
    const last = k === spans.length - 1;
    const marked = s.ranges.length > 0;
    const colour = marked ? COLOURS[s.ranges[0].colour % COLOURS.length] : '#000';
    const tag = marked && ends.has(s.end) ? ` [${ends.get(s.end)! + 1}]` : '';
    doc.font(marked ? f.bold : f.regular).fillColor(colour).text(text + tag, { continued: !last, underline: marked });
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
    header(doc, f, m, 'AI-generated text report');
    if (m.ai.available) aiReport(doc, f, b);
  } else if (variant === 'summary') {
    header(doc, f, m, 'Similarity report (summary)');
    scoreLine(doc, f, m);
    sourceList(doc, f, m, 30);
  } else {
    header(doc, f, m, 'Similarity report');
    scoreLine(doc, f, m);
    sourceList(doc, f, m, 40);
    highlightedText(doc, f, b);
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
