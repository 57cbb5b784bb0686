import { Parser } from 'htmlparser2';

const BLOCK = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article', 'td', 'th', 'title']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head']);

/** Visible text of an HTML document, with line breaks at block elements. */
export function htmlToText(html: string): string {
  let out = '';
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name) && name !== 'head') skipDepth++;
        if (BLOCK.has(name) && !out.endsWith('\n')) out += '\n';
      },
      ontext(text) {
        if (skipDepth === 0) out += text;
      },
      onclosetag(name) {
        if (SKIP.has(name) && name !== 'head') skipDepth = Math.max(0, skipDepth - 1);
        if (BLOCK.has(name) && !out.endsWith('\n')) out += '\n';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out.replace(/[ \t\r\f\v]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
