#!/usr/bin/env node
// Makes the extraction fixtures: LibreOffice converts one known text (src/extract/fixtures/known-text.txt)
// into every format it can write; the results are committed under src/extract/fixtures/office/.
// Usage: node scripts/make-extraction-fixtures.mjs   (needs `soffice` on PATH)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'src/extract/fixtures');
const out = join(fixtures, 'office');
mkdirSync(out, { recursive: true });
const known = readFileSync(join(fixtures, 'known-text.txt'), 'utf8');
const paragraphs = known.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');

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
const doc = (mime, body, styles = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${NS} office:version="1.2" office:mimetype="${mime}">` +
  `<office:automatic-styles>${styles}</office:automatic-styles><office:body>${body}</office:body></office:document>\n`;

// Writer: one paragraph per paragraph of the known text, the title as a heading.
const fodt = doc('application/vnd.oasis.opendocument.text',
  `<office:text><text:h text:outline-level="1">${esc(paragraphs[0])}</text:h>` +
  paragraphs.slice(1).map((p) => `<text:p>${esc(p)}</text:p>`).join('') + '</office:text>');

// Impress: the title and two paragraphs per slide, in text boxes.
const slides = [];
for (let i = 1; i < paragraphs.length; i += 2) slides.push(paragraphs.slice(i, i + 2));
const frame = (y, h, ps) => `<draw:frame svg:x="1cm" svg:y="${y}cm" svg:width="26cm" svg:height="${h}cm"><draw:text-box>` +
  ps.map((p) => `<text:p>${esc(p)}</text:p>`).join('') + '</draw:text-box></draw:frame>';
const fodp = doc('application/vnd.oasis.opendocument.presentation',
  '<office:presentation>' + slides.map((ps, i) =>
    `<draw:page draw:name="Slide ${i + 1}">${i === 0 ? frame(0.5, 2, [paragraphs[0]]) : ''}${frame(3, 15, ps)}</draw:page>`).join('') +
  '</office:presentation>');

// Calc: one sentence per cell down column A, the paragraphs split over two sheets.
const sentences = (p) => p.match(/[^.!?]+[.!?]?/g).map((s) => s.trim()).filter(Boolean);
const half = Math.ceil(paragraphs.length / 2);
const sheet = (name, ps) => `<table:table table:name="${name}">` + ps.flatMap(sentences).map((s) =>
  `<table:table-row><table:table-cell office:value-type="string"><text:p>${esc(s)}</text:p></table:table-cell></table:table-row>`).join('') + '</table:table>';
const fods = doc('application/vnd.oasis.opendocument.spreadsheet',
  `<office:spreadsheet>${sheet('First', paragraphs.slice(0, half))}${sheet('Second', paragraphs.slice(half))}</office:spreadsheet>`);

const work = mkdtempSync(join(tmpdir(), 'origo-fixtures-'));
writeFileSync(join(work, 'known.fodt'), fodt);
writeFileSync(join(work, 'known.fodp'), fodp);
writeFileSync(join(work, 'known.fods'), fods);

function convert(source, target, filter, name) {
  const dir = join(work, 'out-' + name.replace(/\W/g, '_'));
  mkdirSync(dir);
  execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--norestore',
    '--convert-to', filter ? `${target}:${filter}` : target, '--outdir', dir, join(work, source)], { stdio: 'pipe', timeout: 120_000 });
  const made = readdirSync(dir);
  if (made.length !== 1) throw new Error(`soffice made nothing for ${name}`);
  copyFileSync(join(dir, made[0]), join(out, name));
  console.log('made', name);
}

const writer = [
  ['odt', null, 'known.odt'], ['docx', 'MS Word 2007 XML', 'known.docx'], ['doc', 'MS Word 97', 'known.doc'],
  ['rtf', null, 'known.rtf'], ['pdf', 'writer_pdf_Export', 'known.pdf'], ['html', 'HTML (StarWriter)', 'known.html'],
  ['epub', null, 'known.epub'], ['xml', 'DocBook File', 'known-docbook.xml'], ['fodt', null, 'known.fodt'],
  ['txt', 'Text (encoded):UTF8', 'known.txt'], ['sxw', 'StarOffice XML (Writer)', 'known.sxw'],
];
for (const [ext, filter, name] of writer) {
  try { convert('known.fodt', ext, filter, name); } catch (err) { console.log('skipped', name, String(err.message).split('\n')[0]); }
}
for (const [ext, filter, name] of [['odp', null, 'known.odp'], ['pptx', 'Impress MS PowerPoint 2007 XML', 'known.pptx'], ['ppt', 'MS PowerPoint 97', 'known.ppt'], ['pdf', 'impress_pdf_Export', 'known-slides.pdf']]) {
  try { convert('known.fodp', ext, filter, name); } catch (err) { console.log('skipped', name, String(err.message).split('\n')[0]); }
}
for (const [ext, filter, name] of [['ods', null, 'known.ods'], ['xlsx', 'Calc MS Excel 2007 XML', 'known.xlsx'], ['xls', 'MS Excel 97', 'known.xls']]) {
  try { convert('known.fods', ext, filter, name); } catch (err) { console.log('skipped', name, String(err.message).split('\n')[0]); }
}
// PostScript: LibreOffice prints to PDF, not PostScript, so GNU enscript (when on PATH) typesets the text.
try {
  execFileSync('enscript', ['-q', '-B', '-f', 'Times-Roman12', '--word-wrap', '-p', join(out, 'known.ps'), join(fixtures, 'known-text.txt')], { stdio: 'pipe', timeout: 60_000 });
  console.log('made known.ps');
} catch (err) {
  console.log('skipped known.ps (needs enscript)', String(err.message).split('\n')[0]);
}
// Text formats LibreOffice does not write: made from the same text here.
writeFileSync(join(out, 'known.md'), `# ${paragraphs[0]}\n\n` + paragraphs.slice(1).join('\n\n') + '\n');
writeFileSync(join(out, 'known.json'), JSON.stringify({ title: paragraphs[0], paragraphs: paragraphs.slice(1) }, null, 2) + '\n');
writeFileSync(join(out, 'known.csv'), 'paragraph,text\n' + paragraphs.map((p, i) => `${i + 1},"${p.replace(/"/g, '""')}"`).join('\n') + '\n');
rmSync(work, { recursive: true, force: true });
