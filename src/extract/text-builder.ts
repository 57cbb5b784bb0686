import { fail } from './failure.js';
import type { ExtractionLimits } from './limits.js';
import type { TextBlock } from './types.js';

type Where = Omit<TextBlock, 'offset' | 'length'>;

/**
 * Assembles extracted text block by block and keeps the offset map. Blocks are separated by one
 * newline, pages by a blank line. Enforces the text and page size limits as it goes, so a
 * gigantic page fails before it fills memory.
 */
export class TextBuilder {
  readonly blocks: TextBlock[] = [];
  private readonly parts: string[] = [];
  private length = 0;
  private paragraphs = 0;
  private currentPage: number | undefined;
  private pageChars = 0;

  constructor(private readonly limits: ExtractionLimits) {}

  /** Appends one paragraph (or line, cell, text run). Blank text is ignored. */
  add(text: string, where: Where = {}): void {
    const trimmed = text.replace(/[ \t\r\f\v]+$/gm, '').replace(/^\n+|\n+$/g, '');
    if (!/\S/.test(trimmed)) return;
    const newPage = where.page !== undefined && where.page !== this.currentPage;
    if (this.length > 0) this.push(newPage ? '\n\n' : '\n');
    if (newPage) {
      this.currentPage = where.page;
      this.pageChars = 0;
    }
    this.paragraphs++;
    this.pageChars += trimmed.length;
    if (where.page !== undefined && this.pageChars > this.limits.maxPageChars) {
      fail('too_large', `too large: page ${where.page} holds more than ${this.limits.maxPageChars} characters (gigantic page)`);
    }
    this.blocks.push({ offset: this.length, length: trimmed.length, ...where, paragraph: where.paragraph ?? this.paragraphs });
    this.push(trimmed);
  }

  /** Appends a whole file as one block, keeping its lines and indentation (source code). */
  addVerbatim(text: string, where: Where = {}): void {
    const body = text.replace(/\s+$/, '');
    if (!/\S/.test(body)) return;
    if (this.length > 0) this.push('\n\n');
    this.paragraphs++;
    this.blocks.push({ offset: this.length, length: body.length, ...where, paragraph: where.paragraph ?? this.paragraphs });
    this.push(body);
  }

  get text(): string {
    return this.parts.join('');
  }

  private push(s: string): void {
    this.length += s.length;
    if (this.length > this.limits.maxTextChars) fail('too_large', `too large: more than ${this.limits.maxTextChars} characters of text`);
    this.parts.push(s);
  }
}
