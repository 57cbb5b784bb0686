import type { Extraction, ExtractionHint, ExtractionOutcome, TextBlock } from './types.js';
import { emptySignals } from './types.js';
import { decodeText } from './text-decoding.js';
import { htmlToText } from './html.js';

function looksLikeHtml(head: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<p[\s>]|<div[\s>])/i.test(head);
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

function paragraphBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let offset = 0;
  let line = 1;
  for (const part of text.split('\n')) {
    if (part.trim()) blocks.push({ offset, length: part.length, line });
    offset += part.length + 1;
    line++;
  }
  return blocks;
}

function build(format: string, mime: string, text: string): Extraction {
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  const sentences = text.split(/[.!?。！？]+(?:\s|$)/u).filter((s) => s.trim()).length;
  return {
    format,
    mime,
    text,
    blocks: paragraphBlocks(text),
    counts: { characters: text.length, words, sentences, pages: 1 },
    language: 'und',
    signals: emptySignals(),
  };
}

/**
 * Turns uploaded bytes into text. The real type is sniffed from the bytes; the name and the
 * declared MIME type only break ties between text formats.
 */
export async function extractDocument(bytes: Uint8Array, hint: ExtractionHint = {}): Promise<ExtractionOutcome> {
  if (bytes.length === 0) return { ok: false, code: 'no_text', reason: 'the file is empty' };
  if (looksBinary(bytes)) {
    return { ok: false, code: 'unsupported_format', reason: 'unsupported: binary file format is not supported' };
  }
  const text = decodeText(bytes);
  const declaredHtml = /html/i.test(hint.mime ?? '') || /\.x?html?$/i.test(hint.filename ?? '');
  const extraction = declaredHtml || looksLikeHtml(text.slice(0, 512))
    ? build('html', 'text/html', htmlToText(text))
    : build('txt', 'text/plain', text);
  if (!/[\p{L}\p{N}]/u.test(extraction.text)) return { ok: false, code: 'no_text', reason: 'the file contains no text' };
  return { ok: true, extraction };
}
