/**
 * The language registry: plain objects, one per language (see `language.ts`). Languages whose
 * grammar `tree-sitter-wasms` 0.1.13 does not ship or cannot parse reliably (Haskell, R, SQL,
 * MATLAB/Octave, Lua) and plain text use the lexical tokeniser.
 */
import type { CodeLanguage } from './language.js';

const C_LIKE_KEYWORDS = ['if', 'else', 'for', 'while', 'do', 'return', 'break', 'continue', 'switch', 'case'];

export const LANGUAGES: readonly CodeLanguage[] = [
  { name: 'java', extensions: ['.java'], grammar: 'tree-sitter-java.wasm' },
  { name: 'python', extensions: ['.py', '.pyw'], grammar: 'tree-sitter-python.wasm' },
  { name: 'c', extensions: ['.c', '.h'], grammar: 'tree-sitter-c.wasm' },
  {
    name: 'cpp', extensions: ['.cpp', '.cc', '.cxx', '.hpp', '.hh', '.hxx', '.c++'], grammar: 'tree-sitter-cpp.wasm',
    // Template arguments are types (`max<int>(a, b)`, `vector<int>(n)`): they vanish as types do,
    // and the templated name reads as its bare name. The C++ grammar wraps conditions and
    // subscripts in nodes the C grammar has not (`condition_clause`, `subscript_argument_list`):
    // they are read through, so C-style code reads the same in a .c and a .cpp file.
    skip: ['template_argument_list'],
    transparent: ['template_function', 'template_method', 'condition_clause', 'subscript_argument_list'],
    constructsInBlocks: true,
  },
  { name: 'csharp', extensions: ['.cs'], grammar: 'tree-sitter-c_sharp.wasm' },
  { name: 'javascript', extensions: ['.js', '.mjs', '.cjs', '.jsx'], grammar: 'tree-sitter-javascript.wasm' },
  { name: 'typescript', extensions: ['.ts', '.mts', '.cts', '.tsx'], grammar: 'tree-sitter-tsx.wasm' },
  { name: 'go', extensions: ['.go'], grammar: 'tree-sitter-go.wasm' },
  { name: 'php', extensions: ['.php'], grammar: 'tree-sitter-php.wasm', transparent: ['php_tag'] },
  { name: 'ruby', extensions: ['.rb'], grammar: 'tree-sitter-ruby.wasm' },
  { name: 'kotlin', extensions: ['.kt', '.kts'], grammar: 'tree-sitter-kotlin.wasm' },
  { name: 'swift', extensions: ['.swift'], grammar: 'tree-sitter-swift.wasm' },
  { name: 'rust', extensions: ['.rs'], grammar: 'tree-sitter-rust.wasm' },
  { name: 'scala', extensions: ['.scala', '.sc'], grammar: 'tree-sitter-scala.wasm' },
  { name: 'bash', extensions: ['.sh', '.bash'], grammar: 'tree-sitter-bash.wasm' },
  // The Lua grammar of tree-sitter-wasms 0.1.13 parses the first file cleanly and every later
  // one with errors (its external scanner keeps state across parses), so Lua is read lexically.
  {
    name: 'lua',
    extensions: ['.lua'],
    grammar: null,
    lexical: {
      lineComments: ['--'],
      blockComments: [['--[[', ']]']],
      keywords: ['and', 'break', 'do', 'else', 'elseif', 'end', 'for', 'function', 'if', 'in', 'local', 'not', 'or', 'repeat', 'return', 'then', 'until', 'while'],
    },
  },
  { name: 'html', extensions: ['.html', '.htm'], grammar: 'tree-sitter-html.wasm' },
  { name: 'css', extensions: ['.css'], grammar: 'tree-sitter-css.wasm', declarations: [] },
  {
    name: 'haskell',
    extensions: ['.hs', '.lhs'],
    grammar: null,
    lexical: {
      lineComments: ['--'],
      blockComments: [['{-', '-}']],
      keywords: ['case', 'class', 'data', 'deriving', 'do', 'else', 'if', 'import', 'in', 'instance', 'let', 'module', 'newtype', 'of', 'then', 'type', 'where'],
    },
  },
  {
    name: 'r',
    extensions: ['.r'],
    grammar: null,
    lexical: { lineComments: ['#'], blockComments: [], keywords: [...C_LIKE_KEYWORDS, 'function', 'repeat', 'in', 'next'] },
  },
  {
    name: 'sql',
    extensions: ['.sql'],
    grammar: null,
    lexical: {
      lineComments: ['--'],
      blockComments: [['/*', '*/']],
      keywords: ['select', 'from', 'where', 'join', 'inner', 'left', 'right', 'outer', 'on', 'group', 'by', 'order', 'having', 'insert', 'into', 'values', 'update', 'set', 'delete', 'create', 'table', 'and', 'or', 'not', 'in', 'as', 'distinct', 'count', 'sum', 'avg', 'min', 'max', 'union', 'limit'],
    },
  },
  {
    name: 'matlab',
    extensions: ['.m'],
    grammar: null,
    lexical: { lineComments: ['%'], blockComments: [['%{', '%}']], keywords: [...C_LIKE_KEYWORDS, 'end', 'function', 'elseif', 'otherwise'] },
  },
  { name: 'text', extensions: ['.txt'], grammar: null, lexical: { lineComments: [], blockComments: [], keywords: [], keepWords: true } },
];

const byName = new Map(LANGUAGES.map((l) => [l.name, l]));
const aliases: Record<string, string> = { 'c++': 'cpp', 'c#': 'csharp', js: 'javascript', ts: 'typescript', py: 'python', octave: 'matlab', sh: 'bash', plain: 'text' };

/** The language called `name` (case-insensitive, common aliases accepted), or undefined. */
export function languageByName(name: string): CodeLanguage | undefined {
  const n = name.toLowerCase();
  return byName.get(aliases[n] ?? n);
}

/** The language of a file, detected by its extension, or undefined when none claims it. */
export function detectLanguage(path: string): CodeLanguage | undefined {
  const m = /(\.[^./\\]+)$/.exec(path.toLowerCase());
  if (!m) return undefined;
  return LANGUAGES.find((l) => l.extensions.includes(m[1]));
}

/**
 * The language of each file of one submission. As `detectLanguage`, except that a `.h` header in
 * a submission with C++ sources is C++: the sources that include it are, and read as C its
 * classes, access labels and references parse as errors (`public:` became a label statement).
 */
export function submissionLanguages(paths: readonly string[]): (CodeLanguage | undefined)[] {
  const langs = paths.map(detectLanguage);
  if (!langs.some((l) => l?.name === 'cpp')) return langs;
  const cpp = byName.get('cpp');
  return langs.map((l, i) => (l?.name === 'c' && /\.h$/i.test(paths[i]) ? cpp : l));
}

/** Whether `path` is a file of `lang` when every file is read as it (`--language`): C++ takes `.h` headers as C does. */
export function claims(lang: CodeLanguage, path: string): boolean {
  const p = path.toLowerCase();
  return lang.extensions.some((ext) => p.endsWith(ext)) || (lang.name === 'cpp' && p.endsWith('.h'));
}
