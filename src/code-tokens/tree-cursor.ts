/**
 * Cursor steps over a tree-sitter tree for the tokeniser's walk, in two implementations with the
 * same behaviour:
 *
 * - `DirectCursor` calls web-tree-sitter's wasm exports itself. web-tree-sitter's own
 *   `TreeCursor` copies its four-word state into the module's transfer buffer before every call
 *   and back after it, through Emscripten's generic `setValue`/`getValue`; a walk over a whole
 *   tree does nothing else with the buffer, so the state can simply stay there. On a thousand
 *   Java files this is most of the walk's cost (docs/code-similarity.md).
 * - `PublicCursor` uses the documented `TreeCursor` API; it is the fallback when the module's
 *   exports are not what `DirectCursor` expects (another web-tree-sitter version), and the
 *   reference the tests compare the direct walk with.
 *
 * The wasm functions read the cursor from the transfer buffer (id, then three context words) and
 * the ones that move it write it back; reading a node's type or offsets leaves the buffer as it is.
 */
import type { Tree, TreeCursor } from 'web-tree-sitter';

/** What the tokeniser's walk asks of a cursor. */
export interface CursorSteps {
  typeId(): number;
  startIndex(): number;
  endIndex(): number;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  /** Frees the cursor (and nothing else). */
  delete(): void;
}

/** The Emscripten module object web-tree-sitter fills in `Parser.init(module)`. */
type WasmModule = Record<string, unknown>;
type TreeFn = (tree: number) => number;

interface DirectApi {
  first: TreeFn;
  next: TreeFn;
  parent: TreeFn;
  type: TreeFn;
  start: TreeFn;
  end: TreeFn;
}

const EXPORTS = {
  first: '_ts_tree_cursor_goto_first_child_wasm',
  next: '_ts_tree_cursor_goto_next_sibling_wasm',
  parent: '_ts_tree_cursor_goto_parent_wasm',
  type: '_ts_tree_cursor_current_node_type_id_wasm',
  start: '_ts_tree_cursor_start_index_wasm',
  end: '_ts_tree_cursor_end_index_wasm',
} as const;

/** The wasm functions the direct cursor calls, or null when the module does not export them all. */
export function directApi(module: WasmModule): DirectApi | null {
  const api: Partial<Record<keyof DirectApi, TreeFn>> = {};
  for (const [key, name] of Object.entries(EXPORTS) as [keyof DirectApi, string][]) {
    const fn = module[name];
    if (typeof fn !== 'function') return null;
    api[key] = fn as TreeFn;
  }
  return api as DirectApi;
}

/** The tree's handle in wasm memory (web-tree-sitter keeps it at index 0 of its objects). */
function handleOf(x: Tree | TreeCursor): number {
  const h = (x as unknown as Record<number, unknown>)[0];
  if (typeof h !== 'number' || h === 0) throw new Error('web-tree-sitter object without a wasm handle');
  return h;
}

/**
 * A cursor at the root of `tree`, stepping through the wasm exports directly. Valid only until the
 * next call into web-tree-sitter that uses the transfer buffer (anything but these steps): the
 * tokeniser walks one tree at a time and calls nothing else meanwhile.
 */
export class DirectCursor implements CursorSteps {
  private readonly tree: number;
  private readonly cursor: TreeCursor;

  constructor(private readonly api: DirectApi, tree: Tree) {
    this.tree = handleOf(tree);
    // walk() leaves the new cursor's state in the transfer buffer, where the steps expect it.
    this.cursor = tree.walk();
    handleOf(this.cursor);
  }

  typeId(): number {
    return this.api.type(this.tree);
  }
  startIndex(): number {
    return this.api.start(this.tree);
  }
  endIndex(): number {
    return this.api.end(this.tree);
  }
  gotoFirstChild(): boolean {
    return this.api.first(this.tree) === 1;
  }
  gotoNextSibling(): boolean {
    return this.api.next(this.tree) === 1;
  }
  gotoParent(): boolean {
    return this.api.parent(this.tree) === 1;
  }
  delete(): void {
    // The JS cursor still holds the id the wasm cursor was allocated under; that is all delete needs.
    this.cursor.delete();
  }
}

/** The same steps through web-tree-sitter's public `TreeCursor`. */
export class PublicCursor implements CursorSteps {
  private readonly cursor: TreeCursor;
  constructor(tree: Tree) {
    this.cursor = tree.walk();
  }
  typeId(): number {
    return this.cursor.nodeTypeId;
  }
  startIndex(): number {
    return this.cursor.startIndex;
  }
  endIndex(): number {
    return this.cursor.endIndex;
  }
  gotoFirstChild(): boolean {
    return this.cursor.gotoFirstChild();
  }
  gotoNextSibling(): boolean {
    return this.cursor.gotoNextSibling();
  }
  gotoParent(): boolean {
    return this.cursor.gotoParent();
  }
  delete(): void {
    this.cursor.delete();
  }
}
