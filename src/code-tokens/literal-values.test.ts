/**
 * Literal values as the literal channel compares them: a string is the same value whatever quotes
 * it was written with (LLM rewrites flip `"("` to `'('`; in Python `'abc'`, `"abc"` and `"""abc"""`
 * are one string), and a copy that only changes quote style is a copy.
 *
 *   submission  what it is
 *   ----------  ----------------------------------------------------------------
 *   py-a        a small Python program, strings in double quotes
 *   py-b        the same program, strings in single and triple quotes
 *   java-a      a small Java program building a string with "(" and ")"
 *   java-b      the same program with the one-character strings written as chars '(' and ')'
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareCodeSubmissions } from './compare-sources.js';
import { languageByName } from './languages.js';
import { tokenizeCode } from './tokenize.js';
import { literalValue } from './literal-value.js';

test('a string literal has one value whatever its quotes; escapes, spaces and prefixes as documented', () => {
  for (const written of [`"abc"`, `'abc'`, `"""abc"""`, `'''abc'''`, '`abc`']) assert.equal(literalValue(written), '"abc"', written);
  assert.equal(literalValue(`'C'`), literalValue(`"C"`));
  assert.equal(literalValue(`'it\\'s'`), literalValue(`"it's"`));
  assert.equal(literalValue(`' Total: \\n'`), '"Total:"');
  assert.equal(literalValue('"Case #%d: %s%n"'), literalValue('"Case #%d: %s\\n"'), "Java's %n is a line end");
  assert.equal(literalValue('"100%%n"'), '"100%%n"', '%%n prints "%n", no line end');
  assert.equal(literalValue(`f'x{a}'`), 'f"x{a}"', 'a prefix stays, so an f-string is not its plain twin');
  assert.notEqual(literalValue(`f'x{a}'`), literalValue(`'x{a}'`));
  assert.equal(literalValue(`L'a'`), 'L"a"');
  assert.equal(literalValue(`'ab`), '"ab', 'unclosed (cut at the length limit): the opening quote is normalised, no closing one is added');
  for (const other of ['42', '0x1F', 'true', 'None', '1e9']) assert.equal(literalValue(other), other);
});

const PY_A = `n = int(input())
words = []
for i in range(n):
    w = input().strip()
    if len(w) > 10:
        words.append(w[0] + str(len(w) - 2) + w[-1])
    else:
        words.append(w)
print("\\n".join(words))
print("done", "ok")
`;
const PY_B = `n = int(input())
words = []
for i in range(n):
    w = input().strip()
    if len(w) > 10:
        words.append(w[0] + str(len(w) - 2) + w[-1])
    else:
        words.append(w)
print('\\n'.join(words))
print('done', """ok""")
`;
const JAVA_A = `public class Main {
  public static void main(String[] args) {
    java.util.Scanner in = new java.util.Scanner(System.in);
    String digits = in.next();
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (char c : digits.toCharArray()) {
      int d = c - '0';
      while (depth < d) { out.append("("); depth++; }
      while (depth > d) { out.append(")"); depth--; }
      out.append(c);
    }
    System.out.println(out);
  }
}
`;
const JAVA_B = JAVA_A.replace('out.append("(")', "out.append('(')").replace('out.append(")")', "out.append(')')");

test('Python and Java: a copy that only changes quote style scores 1 with default settings', async () => {
  for (const [lang, a, b] of [
    ['py', PY_A, PY_B],
    ['java', JAVA_A, JAVA_B],
  ]) {
    assert.notEqual(a, b);
    const language = languageByName(lang === 'py' ? 'python' : 'java')!;
    const kinds = async (text: string) => (await tokenizeCode(text, language)).map((t) => t.kind).join(' ');
    assert.equal(await kinds(a), await kinds(b), `${lang}: the two differ in their literals only`);
    const { pairs } = await compareCodeSubmissions([
      { id: 'a', files: [{ path: `a.${lang}`, text: a }] },
      { id: 'b', files: [{ path: `b.${lang}`, text: b }] },
    ]);
    assert.equal(pairs[0].similarity, 1, `${lang}: ${pairs[0].similarity}`);
  }
});
