/**
 * The lexical tokeniser, for languages without a grammar and for plain text: comments are
 * dropped, strings and numbers become `LIT`, words `ID` (keywords keep their spelling, lower
 * case), operators their spelling; brackets and separators vanish. Plain text keeps every word
 * (lower case), since it has no keywords to tell its structure.
 */
import type { CodeToken } from '../engine/code/index.js';
import type { CodeLanguage } from './language.js';

const SEPARATORS = new Set([';', ',', '(', ')', '{', '}', '[', ']', '.', ':']);

export function tokenizeLexical(lang: CodeLanguage, text: string): CodeToken[] {
  const rules = lang.lexical ?? { lineComments: [], blockComments: [], keywords: [] };
  const keywords = new Set(rules.keywords);
  const out: CodeToken[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const push = (kind: string, at: number, end?: number) =>
    out.push(end === undefined ? { kind, line, column: at - lineStart + 1 } : { kind, line, column: at - lineStart + 1, value: text.slice(at, Math.min(end, at + 200)) });
  const advanceTo = (end: number) => {
    for (; i < end; i++) if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
  };
  outer: while (i < text.length) {
    const c = text[i];
    if (c === '\n' || /\s/.test(c)) { advanceTo(i + 1); continue; }
    for (const [open, close] of rules.blockComments) {
      if (text.startsWith(open, i)) {
        const end = text.indexOf(close, i + open.length);
        advanceTo(end < 0 ? text.length : end + close.length);
        continue outer;
      }
    }
    for (const p of rules.lineComments) {
      if (text.startsWith(p, i)) {
        const end = text.indexOf('\n', i);
        advanceTo(end < 0 ? text.length : end);
        continue outer;
      }
    }
    const start = i;
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      push('LIT', start, j + 1);
      advanceTo(Math.min(j + 1, text.length));
      continue;
    }
    const word = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(text.slice(i, i + 200));
    if (word) {
      const w = word[0].toLowerCase();
      push(keywords.has(w) || rules.keepWords ? w : 'ID', start);
      advanceTo(i + word[0].length);
      continue;
    }
    const num = /^\d[\d_]*(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 100));
    if (num) {
      push('LIT', start, i + num[0].length);
      advanceTo(i + num[0].length);
      continue;
    }
    const op = /^(==|!=|<=|>=|&&|\|\||<-|->|\+\+|--|[+\-*/%<>=!&|^~])/.exec(text.slice(i, i + 3));
    if (op) push(op[0], start);
    else if (!SEPARATORS.has(c) && !/\s/.test(c)) push(c, start);
    advanceTo(i + (op ? op[0].length : 1));
  }
  return out;
}
