/**
 * Library names: the identifiers a submission uses but does not declare. Renaming a program's
 * own variables, functions and classes leaves them as they were; what the program declares, in
 * any of the declaration forms below, is never among them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizeSubmission } from './compare-sources.js';
import { nameHash } from './library-names.js';

/** A text's library names, by name: each hash the tokeniser gives, looked up among `expected`'s (or shown as a number). */
async function names(path: string, text: string, expected: string[] = []): Promise<(string | number)[]> {
  const byHash = new Map(expected.map((n) => [nameHash(n), n]));
  return ((await tokenizeSubmission({ id: 'x', files: [{ path, text }] })).names ?? []).map((h) => byHash.get(h) ?? h);
}
const LIBRARY = ['Scanner', 'nextInt', 'String', 'System', 'in', 'List', 'Integer', 'ArrayList', 'add', 'length', 'out', 'println', 'Math', 'max', 'size', 'scanf', 'printf', 'strlen', 'vector', 'sort', 'begin', 'end', 'cout', 'endl', 'range', 'math', 'sqrt', 'int', 'input', 'print', 'putStrLn'];

test('Java: library classes, fields and methods are kept; variables, parameters, methods and classes it declares are not', async () => {
  const java = (cls: string, f: string, sc: string, k: string, xs: string, w: string) =>
    `import java.util.*;\npublic class ${cls} {\n  static int ${f}(Scanner ${sc}, int ${k}) { return ${sc}.nextInt() + ${k}; }\n` +
    `  public static void main(String[] args) {\n    Scanner ${sc} = new Scanner(System.in);\n    List<Integer> ${xs} = new ArrayList<>();\n` +
    `    for (String ${w} : args) ${xs}.add(${w}.length());\n    System.out.println(Math.max(${f}(${sc}, 1), ${xs}.size()));\n  }\n}\n`;
  const original = await names('Main.java', java('Main', 'f', 'sc', 'k', 'xs', 'w'), LIBRARY);
  assert.deepEqual(original, ['Scanner', 'nextInt', 'String', 'Scanner', 'Scanner', 'System', 'in', 'List', 'Integer', 'ArrayList', 'String', 'add', 'length', 'System', 'out', 'println', 'Math', 'max', 'size']);
  // Every name of its own renamed: the same library names.
  assert.deepEqual(await names('Main.java', java('Solution', 'readPlus', 'input', 'offset', 'lengths', 'word'), LIBRARY), original);
});

test('C and C++: names declared by declarations that vanish from the stream, structs and qualified names', async () => {
  // `int n;` initialises nothing and vanishes from the tokens, but n is still the program's own.
  assert.deepEqual(await names('a.c', '#include <stdio.h>\nint main() { int n; char s[101]; scanf("%d %s", &n, s); printf("%d\\n", n + (int) strlen(s)); return 0; }\n', LIBRARY), ['scanf', 'printf', 'strlen']);
  const cpp = '#include <bits/stdc++.h>\nusing namespace std;\nstruct Point { int x, y; };\nint main() { vector<int> v(5); Point p; p.x = 3; sort(v.begin(), v.end()); cout << p.x << endl; return 0; }\n';
  assert.deepEqual(await names('a.cpp', cpp, LIBRARY), ['vector', 'sort', 'begin', 'end', 'cout', 'endl']);
  // std::cout reads as cout.
  assert.deepEqual(await names('b.cpp', cpp.replace('using namespace std;\n', '').replace('cout << p.x << endl', 'std::cout << p.x << std::endl').replace('sort(', 'std::sort(').replace('vector<int>', 'std::vector<int>'), LIBRARY), ['sort', 'begin', 'end', 'cout', 'endl']);
});

test('Python: parameters, assignments, loop variables and functions are declared; builtins and modules are library names', async () => {
  const py = 'import math\ndef solve(a, b=2):\n    total = 0\n    for x in range(a):\n        total += math.sqrt(x) * b\n    return total\nn = int(input())\nprint(solve(n))\n';
  assert.deepEqual(await names('a.py', py, LIBRARY), ['range', 'math', 'sqrt', 'int', 'input', 'print']);
});

test('languages read by the lexical tokeniser give no library names', async () => {
  assert.deepEqual(await names('a.hs', 'main = putStrLn "hi"\n', LIBRARY), []);
});
