/**
 * `x = x + y` and `x += y` read alike (any binary operator, in every grammar whose assignments
 * and binary operations tree-sitter names alike): rewriting one as the other is a classic
 * disguise. An assignment whose right side starts with another operand keeps its own form.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageByName } from './languages.js';
import { tokenizeCode } from './tokenize.js';

const kinds = async (text: string, lang: string) =>
  (await tokenizeCode(text, languageByName(lang)!)).filter((t) => !t.kind.startsWith('\u27e8') && t.kind !== '\u27e9').map((t) => t.kind).join(' ');

test('x = x op y gives the tokens of x op= y (Java, C++, Python, JavaScript)', async () => {
  const java = (body: string) => `class A { int c; void f(int k, int[] a) { int s = 0; ${body} } }`;
  assert.equal(await kinds(java('s = s + a[0]; this.c = this.c * k;'), 'java'), await kinds(java('s += a[0]; this.c *= k;'), 'java'));
  const cpp = (body: string) => `int main() { int s = 0, t = 1; ${body} return s; }`;
  assert.equal(await kinds(cpp('s = s - t * 2;'), 'cpp'), await kinds(cpp('s -= t * 2;'), 'cpp'));
  assert.equal(await kinds('total = total + price\n', 'python'), await kinds('total += price\n', 'python'));
  assert.equal(await kinds('let n = 1; n = n * 3;', 'javascript'), await kinds('let n = 1; n *= 3;', 'javascript'));
  // The target written second, or another variable first, is not the compound form.
  assert.notEqual(await kinds(cpp('s = t - s;'), 'cpp'), await kinds(cpp('s -= t;'), 'cpp'));
  assert.notEqual(await kinds(cpp('s = t + 1;'), 'cpp'), await kinds(cpp('s += 1;'), 'cpp'));
});
