// Flat OpenDocument sources built from paragraphs of text, and a LibreOffice converter.
// Shared by make-extraction-fixtures.mjs (the committed fixtures) and bench/extract.mjs (large inputs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"',
].join(' ');
const doc = (mime, body) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${NS} office:version="1.2" office:mimetype="${mime}">` +
  `<office:automatic-styles/><office:body>${body}</office:body></office:document>\n`;

/** Writer: the first paragraph as a heading, the rest as paragraphs. */
export function flatText(paragraphs) {
  return doc('application/vnd.oasis.opendocument.text',
    `<office:text><text:h text:outline-level="1">${esc(paragraphs[0])}</text:h>` +
    paragraphs.slice(1).map((p) => `<text:p>${esc(p)}</text:p>`).join('') + '</office:text>');
}

/** Impress: the title on slide 1, then two paragraphs per slide, in text boxes. */
export function flatPresentation(paragraphs) {
  const slides = [];
  for (let i = 1; i < paragraphs.length; i += 2) slides.push(paragraphs.slice(i, i + 2));
  const frame = (y, h, ps) => `<draw:frame svg:x="1cm" svg:y="${y}cm" svg:width="26cm" svg:height="${h}cm"><draw:text-box>` +
    ps.map((p) => `<text:p>${esc(p)}</text:p>`).join('') + '</draw:text-box></draw:frame>';
  return doc('application/vnd.oasis.opendocument.presentation',
    '<office:presentation>' + slides.map((ps, i) =>
      `<draw:page draw:name="Slide ${i + 1}">${i === 0 ? frame(0.5, 2, [paragraphs[0]]) : ''}${frame(3, 15, ps)}</draw:page>`).join('') +
    '</office:presentation>');
}

/** Calc: one sentence per cell down column A, the paragraphs split over two sheets. */
export function flatSpreadsheet(paragraphs) {
  const sentences = (p) => (p.match(/[^.!?]+[.!?]?/g) ?? []).map((s) => s.trim()).filter(Boolean);
  const half = Math.ceil(paragraphs.length / 2);
  const sheet = (name, ps) => `<table:table table:name="${name}">` + ps.flatMap(sentences).map((s) =>
    `<table:table-row><table:table-cell office:value-type="string"><text:p>${esc(s)}</text:p></table:table-cell></table:table-row>`).join('') + '</table:table>';
  return doc('application/vnd.oasis.opendocument.spreadsheet',
    `<office:spreadsheet>${sheet('First', paragraphs.slice(0, half))}${sheet('Second', paragraphs.slice(half))}</office:spreadsheet>`);
}

/** Converts `source` with soffice into `target[:filter]`; returns the bytes of the one file made. */
export function convertWithSoffice(work, source, target, filter) {
  const dir = join(work, `out-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--norestore',
    '--convert-to', filter ? `${target}:${filter}` : target, '--outdir', dir, source], { stdio: 'pipe', timeout: 300_000 });
  const made = readdirSync(dir);
  if (made.length !== 1) throw new Error(`soffice made nothing for ${source} -> ${target}`);
  return readFileSync(join(dir, made[0]));
}

/** The formats LibreOffice writes from each flat source: [extension, filter, output name]. */
export const WRITER_TARGETS = [
  ['odt', null, 'known.odt'], ['docx', 'MS Word 2007 XML', 'known.docx'], ['doc', 'MS Word 97', 'known.doc'],
  ['rtf', null, 'known.rtf'], ['pdf', 'writer_pdf_Export', 'known.pdf'], ['html', 'HTML (StarWriter)', 'known.html'],
  ['epub', null, 'known.epub'], ['xml', 'DocBook File', 'known-docbook.xml'], ['fodt', null, 'known.fodt'],
  ['txt', 'Text (encoded):UTF8', 'known.txt'],
];
export const IMPRESS_TARGETS = [['odp', null, 'known.odp'], ['pptx', 'Impress MS PowerPoint 2007 XML', 'known.pptx'], ['ppt', 'MS PowerPoint 97', 'known.ppt'], ['pdf', 'impress_pdf_Export', 'known-slides.pdf']];
export const CALC_TARGETS = [['ods', null, 'known.ods'], ['xlsx', 'Calc MS Excel 2007 XML', 'known.xlsx'], ['xls', 'MS Excel 97', 'known.xls']];

/** Markdown, JSON and CSV, which LibreOffice does not write, made from the same paragraphs. */
export function textFormats(paragraphs) {
  return {
    'known.md': `# ${paragraphs[0]}\n\n` + paragraphs.slice(1).join('\n\n') + '\n',
    'known.json': JSON.stringify({ title: paragraphs[0], paragraphs: paragraphs.slice(1) }, null, 2) + '\n',
    'known.csv': 'paragraph,text\n' + paragraphs.map((p, i) => `${i + 1},"${p.replace(/"/g, '""')}"`).join('\n') + '\n',
  };
}
