/**
 *   submission  what it is
 *   ----------  ----------------------------------------------------------------
 *   original    a small Java program
 *   renamed     the same program, identifiers renamed, comments and layout changed
 *   reordered   the same program with two call-free statements of a straight-line run swapped
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
    double area = height * height;
    double half = weight / 2;
    double bmi = weight / area;
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
    double ar = h * h;
    double hf = w / 2;
    double r = w / ar;
    if (r < 18.5) System.out.println("Underweight");
    else System.out.println("Fine");
  }
}
`;
const REORDERED = ORIGINAL.replace(
  '    double area = height * height;\n    double half = weight / 2;\n',
  '    double half = weight / 2;\n    double area = height * height;\n',
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
  // The renamed copy also dropped two pairs of braces: its tokens are the original's, its
  // surface marks differ a little (the surface discount, at most surfaceWeight).
  const tokensOnly = await compareCodeSubmissions([sub('original', ORIGINAL), sub('renamed', RENAMED)], { kgramLength: 6, windowLength: 3, surfaceWeight: 0 });
  assert.equal(tokensOnly.pairs[0].similarity, 1);
  assert.ok(score('original', 'renamed') >= 0.99 && score('original', 'renamed') < 1, `renamed scored ${score('original', 'renamed')}`);
  assert.equal(score('original', 'reordered'), 1);
  assert.ok(score('original', 'other') < 0.3, `other scored ${score('original', 'other')}`);
  const pair = res.pairs.find((p) => p.left === 'original' && p.right === 'renamed')!;
  assert.ok(pair.fragments.length > 0);
  for (const f of pair.fragments) {
    assert.equal(f.leftFile, 'original/Main.java');
    assert.ok(f.leftStartLine >= 1 && f.leftEndLine <= 16 && f.leftStartLine <= f.leftEndLine);
    assert.ok(f.rightStartLine >= 1 && f.rightEndLine <= 13);
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

test('C++: a copy with renamed identifiers, other comments and braces scores 1', async () => {
  const original = `#include <iostream>
int main() {
  int n = 0;
  std::cin >> n;
  long long total = 0;
  for (int i = 1; i <= n; i++) {
    if (i % 3 == 0) total += i;
  }
  std::cout << "total " << total << std::endl;
  return 0;
}
`;
  const copy = `#include <iostream>
// sums multiples of three
int main()
{
    int count = 0;
    std::cin >> count;
    long long acc = 0;
    for (int k = 1; k <= count; k++)
    {
        if (k % 3 == 0)
        {
            acc += k;
        }
    }
    std::cout << "total " << acc << std::endl;
    return 0;
}
`;
  const other = `#include <vector>
std::vector<int> primes(int limit) {
  std::vector<bool> sieve(limit + 1, true);
  std::vector<int> out;
  for (int p = 2; p <= limit; p++) {
    if (!sieve[p]) continue;
    out.push_back(p);
    for (int m = p * p; m <= limit; m += p) sieve[m] = false;
  }
  return out;
}
`;
  const res = await compareCodeSubmissions(
    [
      { id: 'a', files: [{ path: 'a.cpp', text: original }] },
      { id: 'b', files: [{ path: 'b.cpp', text: copy }] },
      { id: 'c', files: [{ path: 'c.cpp', text: other }] },
    ],
    { kgramLength: 6, windowLength: 3, surfaceWeight: 0 },
  );
  const [ab, ac] = res.pairs;
  assert.equal(ab.similarity, 1);
  assert.ok(ac.similarity < 0.4, `unrelated scored ${ac.similarity}`);
});

// Three solutions of "is w an even sum of two even parts" that normalise to the same tokens:
// two written independently (one with braces and a newline in its strings, one without), and a
// copy of the first with other layout, comments and a junk macro header.
const EVEN_A = `#include <stdio.h>
int main(){
    int n;
    scanf("%d",&n);
    if(n>2&&n%2==0){
        printf("YES");
    }
    else{
        printf("NO");
    }
    return 0;
}
`;
const EVEN_B = `#include <stdio.h>

int main()
{
    int w;
    scanf("%d", &w);

    if (w > 2 && w % 2 == 0)
        printf("YES\n");
    else
        printf("NO\n");

    return 0;
}
`;
const EVEN_A_COPY = `#define LIMIT 100
#include <stdio.h>
// checks the weight
int main()
{
  int x; scanf("%d",&x);
  if (x>2 && x%2==0) { printf("YES"); }   /* even */
  else { printf("NO"); }
  return 0;
}
`;

test('C and C++: the same C program saved as .c and as .cpp reads the same (the C++ grammar wraps conditions and subscripts)', async () => {
  const program = `#include <stdio.h>
int main(void) {
  int n, best = 0, a[100];
  scanf("%d", &n);
  for (int i = 0; i < n; i++) scanf("%d", &a[i]);
  for (int i = 0; i < n; i++) {
    if (a[i] > best) best = a[i];
  }
  while (n > 0 && a[n - 1] == best) n--;
  printf("%d %d\n", best, n);
  return 0;
}
`;
  const res = await compareCodeSubmissions([
    { id: 'c', files: [{ path: 'main.c', text: program }] },
    { id: 'cpp', files: [{ path: 'main.cpp', text: program }] },
  ]);
  assert.equal(res.pairs[0].similarity, 1);
});

test('C: the surface discount separates independent solutions with the same tokens from a reformatted copy', async () => {
  const subs = [
    { id: 'a', files: [{ path: 'a.c', text: EVEN_A }] },
    { id: 'b', files: [{ path: 'b.c', text: EVEN_B }] },
    { id: 'copy', files: [{ path: 'copy.c', text: EVEN_A_COPY }] },
  ];
  const score = (pairs: { left: string; right: string; similarity: number }[], x: string, y: string) => pairs.find((p) => p.left === x && p.right === y)!.similarity;
  const tokensOnly = (await compareCodeSubmissions(subs, { kgramLength: 6, windowLength: 3, surfaceWeight: 0 })).pairs;
  assert.equal(score(tokensOnly, 'a', 'b'), 1, 'the two independent solutions normalise to the same tokens and literals');
  assert.equal(score(tokensOnly, 'a', 'copy'), 1);
  const pairs = (await compareCodeSubmissions(subs, { kgramLength: 6, windowLength: 3 })).pairs;
  assert.equal(score(pairs, 'a', 'copy'), 1, 'layout, comments and macros are no surface difference');
  assert.ok(score(pairs, 'a', 'b') < 1, `independent solutions scored ${score(pairs, 'a', 'b')}`);
  assert.ok(score(pairs, 'a', 'b') >= 0.9, 'the discount is at most surfaceWeight (0.1)');
});
