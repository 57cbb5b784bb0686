/**
 * Syntax tokenisation with web-tree-sitter (0.25.x) and the prebuilt grammars of
 * `tree-sitter-wasms`. Walks the tree with a cursor (no per-node allocation; the cursor steps
 * call the wasm exports directly, tree-cursor.ts) and emits one token
 * per meaningful node, with statement markers around the statements of every block so that the
 * engine can normalise statement order.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { FIXED_OPEN, MOVABLE_OPEN, STATEMENT_CLOSE, type CodeToken } from '../engine/code/index.js';
import type { CodeLanguage } from './language.js';
import { Declares, nameHashAt, nameHashFrom, SELF_NAMES, type NameCollector } from './library-names.js';
import { literalValue } from './literal-value.js';
import { planFor, planTable, type NodePlan } from './node-plans.js';
import { directApi, DirectCursor, PublicCursor, type CursorSteps } from './tree-cursor.js';
import { CONTROL_KINDS } from './node-rules.js';

const require = createRequire(import.meta.url);
let ready: Promise<void> | undefined;
/** The Emscripten module web-tree-sitter fills in at init: its wasm exports, for the direct cursor. */
const wasmModule: Record<string, unknown> = {};
let direct: ReturnType<typeof directApi> = null;
const grammars = new Map<string, Promise<Language>>();
let loading: Promise<unknown> = Promise.resolve();

function grammarPath(file: string): string {
  return join(dirname(require.resolve('tree-sitter-wasms/package.json')), 'out', file);
}

/** Loads (once) the grammar of a language and returns a parser set to it. */
export async function parserFor(lang: CodeLanguage): Promise<Parser> {
  if (!lang.grammar) throw new Error(`language ${lang.name} has no tree-sitter grammar`);
  ready ??= Parser.init(wasmModule).then(() => {
    direct = directApi(wasmModule);
  });
  await ready;
  const file = lang.grammar;
  let language = grammars.get(file);
  if (!language) {
    // web-tree-sitter links every grammar's wasm into one shared symbol table: two loads at once
    // can fail ("bad export type for '..._external_scanner_create'"), so loads run one at a time,
    // and a failed load is forgotten so the next call tries again.
    language = loading.then(() => Language.load(grammarPath(file)));
    loading = language.catch(() => undefined);
    language.catch(() => grammars.delete(file));
    grammars.set(file, language);
  }
  const parser = new Parser();
  parser.setLanguage(await language);
  return parser;
}

interface Walk {
  cursor: CursorSteps;
  lang: CodeLanguage;
  language: Language;
  table: (NodePlan | undefined)[];
  out: CodeToken[];
  text: string;
  /** Where each line starts (UTF-16 offsets): positions come from the node's start index. */
  lineStarts: Int32Array;
  /** The line (0-based) of the last token: the walk runs in text order, so the next one's is at or after it. */
  line: number;
  /** Where the last token starts (UTF-16 offset). */
  tokenStart: number;
  /** Counts of surface marks (node-rules.ts, SURFACE_MARKS), when the caller wants them. */
  surface: Float64Array | undefined;
  /** The node whose children are being walked is a function body's block (C++, `constructsInBlocks`). */
  inBlock: boolean;
  /** The node's parent is a class body (`NodePlan.classBody`). */
  inClassBody: boolean;
  /** Names used and declared (library-names.ts), when the caller wants them. */
  names: NameCollector | undefined;
  /** Which identifier children the node whose children are being walked declares, and whether one was met. */
  declares: Declares;
  metName: boolean;
}

function lineStartsOf(text: string): Int32Array {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  const starts = new Int32Array(n);
  for (let i = text.indexOf('\n'), l = 1; i >= 0; i = text.indexOf('\n', i + 1)) starts[l++] = i + 1;
  return starts;
}

/** A cursor over `tree`: direct wasm calls when the module allows them, unless `publicApi` asks otherwise. */
function cursorOver(tree: Tree, publicApi: boolean): CursorSteps {
  return direct && !publicApi ? new DirectCursor(direct, tree) : new PublicCursor(tree);
}

/**
 * Tokenises one source text with an already prepared parser. `publicApi` walks with
 * web-tree-sitter's documented cursor instead of the direct one (the tests compare the two).
 * `surface`, when given, receives the counts of the surface marks walked (added to it); `names`,
 * the identifiers used and declared (library-names.ts).
 */
export function tokenizeTree(parser: Parser, lang: CodeLanguage, text: string, publicApi = false, surface?: Float64Array, names?: NameCollector): CodeToken[] {
  const tree = parser.parse(text);
  if (!tree) return [];
  const out: CodeToken[] = [];
  const cursor = cursorOver(tree, publicApi);
  try {
    walk({ cursor, lang, language: parser.language!, table: planTable(lang, parser.language!), out, text, lineStarts: lineStartsOf(text), line: 0, tokenStart: 0, surface, inBlock: false, inClassBody: false, names, declares: Declares.None, metName: false }, false);
  } finally {
    cursor.delete();
    tree.delete();
  }
  return out;
}

/**
 * A token at the node under the cursor. Its line and column come from the node's start index
 * (UTF-16 offsets, as tree-sitter's columns are for a JS string; rows end at "\n" only), which
 * costs one call into the parser instead of two and a point object. The line is found by
 * stepping forward from the previous token's (tokens come in text order), with a binary search
 * should a node ever start before it.
 */
function at(w: Walk, kind: string): CodeToken {
  const index = w.cursor.startIndex();
  w.tokenStart = index;
  const starts = w.lineStarts;
  let line = w.line;
  if (starts[line] <= index) {
    while (line + 1 < starts.length && starts[line + 1] <= index) line++;
  } else {
    let lo = 0, hi = line;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    line = lo;
  }
  w.line = line;
  return { kind, line: line + 1, column: index - starts[line] + 1 };
}

/** Walks the node under the cursor (and its subtree); the cursor ends where it started. */
function walk(w: Walk, inStatementParent: boolean): void {
  const { cursor, out } = w;
  const plan = planFor(w.table, w.language, w.lang, cursor.typeId());
  const isStatement = inStatementParent && plan.named;
  if (!plan.named) {
    // Anonymous nodes are the grammar's literal tokens (keywords, operators): always leaves.
    if (plan.surface >= 0 && w.surface) w.surface[plan.surface]++;
    if (plan.anonymous) out.push(at(w, plan.anonymous));
    return;
  }
  const action = plan.action;
  if (action.do === 'skip') {
    if (w.names !== undefined && plan.typeName && plan.typeNames !== 0) typeNames(w, plan);
    return;
  }
  let construction = false, prototype = false;
  // A member prototype first: `operator==`, a default argument or `= 0` hold an "=" that assigns nothing.
  if (plan.declaration && w.inClassBody && memberPrototype(w)) prototype = true;
  else if (plan.declaration && !holdsEquals(w.text, cursor.startIndex(), cursor.endIndex()) && !initialises(w)) {
    if (!w.inBlock || !constructs(w)) {
      // It vanishes from the stream, but the names it declares are still the program's own.
      if (w.names) declareAll(w);
      return;
    }
    construction = true;
  }
  if (plan.qualified && namesType(w)) return;
  const start = out.length;
  if (isStatement) out.push(at(w, MOVABLE_OPEN));
  if (construction) {
    emitConstruction(w);
  } else if (prototype) {
    emitPrototype(w);
  } else if (plan.assignment && compoundForm(w)) {
    // emitted as `x op= y`
  } else if (action.do === 'leaf') {
    const token = at(w, action.kind);
    if (action.kind === 'LIT') {
      const start = cursor.startIndex();
      token.value = literalValue(w.text.slice(start, Math.min(cursor.endIndex(), start + 200)));
    } else if (w.names !== undefined && action.kind === 'ID') {
      nameAt(w, plan.plainName);
    }
    out.push(token);
  } else {
    if (action.do === 'emit') out.push(at(w, action.kind));
    if (cursor.gotoFirstChild()) {
      const outer = w.inBlock, outerClass = w.inClassBody, outerDeclares = w.declares, outerMet = w.metName;
      w.inBlock = plan.block;
      w.inClassBody = plan.classBody;
      w.declares = plan.declares;
      w.metName = false;
      const from = out.length;
      walkChildren(w, plan.statementParent);
      w.inBlock = outer;
      w.inClassBody = outerClass;
      w.declares = outerDeclares;
      w.metName = outerMet;
      cursor.gotoParent();
      // A prefix increment reads as the postfix one (`++i` as `i++`): as a statement they do the same.
      if (plan.update && out.length > from + 1 && isIncrement(w.text, cursor.startIndex())) out.push(out.splice(from, 1)[0]);
    }
  }
  if (!isStatement) return;
  if (out.length === start + 1) {
    out.pop();
    return;
  }
  for (let i = start + 1; i < out.length; i++) {
    const k = out[i].kind;
    if (CONTROL_KINDS.has(k) || k === MOVABLE_OPEN || k === FIXED_OPEN) {
      out[start].kind = FIXED_OPEN;
      break;
    }
  }
  out.push({ kind: STATEMENT_CLOSE, line: out[out.length - 1].line, column: out[out.length - 1].column });
}

/** Whether text at `at` starts with `++` or `--` (a prefix update). */
function isIncrement(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return (c === 43 || c === 45) && text.charCodeAt(at + 1) === c;
}

/** Whether text[start, end) holds an "=" (a declaration that initialises something), without slicing it. */
function holdsEquals(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 61) return true;
  return false;
}

/**
 * Whether the declaration at the cursor initialises a variable without an "=": C++'s
 * `Account a(100);` and `int x{5};` compute something, as `int x = 5;` does; a declaration of
 * names only (`int n;`, a prototype) does not. (`vector<int> v(n);`, which the grammar reads as
 * a function declaration, C++'s "most vexing parse", is caught by `constructs` in function bodies.)
 */
function initialises(w: Walk): boolean {
  const { cursor } = w;
  if (!cursor.gotoFirstChild()) return false;
  let found = false;
  do found = planFor(w.table, w.language, w.lang, cursor.typeId()).initialiser;
  while (!found && cursor.gotoNextSibling());
  cursor.gotoParent();
  return found;
}

/**
 * `x = x + y` read as `x += y` (any binary operator; the operand written again must be the
 * assignment's target, character for character): the tokens `ASSIGN <x> + <y>` that the
 * compound form gives. Returns false, the cursor untouched, for any other assignment.
 */
function compoundForm(w: Walk): boolean {
  const { cursor, text, out } = w;
  if (!cursor.gotoFirstChild()) return false;
  const targetStart = cursor.startIndex(), targetLength = cursor.endIndex() - targetStart;
  let same = false;
  if (cursor.gotoNextSibling() && cursor.endIndex() - cursor.startIndex() === 1 && text.charCodeAt(cursor.startIndex()) === 61 && cursor.gotoNextSibling() && planAt(w).binary && cursor.gotoFirstChild()) {
    const start = cursor.startIndex();
    same = cursor.endIndex() - start === targetLength && text.startsWith(text.slice(targetStart, targetStart + targetLength), start);
    cursor.gotoParent();
  }
  cursor.gotoParent();
  if (!same) return false;
  out.push(at(w, 'ASSIGN'));
  cursor.gotoFirstChild();
  walk(w, false); // the target
  cursor.gotoNextSibling();
  walk(w, false); // "=": no token, its surface mark counted
  cursor.gotoNextSibling();
  cursor.gotoFirstChild();
  const kept = out.length;
  const names = w.names, used = names?.used.length ?? 0;
  walk(w, false); // the target written again: its surface marks count, its tokens (and names) do not
  out.length = kept;
  if (names) names.used.length = used;
  while (cursor.gotoNextSibling()) walk(w, false); // the operator and the other operand
  cursor.gotoParent();
  cursor.gotoParent();
  return true;
}

/** The plan of the node under the cursor. */
function planAt(w: Walk): NodePlan {
  return planFor(w.table, w.language, w.lang, w.cursor.typeId());
}

/**
 * Moves the cursor to the first child of the node under it whose type is `type` (true), or
 * leaves it where it was (false).
 */
function gotoChild(w: Walk, type: string): boolean {
  const { cursor } = w;
  if (!cursor.gotoFirstChild()) return false;
  do if (planAt(w).type === type) return true;
  while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return false;
}

/**
 * Whether the declaration at the cursor (in a C++ function body) builds an object from bare
 * names, `vector<int> v(n);` or `Account a(owner, bank);`: its (first) function declarator is
 * named by a plain identifier and its every parameter is a lone type name. A real prototype
 * names parameter types the grammar knows as types (`int f(int);`) or names them. With several
 * declarators (`vector<int> a(n), b(m);`) only the first is read.
 */
function constructs(w: Walk): boolean {
  const { cursor } = w;
  if (!gotoChild(w, 'function_declarator')) return false;
  let ok = false;
  if (cursor.gotoFirstChild()) {
    ok = planAt(w).type === 'identifier';
    let params = 0;
    while (ok && cursor.gotoNextSibling()) {
      const p = planAt(w);
      if (!p.named) continue;
      if (p.type !== 'parameter_list') { ok = false; break; }
      if (cursor.gotoFirstChild()) {
        do {
          const q = planAt(w);
          if (!q.named) continue;
          if (q.type !== 'parameter_declaration') { ok = false; break; }
          params++;
          let parts = 0, bare = false;
          if (cursor.gotoFirstChild()) {
            do {
              const r = planAt(w);
              if (!r.named) continue;
              parts++;
              bare = r.type === 'type_identifier';
            } while (cursor.gotoNextSibling());
            cursor.gotoParent();
          }
          if (parts !== 1 || !bare) { ok = false; break; }
        } while (cursor.gotoNextSibling());
        cursor.gotoParent();
      }
    }
    ok &&= params > 0;
    cursor.gotoParent();
  }
  cursor.gotoParent();
  return ok;
}

/** The tokens of a declaration `constructs` accepted: `ASSIGN ID` and an `ID` per argument, as `Account a(100);` gives `ASSIGN ID LIT`. */
function emitConstruction(w: Walk): void {
  const { cursor, out } = w;
  gotoChild(w, 'function_declarator');
  out.push(at(w, 'ASSIGN'));
  cursor.gotoFirstChild();
  out.push(at(w, 'ID'));
  if (w.names) w.names.declared.add(nameHashAt(w.text, cursor.startIndex(), cursor.endIndex()));
  gotoSibling(w, 'parameter_list');
  if (cursor.gotoFirstChild()) {
    do {
      if (planAt(w).type !== 'parameter_declaration') continue;
      cursor.gotoFirstChild();
      while (!planAt(w).named && cursor.gotoNextSibling());
      out.push(at(w, 'ID'));
      if (w.names) w.names.used.push(nameHashAt(w.text, cursor.startIndex(), cursor.endIndex()));
      cursor.gotoParent();
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  cursor.gotoParent();
  cursor.gotoParent();
}

/** A member function's own name in its declarator: a plain name, a destructor or an operator (not a function pointer). */
const MEMBER_NAME = /^(field_identifier|identifier|destructor_name|operator_name)$/;

/**
 * Whether the declaration at the cursor, in a class body, declares a member function without a
 * body (C++ `void deposit(double amount);`, `Account(const std::string& owner);`, in a header).
 * These are a class's interface, what Java writes as abstract or interface methods, so they are
 * read as functions instead of vanishing as a declaration of names does.
 */
function memberPrototype(w: Walk): boolean {
  const { cursor } = w;
  const depth = gotoFunctionDeclarator(w);
  if (depth === 0) return false;
  let ok = false;
  if (cursor.gotoFirstChild()) {
    ok = MEMBER_NAME.test(planAt(w).type);
    cursor.gotoParent();
  }
  for (let d = 0; d < depth; d++) cursor.gotoParent();
  return ok;
}

/**
 * Moves the cursor to the function declarator of the declaration under it: a child, or the
 * child of a pointer or reference declarator (`Account* find(...)`, `const T& get() const`).
 * Returns how many levels down it went; 0 (cursor unmoved) when there is none.
 */
function gotoFunctionDeclarator(w: Walk): number {
  const { cursor } = w;
  if (gotoChild(w, 'function_declarator')) return 1;
  if (!cursor.gotoFirstChild()) return 0;
  do {
    const type = planAt(w).type;
    if ((type === 'pointer_declarator' || type === 'reference_declarator') && gotoChild(w, 'function_declarator')) return 2;
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
  return 0;
}

/** The tokens of a member prototype `memberPrototype` accepted: `FUNCTION` and its parameters, read as a definition's are. */
function emitPrototype(w: Walk): void {
  const { cursor, out } = w;
  out.push(at(w, 'FUNCTION'));
  const depth = gotoFunctionDeclarator(w);
  cursor.gotoFirstChild();
  if (w.names) w.names.declared.add(nameHashAt(w.text, cursor.startIndex(), cursor.endIndex()));
  while (cursor.gotoNextSibling()) {
    if (planAt(w).type !== 'parameter_list') continue;
    walk(w, false);
    break;
  }
  cursor.gotoParent();
  for (let d = 0; d < depth; d++) cursor.gotoParent();
}

/** An identifier leaf at the cursor: declared by its parent (`w.declares`) or used. */
function nameAt(w: Walk, plain: boolean): void {
  // The identifier's token was just made, at w.tokenStart: a plain name is read from there.
  const name = plain ? nameHashFrom(w.text, w.tokenStart) : nameHashAt(w.text, w.tokenStart, w.cursor.endIndex());
  if (w.declares === Declares.All || (w.declares === Declares.First && !w.metName)) w.names!.declared.add(name);
  else if (!SELF_NAMES.has(name)) w.names!.used.push(name);
  w.metName = true;
}

/** The type names (`type_identifier`) in the dropped type at the cursor: used, unless a declaration of the program names them (`struct Point`). */
function typeNames(w: Walk, plan: NodePlan): void {
  const { cursor } = w;
  if (plan.typeNames === 1) {
    const name = nameHashFrom(w.text, cursor.startIndex());
    if (w.declares === Declares.Type) w.names!.declared.add(name);
    else w.names!.used.push(name);
    return;
  }
  if (plan.typeNames === 0 || !cursor.gotoFirstChild()) return;
  do typeNames(w, planAt(w));
  while (cursor.gotoNextSibling());
  cursor.gotoParent();
}

/** Every identifier in the subtree at the cursor is declared (a declaration that initialises nothing: types and names only). */
function declareAll(w: Walk): void {
  const { cursor } = w;
  const plan = planAt(w);
  if (plan.named && plan.action.do === 'leaf' && plan.action.kind === 'ID') {
    w.names!.declared.add(nameHashAt(w.text, cursor.startIndex(), cursor.endIndex()));
    return;
  }
  if (plan.action.do === 'skip' || !cursor.gotoFirstChild()) return;
  do declareAll(w);
  while (cursor.gotoNextSibling());
  cursor.gotoParent();
}

/** Moves the cursor forward to the next sibling of type `type`. */
function gotoSibling(w: Walk, type: string): void {
  while (w.cursor.gotoNextSibling()) if (planAt(w).type === type) return;
}

/**
 * Whether the qualified name at the cursor names a type: its last named part is a type
 * (`std::vector<int>`, `std::string`, `std::chrono::seconds`), not a variable or function
 * (`std::cout`, `std::max`). Such a name vanishes as an unqualified type does, so
 * `std::vector<int> v` and `vector<int> v` under `using namespace std;` read alike.
 */
function namesType(w: Walk): boolean {
  const { cursor } = w;
  if (!cursor.gotoFirstChild()) return false;
  let last: NodePlan | null = null;
  let steps = 0, lastAt = -1;
  do {
    const p = planFor(w.table, w.language, w.lang, cursor.typeId());
    if (p.named) { last = p; lastAt = steps; }
    steps++;
  } while (cursor.gotoNextSibling());
  let found = false;
  if (last?.typeName) found = true;
  else if (last?.qualified) {
    // A nested scope (`a::b::T`): step back to that part and ask it.
    cursor.gotoParent();
    cursor.gotoFirstChild();
    for (let k = 0; k < lastAt; k++) cursor.gotoNextSibling();
    found = namesType(w);
  }
  cursor.gotoParent();
  return found;
}

function walkChildren(w: Walk, statements: boolean): void {
  const { cursor } = w;
  do walk(w, statements);
  while (cursor.gotoNextSibling());
}

/** True when the grammar could not parse the text cleanly (used by the conformance kit). */
export async function hasSyntaxErrors(lang: CodeLanguage, text: string): Promise<boolean> {
  const parser = await parserFor(lang);
  const tree = parser.parse(text);
  try {
    return !tree || tree.rootNode.hasError;
  } finally {
    tree?.delete();
    parser.delete();
  }
}

/** True once the grammar module is loaded and walks call its wasm exports directly. */
export function usesDirectCursor(): boolean {
  return direct !== null;
}
