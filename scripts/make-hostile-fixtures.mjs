#!/usr/bin/env node
// Makes the broken, hostile and signal fixtures under src/extract/fixtures/{hostile,signals,archives}/.
// Usage: node scripts/make-hostile-fixtures.mjs   (LibreOffice, when on PATH, makes the encrypted PDF
// and the hidden-text office files; the rest is written here byte by byte).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, readdirSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync as fflateZip, unzipSync, zlibSync, strToU8 } from 'fflate';

// A fixed member time, so the zip fixtures come out byte-identical on every run.
const zipSync = (files, options = {}) => fflateZip(files, { mtime: new Date('2026-01-01T00:00:00Z'), ...options });

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'src/extract/fixtures');
const hostile = join(fixtures, 'hostile');
const signals = join(fixtures, 'signals');
const archives = join(fixtures, 'archives');
for (const d of [hostile, signals, archives]) mkdirSync(d, { recursive: true });
const office = (name) => readFileSync(join(fixtures, 'office', name));
const put = (dir, name, data) => { writeFileSync(join(dir, name), data); console.log('made', join(dir.slice(fixtures.length + 1), name)); };

// A deterministic byte stream (xorshift), so the fixtures are the same on every run.
function noise(n, seed = 42) {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; out[i] = x & 0xff; }
  return out;
}

/** A 2x2 RGB PNG (black and white checks), written chunk by chunk with its CRCs. */
function png2x2() {
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0); body.copy(out, 4); out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0); ihdr.writeUInt32BE(2, 4); ihdr[8] = 8; ihdr[9] = 2;
  const raw = new Uint8Array([0, 0, 0, 0, 255, 255, 255, 0, 255, 255, 255, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

/** A minimal PDF: pages drawn by the given content streams, Helvetica as F1, an optional 2x2 image as Im1. */
function makePdf(pageContents, mediaBox = '0 0 612 792') {
  const objects = [];
  const add = (body) => { objects.push(body); return objects.length; };
  const catalog = add(null);
  const pagesId = add(null);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const pixels = zlibSync(new Uint8Array([0, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0]));
  const image = add({ dict: `<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>`, data: pixels });
  const kids = [];
  for (const content of pageContents) {
    const data = zlibSync(strToU8(content));
    const stream = add({ dict: `<< /Length ${data.length} /Filter /FlateDecode >>`, data });
    kids.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [${mediaBox}] /Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const parts = [strToU8('%PDF-1.4\n')];
  let length = parts[0].length;
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunks = typeof body === 'string'
      ? [strToU8(`${i + 1} 0 obj\n${body}\nendobj\n`)]
      : [strToU8(`${i + 1} 0 obj\n${body.dict}\nstream\n`), body.data, strToU8('\nendstream\nendobj\n')];
    for (const c of chunks) { parts.push(c); length += c.length; }
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(strToU8(xref));
  return Buffer.concat(parts.map((p) => Buffer.from(p)));
}
const textOp = (s, y = 700) => `BT /F1 12 Tf 0 Tr 72 ${y} Td (${s}) Tj ET\n`;
const imageOp = 'q 200 0 0 200 72 400 cm /Im1 Do Q\n';

// Broken files.
put(hostile, 'empty.txt', new Uint8Array(0));
put(hostile, 'whitespace.txt', '   \n\t\n   \n');
put(hostile, 'random-bytes.pdf', noise(4096));
put(hostile, 'garbage-after-header.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(noise(4096, 7))]));
put(hostile, 'truncated.pdf', office('known.pdf').subarray(0, 3000));
put(hostile, 'truncated.docx', office('known.docx').subarray(0, Math.floor(office('known.docx').length / 2)));
put(hostile, 'broken-xml.docx', zipSync({ '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'), 'word/document.xml': strToU8('<w:document><w:body><w:p><w:r><w:t>unclosed') }));
put(hostile, 'image.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(noise(200, 3))]));
put(hostile, 'invalid.json', '{"title": "An essay", "paragraphs": ["first",');

// An EPUB whose chapters are encrypted (DRM): the LibreOffice-made EPUB plus an encryption.xml naming them.
const epub = unzipSync(office('known.epub'));
const chapters = Object.keys(epub).filter((n) => /\.x?html$/.test(n));
epub['META-INF/encryption.xml'] = strToU8('<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">' +
  chapters.map((c) => `<enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><enc:CipherData><enc:CipherReference URI="${c}"/></enc:CipherData></enc:EncryptedData>`).join('') + '</encryption>');
put(hostile, 'drm.epub', zipSync({ mimetype: [epub.mimetype, { level: 0 }], ...Object.fromEntries(Object.entries(epub).filter(([n]) => n !== 'mimetype')) }));

// Image-only pages and gigantic pages.
put(hostile, 'image-only.pdf', makePdf([imageOp, imageOp]));
put(signals, 'text-then-image.pdf', makePdf([textOp('The first page has words on it.'), imageOp]));
put(signals, 'invisible-render-mode.pdf', makePdf([textOp('Visible words about lighthouses.') + 'BT /F1 12 Tf 3 Tr 72 650 Td (invisible copied words) Tj ET\n' + textOp('More visible words.', 600)]));
// A 200 x 200 inch page (the largest PDF allows) holding 5 million characters.
put(hostile, 'gigantic-page.pdf', makePdf([`BT /F1 5 Tf 10 14390 Td 6 TL ${`(${'word '.repeat(500)}) Tj T*\n`.repeat(2000)} ET\n`], '0 0 14400 14400'));

// Hostile archives.
put(hostile, 'zip-bomb.zip', zipSync({ 'essay.txt': new Uint8Array(50 * 1024 * 1024) }, { level: 9 }));
let nested = zipSync({ 'deep.py': strToU8('print("deep")\n') });
for (let i = 0; i < 5; i++) nested = zipSync({ [`level${5 - i}.zip`]: nested });
put(hostile, 'nested-archives.zip', nested);
put(hostile, 'path-traversal.zip', zipSync({ 'src/ok.py': strToU8('print("ok")\n'), '../../etc/evil.py': strToU8('print("escaped")\n') }));
const encrypted = Buffer.from(zipSync({ 'main.py': strToU8('print("secret")\n') }, { level: 0 }));
encrypted.writeUInt16LE(encrypted.readUInt16LE(6) | 1, 6); // local header flag: encrypted
const central = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
encrypted.writeUInt16LE(encrypted.readUInt16LE(central + 8) | 1, central + 8);
put(hostile, 'encrypted.zip', encrypted);
put(hostile, 'only-binaries.zip', zipSync({ 'a.exe': noise(300, 5), 'b.png': noise(300, 6), 'node_modules/x/index.js': strToU8('module.exports = 1;\n') }));

// A source archive: code kept, dependencies, VCS, build output and binaries skipped.
put(archives, 'submission.zip', zipSync({
  'project/src/main.py': strToU8('from util import mean\n\n\ndef main():\n    print(mean([1, 2, 3]))\n\n\nif __name__ == "__main__":\n    main()\n'),
  'project/src/util.py': strToU8('def mean(values):\n    return sum(values) / len(values)\n'),
  'project/web/app.js': strToU8("export function greet(name) {\n  return `Hello, ${name}`;\n}\n"),
  'project/README.md': strToU8('# Mean\n\nComputes a mean.\n'),
  'project/node_modules/left-pad/index.js': strToU8('module.exports = function leftPad() {};\n'),
  'project/.git/config': strToU8('[core]\n\trepositoryformatversion = 0\n'),
  'project/dist/bundle.js': strToU8('var a=1;\n'),
  'project/logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from(noise(500, 9))]),
  'project/data.bin.txt': Buffer.concat([Buffer.from('text'), Buffer.from([0, 1, 2, 3])]),
  'project/big.py': strToU8('# ' + Buffer.from(noise(3000, 11)).toString('hex') + '\n'), // over the test's 4 KiB file limit
  'project/lib/inner.zip': zipSync({ 'helper.py': strToU8('def helper():\n    return 42\n') }),
}));

// Text in legacy encodings, to be detected.
const encodings = join(fixtures, 'encodings');
mkdirSync(encodings, { recursive: true });
const iconv = (await import('iconv-lite')).default;
const french = 'Le gardien du phare écrivait chaque soir dans son carnet : la météo, les navires qui passaient, les oiseaux réfugiés sur la rambarde pendant les tempêtes. Son frère, professeur de mathématiques, lui répondait par des énigmes.\n';
const german = 'Die Leuchtturmwärterin führte ein Notizbuch über das Wetter, die vorüberfahrenden Schiffe und die Vögel, die während der Stürme auf dem Geländer rasteten. Jeden Morgen stieg sie hundertzwölf Stufen hinauf.\n';
const russian = 'Смотритель маяка каждый вечер записывал в тетрадь погоду, проходящие корабли и птиц, которые отдыхали на перилах во время штормов. Его брат, учитель математики, отвечал ему загадками.\n';
put(encodings, 'french-windows-1252.txt', iconv.encode(french, 'windows-1252'));
put(encodings, 'german-iso-8859-1.txt', iconv.encode(german, 'iso-8859-1'));
put(encodings, 'russian-windows-1251.txt', iconv.encode(russian, 'windows-1251'));
put(encodings, 'russian-koi8-r.txt', iconv.encode(russian, 'koi8-r'));
put(encodings, 'german-utf-16le-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(german, 'utf-16le')]));
put(encodings, 'french-utf-16le.txt', iconv.encode(french, 'utf-16le'));
put(encodings, 'russian-utf-16be-bom.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(russian, 'utf-16be')]));
put(encodings, 'french.txt.expected', french);
put(encodings, 'german.txt.expected', german);
put(encodings, 'russian.txt.expected', russian);

// Integrity signals: look-alike letters, zero-width characters, hidden HTML.
const lookalike = 'The student wrote this раper about plagia\u200Brism and its detection in universities.'; // Cyrillic р, а
put(signals, 'replaced-characters.txt', lookalike + '\n');
put(signals, 'hidden.html', `<!doctype html><html><body><p>Visible words about lighthouses and their keepers.</p>
<p style="color:#ffffff">white filler words nobody sees</p><span style="display:none">hidden span text</span>
<p>Another visible paragraph about the sea.</p><div hidden>attribute hidden text</div></body></html>\n`);

// Office files with hidden text, made by LibreOffice from a flat ODT.
const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"';
const hiddenFodt = `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">` +
  '<office:automatic-styles><style:style style:name="White" style:family="text"><style:text-properties fo:color="#ffffff"/></style:style>' +
  '<style:style style:name="Tiny" style:family="text"><style:text-properties fo:font-size="1pt"/></style:style>' +
  '<style:style style:name="Hidden" style:family="text"><style:text-properties text:display="none"/></style:style></office:automatic-styles>' +
  '<office:body><office:text><text:p>Visible words about lighthouses and their keepers.</text:p>' +
  '<text:p>Between <text:span text:style-name="White">white filler words</text:span> the sea.</text:p>' +
  '<text:p>Small <text:span text:style-name="Tiny">tiny invisible remark</text:span> print.</text:p>' +
  '<text:p>Some <text:span text:style-name="Hidden">hidden span text</text:span> remains.</text:p></office:text></office:body></office:document>\n';
let soffice = true;
try { execFileSync('soffice', ['--version'], { stdio: 'pipe' }); } catch { soffice = false; }
if (soffice) {
  const work = mkdtempSync(join(tmpdir(), 'origo-hostile-'));
  writeFileSync(join(work, 'hidden.fodt'), hiddenFodt);
  const convert = (source, target, name, dir) => {
    const out = join(work, 'out-' + name.replace(/\W/g, '_'));
    mkdirSync(out);
    execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--norestore', '--convert-to', target, '--outdir', out, join(work, source)], { stdio: 'pipe', timeout: 120_000 });
    copyFileSync(join(out, readdirSync(out)[0]), join(dir, name));
    console.log('made', name);
  };
  convert('hidden.fodt', 'odt', 'hidden.odt', signals);
  convert('hidden.fodt', 'docx:MS Word 2007 XML', 'hidden.docx', signals);
  convert('hidden.fodt', 'pdf', 'hidden.pdf', signals);
  // A hidden slide and a hidden sheet among visible ones.
  const NS2 = NS + ' xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"' +
    ' xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"';
  const box = (t) => `<draw:frame svg:x="1cm" svg:y="2cm" svg:width="20cm" svg:height="5cm"><draw:text-box><text:p>${t}</text:p></draw:text-box></draw:frame>`;
  writeFileSync(join(work, 'hidden-slide.fodp'), `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${NS2} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.presentation">` +
    '<office:automatic-styles><style:style style:name="dpHidden" style:family="drawing-page"><style:drawing-page-properties presentation:visibility="hidden"/></style:style></office:automatic-styles>' +
    `<office:body><office:presentation><draw:page draw:name="One">${box('Visible slide about lighthouses.')}</draw:page>` +
    `<draw:page draw:name="Two" draw:style-name="dpHidden">${box('Hidden slide with copied words.')}</draw:page>` +
    `<draw:page draw:name="Three">${box('Another visible slide about the sea.')}</draw:page></office:presentation></office:body></office:document>\n`);
  writeFileSync(join(work, 'hidden-sheet.fods'), `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${NS2} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">` +
    '<office:automatic-styles><style:style style:name="taHidden" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>' +
    '<office:body><office:spreadsheet><table:table table:name="Visible"><table:table-row><table:table-cell office:value-type="string"><text:p>Visible sheet about lighthouses.</text:p></table:table-cell></table:table-row></table:table>' +
    '<table:table table:name="Hidden" table:style-name="taHidden"><table:table-row><table:table-cell office:value-type="string"><text:p>Hidden sheet with copied words.</text:p></table:table-cell></table:table-row></table:table>' +
    '</office:spreadsheet></office:body></office:document>\n');
  // Slide 2 holds only a picture (a 2x2 PNG embedded in the flat XML).
  writeFileSync(join(work, 'picture-slide.fodp'), `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${NS2} xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.presentation">` +
    `<office:body><office:presentation><draw:page draw:name="One">${box('A slide with words about lighthouses.')}</draw:page>` +
    `<draw:page draw:name="Two"><draw:frame svg:x="2cm" svg:y="2cm" svg:width="10cm" svg:height="10cm"><draw:image><office:binary-data>${png2x2().toString('base64')}</office:binary-data></draw:image></draw:frame></draw:page>` +
    `<draw:page draw:name="Three">${box('The last slide has words again.')}</draw:page></office:presentation></office:body></office:document>\n`);
  convert('picture-slide.fodp', 'odp', 'picture-slide.odp', signals);
  convert('picture-slide.fodp', 'pptx:Impress MS PowerPoint 2007 XML', 'picture-slide.pptx', signals);
  convert('hidden-slide.fodp', 'odp', 'hidden-slide.odp', signals);
  convert('hidden-slide.fodp', 'pptx:Impress MS PowerPoint 2007 XML', 'hidden-slide.pptx', signals);
  convert('hidden-sheet.fods', 'ods', 'hidden-sheet.ods', signals);
  convert('hidden-sheet.fods', 'xlsx:Calc MS Excel 2007 XML', 'hidden-sheet.xlsx', signals);
  writeFileSync(join(work, 'secret.fodt'), hiddenFodt);
  convert('secret.fodt', 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}', 'encrypted.pdf', hostile);
  // Password-protected ODT and DOC: only LibreOffice's UNO API can save with a password (python3-uno).
  try {
    execFileSync('/usr/bin/python3', [join(root, 'scripts/save-with-password.py'), join(work, 'uno-profile'), 'secret', join(fixtures, 'office/known.odt'),
      `${join(hostile, 'encrypted.odt')}:writer8`, `${join(hostile, 'encrypted.doc')}:MS Word 97`], { stdio: 'inherit', timeout: 180_000 });
  } catch (err) {
    console.log('encrypted.odt and encrypted.doc not made (needs python3-uno):', String(err.message).split('\n')[0]);
  }
  rmSync(work, { recursive: true, force: true });
} else {
  console.log('soffice not on PATH: hidden.odt, hidden.docx, hidden.pdf and encrypted.pdf not made');
}
