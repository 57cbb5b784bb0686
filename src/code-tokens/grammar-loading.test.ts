import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parserFor } from './tree-sitter-tokenizer.js';
import { languageByName } from './languages.js';

// Two code checks of different languages running at once load two grammars at the same time.
// web-tree-sitter links each grammar's wasm into one shared symbol table; concurrent loads failed
// with "bad export type for 'tree_sitter_python_external_scanner_create'" and the failure stayed
// cached, so every later check of that language failed too.
test('grammars loaded concurrently all load, and parse', async () => {
  const names = ['python', 'java', 'ruby', 'cpp', 'javascript', 'rust'];
  const parsers = await Promise.all(names.map((n) => parserFor(languageByName(n)!)));
  assert.equal(parsers.length, names.length);
  const py = await parserFor(languageByName('python')!);
  assert.equal(py.parse('def f(x):\n    return x\n')!.rootNode.type, 'module');
});
