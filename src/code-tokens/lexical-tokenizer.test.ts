import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageByName } from './languages.js';
import { tokenizeLexical } from './lexical-tokenizer.js';

test('the lexical tokeniser drops comments, keeps keywords, and turns names and literals into ID and LIT', () => {
  const sql = languageByName('sql')!;
  const tokens = tokenizeLexical(sql, "-- report\nSELECT name, 42 /* x */ FROM t WHERE a >= 'x';\n");
  assert.deepEqual(tokens.map((t) => t.kind), ['select', 'ID', 'LIT', 'from', 'ID', 'where', 'ID', '>=', 'LIT']);
  assert.deepEqual(tokens.map((t) => [t.line, t.column]).slice(0, 3), [[2, 1], [2, 8], [2, 14]]);
  assert.deepEqual(tokens.filter((t) => t.kind === 'LIT').map((t) => t.value), ['42', "'x'"]);
});

test('Lua block comments are not read as line comments; plain text keeps its words', () => {
  const lua = languageByName('lua')!;
  assert.deepEqual(tokenizeLexical(lua, '--[[ a\nb ]] x = 1').map((t) => t.kind), ['ID', '=', 'LIT']);
  const text = languageByName('text')!;
  assert.deepEqual(tokenizeLexical(text, 'Print the Sum.').map((t) => t.kind), ['print', 'the', 'sum']);
});
