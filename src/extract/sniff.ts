import { fail } from './failure.js';
import type { ExtractionLimits } from './limits.js';
import type { Sniffed } from './registry.js';
import type { ExtractionHint } from './types.js';
import { ZipContainer, isZip } from './zip-container.js';
import { utf16WithoutBom } from './text-decoding.js';

const startsWith = (bytes: Uint8Array, ...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

function extension(hint: ExtractionHint): string {
  return /\.([a-z0-9]+)$/i.exec(hint.filename ?? '')?.[1]?.toLowerCase() ?? '';
}

/** Finds a UTF-16LE stream name in an OLE compound file (the directory stores names that way). */
function hasCfbStream(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/**
 * Word 97-2003 keeps its File Information Block at the start of the WordDocument stream, which
 * begins on a 512-byte sector: magic 0xA5EC, and fEncrypted is bit 8 of the flags at offset 10.
 */
function wordFibEncrypted(bytes: Uint8Array): boolean {
  for (let p = 512; p + 12 <= bytes.length; p += 512) {
    if (bytes[p] === 0xec && bytes[p + 1] === 0xa5) return (bytes[p + 11] & 0x01) === 1;
  }
  return false;
}

const ODF_MIMES: Record<string, string> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.text-template': 'odt',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.oasis.opendocument.presentation-template': 'odp',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.spreadsheet-template': 'ods',
  'application/epub+zip': 'epub',
  'application/vnd.sun.xml.writer': 'sxw',
  'application/vnd.sun.xml.impress': 'sxi',
  'application/vnd.sun.xml.calc': 'sxc',
};

export const MIME_BY_FORMAT: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  odp: 'application/vnd.oasis.opendocument.presentation',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  epub: 'application/epub+zip',
  doc: 'application/msword',
  ppt: 'application/vnd.ms-powerpoint',
  xls: 'application/vnd.ms-excel',
  rtf: 'application/rtf',
  wpd: 'application/vnd.wordperfect',
  wps: 'application/vnd.ms-works',
  hwp: 'application/x-hwp',
  pages: 'application/vnd.apple.pages',
  key: 'application/vnd.apple.keynote',
  numbers: 'application/vnd.apple.numbers',
  sdw: 'application/vnd.stardivision.writer',
  sxw: 'application/vnd.sun.xml.writer',
  sxi: 'application/vnd.sun.xml.impress',
  sxc: 'application/vnd.sun.xml.calc',
  ps: 'application/postscript',
  zip: 'application/zip',
  txt: 'text/plain',
  html: 'text/html',
  xml: 'application/xml',
  json: 'application/json',
  csv: 'text/csv',
  md: 'text/markdown',
};

const sniffed = (format: string, zip?: ZipContainer): Sniffed => ({ format, mime: MIME_BY_FORMAT[format] ?? 'application/octet-stream', zip });

function sniffZip(bytes: Uint8Array, hint: ExtractionHint, limits: ExtractionLimits): Sniffed {
  const zip = new ZipContainer(bytes, limits);
  if (zip.has('mimetype')) {
    const mime = zip.text('mimetype')?.trim() ?? '';
    if (ODF_MIMES[mime]) return sniffed(ODF_MIMES[mime], zip);
  }
  if (zip.has('[Content_Types].xml')) {
    if (zip.has('word/document.xml')) return sniffed('docx', zip);
    if (zip.has('ppt/presentation.xml')) return sniffed('pptx', zip);
    if (zip.has('xl/workbook.xml')) return sniffed('xlsx', zip);
  }
  if (zip.has('content.xml') && zip.has('META-INF/manifest.xml')) return sniffed('odt', zip);
  if (zip.has('META-INF/container.xml') && extension(hint) === 'epub') return sniffed('epub', zip);
  // iWork: Index/Document.iwa (2013+) or index.xml/index.apxl (older); which app only the name says.
  if (zip.entries.some((e) => /^Index\/Document\.iwa$|^index\.(xml|apxl)$/.test(e.name))) {
    const ext = extension(hint);
    return sniffed(ext === 'key' || ext === 'numbers' ? ext : 'pages', zip);
  }
  return sniffed('zip', zip);
}

/** An OLE file whose directory sector (named in its header) lies past the end was cut short. */
function cfbTruncated(bytes: Uint8Array): boolean {
  if (bytes.length < 512) return true;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorSize = 1 << view.getUint16(0x1e, true);
  const directoryStart = view.getUint32(0x30, true);
  return sectorSize < 128 || sectorSize > 65536 || 512 + (directoryStart + 1) * sectorSize > bytes.length;
}

function sniffCfb(bytes: Uint8Array, hint: ExtractionHint): Sniffed {
  if (cfbTruncated(bytes)) fail('corrupt_file', 'corrupt: the OLE compound file (DOC, XLS, PPT, ...) is truncated');
  if (hasCfbStream(bytes, 'EncryptedPackage') || hasCfbStream(bytes, 'EncryptionInfo')) {
    fail('encrypted_file', 'encrypted: the Office file is password-protected');
  }
  if (hasCfbStream(bytes, 'WordDocument')) {
    if (wordFibEncrypted(bytes)) fail('encrypted_file', 'encrypted: the Word document is password-protected');
    return sniffed('doc');
  }
  if (hasCfbStream(bytes, 'PowerPoint Document')) return sniffed('ppt');
  if (hasCfbStream(bytes, 'Workbook') || hasCfbStream(bytes, 'Book')) return sniffed('xls');
  if (hasCfbStream(bytes, 'HwpSummaryInformation') || hasCfbStream(bytes, 'BodyText')) return sniffed('hwp');
  if (hasCfbStream(bytes, 'StarWriterDocument')) return sniffed('sdw');
  if (hasCfbStream(bytes, 'MatOST') || extension(hint) === 'wps') return sniffed('wps');
  fail('unsupported_format', 'unsupported: an OLE compound file that is not a Word, PowerPoint, Excel, Works, StarWriter or HWP document');
}

/** The text formats, told apart by content first and by the name or MIME type only as a tie-break. */
function sniffText(head: string, hint: ExtractionHint): Sniffed {
  const ext = extension(hint);
  const mime = (hint.mime ?? '').toLowerCase();
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (/^\{\\rtf/.test(start)) return sniffed('rtf');
  if (/^(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(start)) return sniffed('html');
  if (/^<\?xml|^<[a-zA-Z_][\w.:-]*[\s>]/.test(start)) {
    // Flat OpenDocument (.fodt, .fodp, .fods): one XML file, read like the zipped kind.
    const flat = /<office:document[^>]*office:mimetype="([^"]+)"/.exec(start.slice(0, 4096));
    if (flat && ODF_MIMES[flat[1]] && /^od[tps]$/.test(ODF_MIMES[flat[1]])) return sniffed(ODF_MIMES[flat[1]]);
    if (/<html[\s>]/i.test(start.slice(0, 2048)) || ext === 'html' || ext === 'htm' || ext === 'xhtml' || mime.includes('html')) return sniffed('html');
    return sniffed('xml');
  }
  if (/^[[{]/.test(start) && (ext === 'json' || mime.includes('json') || /^\{\s*"|^\[\s*[[{"\d-]/.test(start))) return sniffed('json');
  if (ext === 'csv' || mime === 'text/csv' || ext === 'tsv' || mime === 'text/tab-separated-values') return sniffed('csv');
  if (ext === 'md' || ext === 'markdown' || mime === 'text/markdown' || /^#{1,6} \S/m.test(start.slice(0, 4096))) return sniffed('md');
  if (/html/.test(mime) || ext === 'html' || ext === 'htm') return sniffed('html');
  return sniffed('txt');
}

function looksBinary(bytes: Uint8Array): boolean {
  // A byte-order mark means text, whatever the bytes after it look like (UTF-16 Cyrillic is full of 0x04).
  if (startsWith(bytes, 0xef, 0xbb, 0xbf) || startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) return false;
  // So does UTF-16 without one: its NULs fall on one parity only.
  if (utf16WithoutBom(bytes)) return false;
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) zeros++;
    else if (b < 8 || (b > 13 && b < 27) || (b > 27 && b < 32)) control++;
  }
  // UTF-16 text has many zeros but few other control bytes.
  if (zeros > 0 && zeros < n * 0.3) return true;
  return n > 0 && control / n > 0.05;
}

/**
 * Finds the real format from the bytes: magic numbers, zip members, OLE stream names. The file
 * name and declared MIME type never decide alone; they only separate iWork apps and text formats
 * that the bytes cannot tell apart.
 */
export function sniffFormat(bytes: Uint8Array, hint: ExtractionHint, limits: ExtractionLimits): Sniffed {
  const head = ascii(bytes, 0, 1024);
  if (head.includes('%PDF-')) return sniffed('pdf');
  if (isZip(bytes)) return sniffZip(bytes, hint, limits);
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return sniffCfb(bytes, hint);
  if (startsWith(bytes, 0xff, 0x57, 0x50, 0x43)) return sniffed('wpd');
  if (head.startsWith('HWP Document File')) return sniffed('hwp');
  if (head.startsWith('%!PS') || startsWith(bytes, 0xc5, 0xd0, 0xd3, 0xc6)) return sniffed('ps');
  if (head.startsWith('Rar!') || startsWith(bytes, 0x1f, 0x8b) || startsWith(bytes, 0x37, 0x7a, 0xbc, 0xaf) || head.startsWith('BZh')) {
    fail('unsupported_format', 'unsupported: only zip archives are accepted (this is rar, gzip, 7z or bzip2)');
  }
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || startsWith(bytes, 0xff, 0xd8, 0xff) || head.startsWith('GIF8') || head.startsWith('II*\0') || head.startsWith('MM\0*')) {
    fail('unsupported_format', 'unsupported: an image has no text to check (OCR is not supported)');
  }
  if (looksBinary(bytes)) fail('unsupported_format', 'unsupported: unrecognised binary file format');
  return sniffText(ascii(bytes, 0, 8192).replace(/\0/g, ''), hint);
}
