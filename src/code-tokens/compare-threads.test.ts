/**
 * Fixtures: 60 Java submissions generated from the four programs below, each with its own
 * identifier names, one to three of its straight-line statements dropped and a comment added
 * (so pairs range from near-copies to unrelated code), plus a base submission (the class header
 * every one of them starts from).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { balancedRows } from './compare-threads.js';
import { compareCodeSources } from './compare-sources.js';
import { planCodeComparison } from '../engine/code/index.js';
import type { SourceSubmission } from './source-files.js';

const PROGRAMS = [
  `public class Main {
  public static void main(String[] args) {
    Scanner input = new Scanner(System.in);
    int count = input.nextInt();
    int total = 0;
    int largest = 0;
    for (int i = 0; i < count; i++) {
      int value = input.nextInt();
      total += value;
      if (value > largest) largest = value;
    }
    double mean = (double) total / count;
    System.out.println("mean " + mean);
    System.out.println("largest " + largest);
  }
}`,
  `public class Main {
  public static void main(String[] args) {
    Scanner input = new Scanner(System.in);
    String word = input.nextLine();
    int vowels = 0;
    String reversed = "";
    for (int i = word.length() - 1; i >= 0; i--) {
      char c = word.charAt(i);
      reversed += c;
      if ("aeiou".indexOf(c) >= 0) vowels++;
    }
    System.out.println(reversed);
    System.out.println(vowels + " vowels");
  }
}`,
  `public class Main {
  public static void main(String[] args) {
    Scanner input = new Scanner(System.in);
    double weight = input.nextDouble();
    double height = input.nextDouble();
    double bmi = weight / (height * height);
    if (bmi < 18.5) System.out.println("under");
    else if (bmi < 25) System.out.println("normal");
    else System.out.println("over");
    int rounded = (int) Math.round(bmi);
    System.out.println(rounded);
  }
}`,
  `public class Main {
  public static void main(String[] args) {
    Scanner input = new Scanner(System.in);
    int n = input.nextInt();
    long a = 0;
    long b = 1;
    while (n > 0) {
      long next = a + b;
      a = b;
      b = next;
      n--;
    }
    System.out.println(a);
  }
}`,
];
const KEYWORDS = new Set('public class static void main String args Scanner System in out println new int double long char for if else while return length charAt indexOf nextInt nextLine nextDouble Math round'.split(' '));

function variant(program: string, n: number): string {
  const lines = program.split('\n').map((l) => l.replace(/\b[a-z][A-Za-z]*\b/g, (w) => (KEYWORDS.has(w) ? w : `${w}${n % 5}`)));
  const simple = lines.map((l, i) => (/^\s+(int|double|long|String) \w+ = [^;]*;$/.test(l) ? i : -1)).filter((i) => i >= 0);
  for (let d = 0; d < 1 + (n % 3) && simple.length; d++) lines.splice(simple.splice((n * 7 + d) % simple.length, 1)[0] - d, 1);
  lines.splice(1, 0, `  // submission ${n}`);
  return lines.join('\n');
}

const subs: SourceSubmission[] = Array.from({ length: 60 }, (_, n) => ({ id: `s${n}`, files: [{ path: `s${n}/Main.java`, text: variant(PROGRAMS[n % 4], n) }] }));
const base: SourceSubmission = { id: 'base', files: [{ path: 'Main.java', text: 'public class Main {\n  public static void main(String[] args) {\n    Scanner input = new Scanner(System.in);\n  }\n}' }] };

test('the comparison is the same, pair for pair, on one thread and on three', async () => {
  const options = { language: 'java', base, suppressShare: 0.6, suppressMinSubmissions: 10, fragmentMinSimilarity: 0.2 };
  const one = await compareCodeSources(subs, { ...options, threads: 1 });
  const three = await compareCodeSources(subs, { ...options, threads: 3 });
  assert.deepEqual(three.ids, one.ids);
  assert.deepEqual(three.similarity, one.similarity);
  assert.deepEqual(three.longestFragment, one.longestFragment);
  assert.deepEqual(three.sharedFingerprints, one.sharedFingerprints);
  assert.deepEqual(three.excludedFingerprints, one.excludedFingerprints);
  assert.deepEqual([...three.fragments.entries()].sort((x, y) => x[0] - y[0]), [...one.fragments.entries()].sort((x, y) => x[0] - y[0]));
  // The fixtures are what the test says: near-copies and unrelated pairs, fragments on some.
  assert.ok(one.fragments.size > 50, `${one.fragments.size} pairs with fragments`);
  const sorted = [...one.similarity].sort((a, b) => a - b);
  assert.ok(sorted[0] < 0.3 && sorted[sorted.length - 1] > 0.8, `similarities ${sorted[0]} .. ${sorted[sorted.length - 1]}`);
});

test('progress is reported for every submission tokenised, on any thread', async () => {
  const seen: number[] = [];
  await compareCodeSources(subs, { language: 'java', threads: 2, withFragments: false, onTokenized: (done) => seen.push(done) });
  assert.equal(Math.max(...seen), subs.length);
});

test('an unknown language fails on every thread count, as an error, not a hang', async () => {
  for (const threads of [1, 2]) await assert.rejects(compareCodeSources(subs, { language: 'klingon', threads }), /unknown language "klingon"/);
});

test('row slices split the matching work about evenly', () => {
  const plan = planCodeComparison(
    Array.from({ length: 40 }, (_, i) => ({ id: `t${i}`, files: [{ path: 'x', tokens: 'A B C D E F G H I J K L M N'.split(' ').map((kind, c) => ({ kind: i % 2 ? kind : `${kind}${c % 3}`, line: 1, column: c + 1 })) }] })),
    { kgramLength: 3, windowLength: 2 },
  );
  const bounds = balancedRows(plan, 2);
  assert.equal(bounds.length, 3);
  assert.equal(bounds[0], 0);
  assert.equal(bounds[2], 40);
  // Early rows hold more pairs, so the first slice has fewer rows than the second.
  assert.ok(bounds[1] > 0 && bounds[1] < 20, `split at row ${bounds[1]}`);
});
