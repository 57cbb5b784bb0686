/**
 * A code language is a plain object: its name, file extensions, the tree-sitter grammar that
 * parses it (a wasm file of `tree-sitter-wasms`, or null for the lexical tokeniser), and the few
 * node types that need a rule other than the shared defaults of `node-rules.ts`.
 */
export interface CodeLanguage {
  name: string;
  /** Lower-case extensions with the dot, e.g. `.java`. */
  extensions: string[];
  /** File name inside `tree-sitter-wasms/out/`, or null for the lexical tokeniser. */
  grammar: string | null;
  /** Node types dropped with their subtree (e.g. type annotations, imports). */
  skip?: string[];
  /** Node types that emit no token themselves; their children are still walked. */
  transparent?: string[];
  /** Node types renamed to a canonical token kind (e.g. every loop to `LOOP`). */
  rename?: Record<string, string>;
  /** Declarations: dropped entirely when they initialise nothing (no `=` in them). */
  declarations?: string[];
  /**
   * C++: inside a function body, `Type name(a, b);` whose arguments are all bare names is an
   * object built from them (`vector<int> v(n);`), not the function declaration the grammar
   * parses it as (the "most vexing parse").
   */
  constructsInBlocks?: boolean;
  /** Lexical tokeniser only: line-comment prefixes, block comment delimiters and keywords. */
  lexical?: { lineComments: string[]; blockComments: [string, string][]; keywords: string[]; keepWords?: boolean };
}
