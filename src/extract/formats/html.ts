import { Parser } from 'htmlparser2';
import { decodeText } from '../text-decoding.js';
import type { Extractor, RawExtraction } from '../registry.js';
import { TextBuilder } from '../text-builder.js';
import type { ExtractionLimits } from '../limits.js';

const BLOCK = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article', 'td', 'th', 'title', 'dt', 'dd', 'figcaption', 'caption', 'header', 'footer', 'aside', 'nav', 'main', 'hr', 'table', 'ul', 'ol']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'object', 'iframe']);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);
/** Inline styles that hide text from a reader while it stays in the file. */
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*(0|0?\.\d+)(px|pt|em|rem)?\s*(;|$)|(^|;|\s)color\s*:\s*(#fff(fff)?|white|rgb\(\s*255\s*,\s*255\s*,\s*255\s*\))\s*(;|$)|opacity\s*:\s*0(\.0+)?\s*(;|$)/i;

export interface HtmlText {
  blocks: string[];
  hidden: string[];
}

/** Visible text of an HTML document split at block elements, plus the text hidden by inline styles. */
export function htmlBlocks(html: string): HtmlText {
  const blocks: string[] = [];
  const hidden: string[] = [];
  let current = '';
  let hiddenRun = '';
  let skipDepth = 0;
  const hiddenStack: boolean[] = [];
  const flush = (): void => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) blocks.push(t);
    current = '';
  };
  const flushHidden = (): void => {
    if (hiddenRun.trim()) hidden.push(hiddenRun.replace(/\s+/g, ' ').trim());
    hiddenRun = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) skipDepth++;
        if (BLOCK.has(name)) flush();
        if (!VOID.has(name)) {
          const parentHidden = hiddenStack.length > 0 && hiddenStack[hiddenStack.length - 1];
          const hides = 'hidden' in attrs || HIDING_STYLE.test(attrs.style ?? '');
          if (hides && !parentHidden) flushHidden();
          hiddenStack.push(parentHidden || hides);
        }
      },
      ontext(text) {
        if (skipDepth > 0) return;
        current += text;
        if (hiddenStack.length > 0 && hiddenStack[hiddenStack.length - 1]) hiddenRun += text;
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (BLOCK.has(name)) flush();
        if (!VOID.has(name)) {
          const was = hiddenStack.pop();
          if (was && !(hiddenStack.length > 0 && hiddenStack[hiddenStack.length - 1])) flushHidden();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  flushHidden();
  return { blocks, hidden };
}

/** Visible text of an HTML document as one string, a line per block. */
export function htmlToText(html: string): string {
  return htmlBlocks(html).blocks.join('\n');
}

export function htmlExtraction(html: string, limits: ExtractionLimits): RawExtraction {
  const { blocks, hidden } = htmlBlocks(html);
  const builder = new TextBuilder(limits);
  for (const block of blocks) builder.add(block);
  return { text: builder.text, blocks: builder.blocks, pages: 1, hidden };
}

export const htmlExtractor: Extractor = {
  formats: ['html'],
  async extract(bytes, ctx) {
    return htmlExtraction(decodeText(bytes), ctx.limits);
  },
};
