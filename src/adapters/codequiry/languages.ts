/**
 * Codequiry's language ids (docs and the CLI's const.js) and the Origo code-engine language each
 * one maps onto; null lets the engine pick by file extension (languages it has no grammar for).
 */
export interface CodequiryLanguage {
  id: number;
  language: string;
  origo: string | null;
}

const TABLE: [number, string, string | null][] = [
  [13, 'Java', 'java'], [14, 'Python', 'python'], [16, 'C', 'c'], [17, 'C/C++', 'cpp'], [18, 'C#', 'csharp'],
  [20, 'Perl', null], [21, 'PHP', 'php'], [22, 'SQL', 'sql'], [23, 'VB', null], [24, 'XML', null],
  [28, 'Haskell', 'haskell'], [29, 'Pascal', null], [30, 'Go', 'go'], [31, 'Matlab', 'matlab'], [32, 'Lisp', null],
  [33, 'Ruby', 'ruby'], [34, 'Assembly', null], [38, 'HTML+JS', null], [39, 'JavaScript', 'javascript'], [40, 'HTML', 'html'],
  [41, 'Plain Text', null], [42, 'Plain Text (by character)', null], [43, 'Swift', 'swift'], [44, 'Kotlin', 'kotlin'],
  [45, 'Yacc', null], [46, 'Lex', null], [47, 'Elixir', null], [48, 'Jupyter Notebook', null], [49, 'Dart', null],
  [50, 'Shell', 'bash'], [51, 'Rust', 'rust'], [52, 'Scala', 'scala'], [53, 'R', 'r'], [54, 'Objective-C', null],
  [55, 'TypeScript', 'typescript'], [56, 'Markdown', null], [57, 'Julia', null], [58, 'Groovy', null], [59, 'Sass', null],
  [60, 'CoffeeScript', null], [61, 'Lua', 'lua'], [62, 'Erlang', null], [63, 'F#', null], [64, 'Fortran', null],
  [65, 'Haxe', null], [66, 'Scheme', null], [67, 'Tcl', null], [68, 'Ada', null], [69, 'COBOL', null], [70, 'VHDL', null],
];

export const LANGUAGES: readonly CodequiryLanguage[] = TABLE.map(([id, language, origo]) => ({ id, language, origo }));

export function languageById(id: number | undefined): CodequiryLanguage | undefined {
  return id === undefined ? undefined : LANGUAGES.find((l) => l.id === id);
}

/** The 422 list clients print: `[{id, language}]`. */
export function availableLanguages(): { id: number; language: string }[] {
  return LANGUAGES.map(({ id, language }) => ({ id, language }));
}
