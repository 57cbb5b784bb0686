/**
 * Token positions against the text itself: a Java file with CRLF line ends, a tab, and a string
 * literal holding a two-unit emoji before more code on the same line.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageByName } from './languages.js';
import { tokenizeCode } from './tokenize.js';

const TEXT = 'class A {\r\n\tString s = "\u00e9\ud83d\ude00x"; int y = 2;\r\n  int z = y;\r\n}\r\n';

test('every token starts where the text says: 1-based lines split at \\n, columns in UTF-16 units', async () => {
  const tokens = (await tokenizeCode(TEXT, languageByName('java')!)).filter((t) => !t.kind.startsWith('\u27e8') && t.kind !== '\u27e9');
  const lines = TEXT.split('\n');
  const lit = tokens.filter((t) => t.value !== undefined);
  assert.deepEqual(
    lit.map((t) => [t.value, t.line, t.column]),
    [
      ['"\u00e9\ud83d\ude00x"', 2, 13],
      ['2', 2, 29],
      // `y` in `int z = y` is a name, not a literal
    ],
  );
  for (const t of tokens) {
    const line = lines[t.line - 1];
    assert.ok(line !== undefined && t.column >= 1 && t.column <= line.length, `${t.kind} at ${t.line}:${t.column}`);
    assert.notEqual(line[t.column - 1], ' ', `${t.kind} at ${t.line}:${t.column} starts on a space`);
  }
  assert.deepEqual([...new Set(tokens.map((t) => t.line))], [1, 2, 3]);
});
