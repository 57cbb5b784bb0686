/**
 *   submission  what it is
 *   ----------  ----------------------------------------------------------------
 *   original    a small Java program
 *   renamed     the same program, identifiers renamed, comments and layout changed
 *   reordered   the same program with two statements of a straight-line run swapped
 *   other       an unrelated Java program
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareCodeSubmissions } from './compare-sources.js';
import { detectLanguage, languageByName } from './languages.js';

const ORIGINAL = `public class Bmi {
  public static void main(String[] args) {
    Scanner input = new Scanner(System.in);
    System.out.println("BMI");
    double weight = input.nextDouble();
    double height = input.nextDouble();
    double bmi = weight / (height * height);
    if (bmi < 18.5) {
      System.out.println("Underweight");
    } else {
      System.out.println("Fine");
    }
  }
}
`;
const RENAMED = `public class X {
  // reads two numbers
  public static void main(String[] a) {
    Scanner s = new Scanner(System.in);
    System.out.println("BMI");
    double w = s.nextDouble(); double h = s.nextDouble();
    double r = w / (h * h);
    if (r < 18.5) System.out.println("Underweight");
    else System.out.println("Fine");
  }
}
`;
const REORDERED = ORIGINAL.replace(
  '    System.out.println("BMI");\n    double weight = input.nextDouble();\n',
  '    double weight = input.nextDouble();\n    System.out.println("BMI");\n',
);
const OTHER = `class Primes {
  static boolean prime(int n) {
    for (int d = 2; d * d <= n; d++) if (n % d == 0) return false;
    return n > 1;
  }
}
`;

const sub = (id: string, text: string) => ({ id, files: [{ path: `${id}/Main.java`, text }] });

test('renamed and reformatted copies score 1; an unrelated program scores far lower', async () => {
  const res = await compareCodeSubmissions([sub('original', ORIGINAL), sub('renamed', RENAMED), sub('reordered', REORDERED), sub('other', OTHER)], { kgramLength: 6, windowLength: 3 });
  const score = (a: string, b: string) => res.pairs.find((p) => (p.left === a && p.right === b) || (p.left === b && p.right === a))!.similarity;
  assert.equal(score('original', 'renamed'), 1);
  assert.equal(score('original', 'reordered'), 1);
  assert.ok(score('original', 'other') < 0.3, `other scored ${score('original', 'other')}`);
  const pair = res.pairs.find((p) => p.left === 'original' && p.right === 'renamed')!;
  assert.ok(pair.fragments.length > 0);
  for (const f of pair.fragments) {
    assert.equal(f.leftFile, 'original/Main.java');
    assert.ok(f.leftStartLine >= 1 && f.leftEndLine <= 14 && f.leftStartLine <= f.leftEndLine);
    assert.ok(f.rightStartLine >= 1 && f.rightEndLine <= 11);
  }
});

test('statement order matters only when canonical order is switched off', async () => {
  const subs = [sub('original', ORIGINAL), sub('reordered', REORDERED)];
  const off = await compareCodeSubmissions(subs, { kgramLength: 6, windowLength: 3, canonicalOrder: false, literalWeight: 0, mergeGap: 0 });
  assert.ok(off.pairs[0].similarity < 1);
});

test('languages are detected by extension and named with common aliases', () => {
  assert.equal(detectLanguage('src/Main.java')?.name, 'java');
  assert.equal(detectLanguage('a/b/solution.PY')?.name, 'python');
  assert.equal(detectLanguage('x.hpp')?.name, 'cpp');
  assert.equal(detectLanguage('query.sql')?.name, 'sql');
  assert.equal(detectLanguage('notes.md'), undefined);
  assert.equal(languageByName('C++')?.name, 'cpp');
  assert.equal(languageByName('octave')?.name, 'matlab');
  assert.equal(languageByName('cobol'), undefined);
});

test('an unknown forced language is an error', async () => {
  await assert.rejects(compareCodeSubmissions([sub('a', ORIGINAL)], { language: 'cobol' }), /unknown language "cobol"/);
});
