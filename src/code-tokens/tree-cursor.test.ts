/**
 * The direct cursor (wasm exports called without web-tree-sitter's marshalling) must walk exactly
 * as the public TreeCursor does: the same tokens, kinds, positions and literal values, on every
 * language's fixture, on broken code (error and missing nodes), and on a deeply nested file that
 * makes the wasm cursor grow its stack (a reallocation inside the walk).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { detectLanguage, languageByName } from './languages.js';
import type { CodeLanguage } from './language.js';
import { parserFor, tokenizeTree, usesDirectCursor } from './tree-sitter-tokenizer.js';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/code-tokens/fixtures');

async function bothWalks(lang: CodeLanguage, text: string) {
  const parser = await parserFor(lang);
  try {
    return { direct: tokenizeTree(parser, lang, text), reference: tokenizeTree(parser, lang, text, true) };
  } finally {
    parser.delete();
  }
}

test('this web-tree-sitter exports what the direct cursor calls (else every walk would take the slow path)', async () => {
  await parserFor(languageByName('java')!).then((p) => p.delete());
  assert.equal(usesDirectCursor(), true);
});

for (const file of readdirSync(fixtures)) {
  const lang = detectLanguage(file);
  if (!lang?.grammar) continue;
  test(`direct and public cursors give the same tokens: ${file}`, async () => {
    const { direct, reference } = await bothWalks(lang, readFileSync(resolve(fixtures, file), 'utf8'));
    assert.ok(reference.length > 10, `${file}: ${reference.length} tokens`);
    assert.deepEqual(direct, reference);
  });
}

test('direct and public cursors agree on broken code and on deep nesting', async () => {
  const java = languageByName('java')!;
  const broken = 'class A { void f( { int x = ; if (x > ) { return } } String s = "unterminated; }';
  const deep = `class D { int f(int x) { return ${'('.repeat(400)}x${')'.repeat(400)}; } }`;
  for (const text of [broken, deep]) {
    const { direct, reference } = await bothWalks(java, text);
    assert.ok(reference.length > 5);
    assert.deepEqual(direct, reference);
  }
});
