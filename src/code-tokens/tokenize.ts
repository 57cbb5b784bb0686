/**
 * The tokeniser facade: source text plus language in, token stream out (tree-sitter where the
 * language has a grammar, the lexical tokeniser otherwise). Parsers are prepared once per
 * language and reused.
 */
import type { Parser } from 'web-tree-sitter';
import type { CodeToken } from '../engine/code/index.js';
import type { CodeLanguage } from './language.js';
import type { NameCollector } from './library-names.js';
import { tokenizeLexical } from './lexical-tokenizer.js';
import { parserFor, tokenizeTree } from './tree-sitter-tokenizer.js';

const parsers = new Map<string, Promise<Parser>>();

/**
 * `surface`, when given, receives the counts of the text's surface marks (grammars only; see
 * node-rules.ts); `names`, the identifiers the text uses and declares (grammars only; see
 * library-names.ts).
 */
export async function tokenizeCode(text: string, lang: CodeLanguage, surface?: Float64Array, names?: NameCollector): Promise<CodeToken[]> {
  if (!lang.grammar) return tokenizeLexical(lang, text);
  let parser = parsers.get(lang.name);
  if (!parser) {
    parser = parserFor(lang);
    parsers.set(lang.name, parser);
  }
  return tokenizeTree(await parser, lang, text, false, surface, names);
}
