/**
 * `++i` and `i++` (and `--`) read alike: as statements and loop updates they do the same, and a
 * copy that swaps one for the other (a classic disguise, and a habit of C++ and of rewriting
 * tools) must not lose its match.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageByName } from './languages.js';
import { tokenizeCode } from './tokenize.js';

const kinds = async (text: string, lang: string) =>
  (await tokenizeCode(text, languageByName(lang)!)).filter((t) => !t.kind.startsWith('\u27e8') && t.kind !== '\u27e9').map((t) => t.kind).join(' ');

test('prefix and postfix increments and decrements give the same tokens (Java, C++, JavaScript)', async () => {
  const java = (a: string, b: string) => `class A { int f(int n) { int x = 0; for (int i = 0; i < n; ${a}) ${b}; return x; } }`;
  assert.equal(await kinds(java('++i', '--x'), 'java'), await kinds(java('i++', 'x--'), 'java'));
  const cpp = (a: string) => `int main() { int i = 0; ${a}; return i; }`;
  assert.equal(await kinds(cpp('++i'), 'cpp'), await kinds(cpp('i++'), 'cpp'));
  assert.ok((await kinds(cpp('++i'), 'cpp')).includes('ASSIGN ID +'));
  assert.equal(await kinds('let i = 0; --i;', 'javascript'), await kinds('let i = 0; i--;', 'javascript'));
  // An increment and a decrement still differ.
  assert.notEqual(await kinds(cpp('++i'), 'cpp'), await kinds(cpp('--i'), 'cpp'));
});
