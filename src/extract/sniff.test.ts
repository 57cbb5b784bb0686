import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { ExtractionFailure } from './failure.js';
import { DEFAULT_LIMITS } from './limits.js';
import { sniffFormat } from './sniff.js';
import type { ExtractionHint } from './types.js';

const office = new URL('../../src/extract/fixtures/office/', import.meta.url);
const sniff = (bytes: Uint8Array, hint: ExtractionHint = {}) => sniffFormat(bytes, hint, DEFAULT_LIMITS).format;
const file = (name: string) => new Uint8Array(readFileSync(new URL(name, office)));

test('sniff: binary formats are told by their bytes, whatever the name says', () => {
  const lies: ExtractionHint = { filename: 'essay.txt', mime: 'text/plain' };
  for (const [name, format] of [['known.pdf', 'pdf'], ['known.docx', 'docx'], ['known.doc', 'doc'], ['known.odt', 'odt'], ['known.odp', 'odp'],
    ['known.ods', 'ods'], ['known.pptx', 'pptx'], ['known.xlsx', 'xlsx'], ['known.epub', 'epub'], ['known.ppt', 'ppt'], ['known.xls', 'xls'],
    ['known.rtf', 'rtf'], ['known.ps', 'ps'], ['known.fodt', 'odt']]) {
    assert.equal(sniff(file(name), lies), format, name);
  }
});

test('sniff: a truncated OLE file is corrupt, not an unknown format', () => {
  const doc = file('known.doc');
  assert.throws(() => sniff(doc.subarray(0, 4096)), (err: unknown) => err instanceof ExtractionFailure && err.code === 'corrupt_file');
});

test('sniff: a zip with a code file is an archive, even when named .docx', () => {
  assert.equal(sniff(zipSync({ 'main.py': strToU8('print(1)\n') }), { filename: 'essay.docx' }), 'zip');
});

test('sniff: zip members decide the Office Open XML kind', () => {
  const types = strToU8('<?xml version="1.0"?><Types/>');
  assert.equal(sniff(zipSync({ '[Content_Types].xml': types, 'ppt/presentation.xml': strToU8('<p/>') })), 'pptx');
  assert.equal(sniff(zipSync({ '[Content_Types].xml': types, 'xl/workbook.xml': strToU8('<w/>') })), 'xlsx');
  assert.equal(sniff(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') })), 'ods');
  assert.equal(sniff(zipSync({ 'Index/Document.iwa': new Uint8Array([1, 2, 3]) }), { filename: 'talk.key' }), 'key');
  assert.equal(sniff(zipSync({ 'Index/Document.iwa': new Uint8Array([1, 2, 3]) })), 'pages');
});

test('sniff: text formats by content, with the name as a tie-break only', () => {
  assert.equal(sniff(strToU8('<!DOCTYPE html><html><body><p>x</p></body></html>'), { filename: 'a.txt' }), 'html');
  assert.equal(sniff(strToU8('<?xml version="1.0"?><article><para>x</para></article>')), 'xml');
  assert.equal(sniff(strToU8('{"title": "x"}')), 'json');
  assert.equal(sniff(strToU8('{\\rtf1\\ansi hello}'), { filename: 'a.txt' }), 'rtf');
  assert.equal(sniff(strToU8('# Heading\n\nSome text.')), 'md');
  assert.equal(sniff(strToU8('a,b\n1,2\n'), { filename: 'data.csv' }), 'csv');
  assert.equal(sniff(strToU8('a,b\n1,2\n')), 'txt');
  assert.equal(sniff(strToU8('Just words.'), { mime: 'text/html' }), 'html');
});

test('sniff: an OLE file with an EncryptedPackage stream is a password-protected Office file', () => {
  // Synthetic: the OLE magic and the stream name as the directory stores it (UTF-16LE).
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes[0x1e] = 9; // 512-byte sectors; the directory starts at sector 0
  bytes.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024);
  assert.throws(() => sniff(bytes, { filename: 'essay.docx' }), (err: unknown) => err instanceof ExtractionFailure && err.code === 'encrypted_file');
});
