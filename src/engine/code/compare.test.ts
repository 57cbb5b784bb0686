/**
 *   submission  file      content (token kinds per line)
 *   ----------  --------  -----------------------------------------------
 *   a           Main.x    a body of 6 lines
 *   b           Copy.x    a blank-free copy of a, shifted down 2 lines
 *   c           Other.x   unrelated tokens
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codePairs, compareTokenizedSubmissions as compareColumns, planCodeComparison } from './compare.js';
import { classStructure } from './literal-weight.js';
import { stream } from './test-tokens.js';
import type { CodeCompareOptions, CodeSubmission } from './types.js';

const compareTokenizedSubmissions = (subs: CodeSubmission[], o: CodeCompareOptions) => {
  const c = compareColumns(subs, o);
  return { pairs: codePairs(c), excludedFingerprints: c.excludedFingerprints };
};

const BODY = ['FUNCTION ID ID', 'ASSIGN ID LIT', 'LOOP ID < ID', 'ASSIGN ID ID + ID', 'CALL ID ID LIT', 'RETURN ID'];
const OTHER = ['CLASS ID', 'x y z w', 'p q r s t', 'u v', 'm n o', 'i j k l'];
const sub = (id: string, path: string, lines: string[]): CodeSubmission => ({ id, files: [{ path, tokens: stream(...lines) }] });
/** The same lines with tokens of submission i's own (nothing in common with another i). */
const ownTokens = (lines: string[], i: number) => lines.map((l) => l.split(' ').map((w) => `${w}${i}`).join(' '));
const opts = { kgramLength: 4, windowLength: 2, literalWeight: 0 };

test('a copy scores 1 and its fragment points at the right lines; unrelated code scores 0', () => {
  const res = compareTokenizedSubmissions([sub('a', 'Main.x', BODY), sub('b', 'Copy.x', ['', '', ...BODY]), sub('c', 'Other.x', OTHER)], opts);
  const ab = res.pairs.find((p) => p.left === 'a' && p.right === 'b')!;
  assert.equal(ab.similarity, 1);
  assert.ok(ab.sharedFingerprints > 0);
  assert.equal(ab.longestFragment, BODY.join(' ').split(' ').length);
  assert.deepEqual(ab.fragments, [{ leftFile: 'Main.x', leftStartLine: 1, leftEndLine: 6, rightFile: 'Copy.x', rightStartLine: 3, rightEndLine: 8, tokens: ab.longestFragment }]);
  const ac = res.pairs.find((p) => p.left === 'a' && p.right === 'c')!;
  assert.equal(ac.similarity, 0);
  assert.equal(ac.sharedFingerprints, 0);
  assert.equal(res.pairs.length, 3);
});

test('similarity is partial when only part of the code is shared', () => {
  const res = compareTokenizedSubmissions([sub('a', 'A', BODY), sub('b', 'B', [...BODY.slice(0, 3), ...OTHER])], opts);
  const s = res.pairs[0].similarity;
  assert.ok(s > 0.2 && s < 0.8, `similarity ${s}`);
});

test('code of the base submission is excluded from every pair', () => {
  const subs = [sub('a', 'A', BODY), sub('b', 'B', BODY)];
  assert.equal(compareTokenizedSubmissions(subs, opts).pairs[0].similarity, 1);
  const res = compareTokenizedSubmissions(subs, { ...opts, base: sub('base', 'T', BODY) });
  assert.equal(res.pairs[0].similarity, 0);
  assert.ok(res.excludedFingerprints.base > 0);
});

test('overlap and coverage count no excluded code: base code a matched run reaches into is left out', () => {
  // Both submissions start with the base code, then share BODY, then end with code of their own.
  // The run over BODY starts with k-grams that begin inside the base code (kept: the base has no
  // such k-gram), so its tile spans 3 base tokens that are excluded on both sides.
  const TEMPLATE = ['CLASS TPL', 'TA TB TC TD TE'];
  const a = sub('a', 'A', [...TEMPLATE, ...BODY, 'x1 y1 z1 w1 v1', 'p1 q1 r1 s1']);
  const b = sub('b', 'B', [...TEMPLATE, ...BODY, 'x2 y2 z2 w2 v2', 'p2 q2 r2 s2']);
  const bodyTokens = BODY.join(' ').split(' ').length;
  const kept = bodyTokens + 9;
  const res = compareColumns([a, b], { ...opts, base: sub('base', 'T', TEMPLATE) });
  assert.equal(res.tokens[0], kept);
  const pair = codePairs(res)[0];
  assert.equal(pair.overlap, bodyTokens);
  assert.equal(pair.longestFragment, bodyTokens);
  assert.equal(pair.leftCoverage, bodyTokens / kept);
  assert.equal(pair.rightCoverage, bodyTokens / kept);
  // Without the base the same pair covers the template too.
  const whole = codePairs(compareColumns([a, b], opts))[0];
  assert.equal(whole.overlap, bodyTokens + 7);
});

test('boilerplate that otherwise different submissions share is suppressed, and the share is configurable', () => {
  const boiler = ['CLASS ID', 'FUNCTION ID ID ID'];
  const own = (i: number) => [`w${i} x${i} y${i} z${i} v${i}`, `a${i} b${i} c${i} d${i} e${i}`, `f${i} g${i} h${i} j${i}`];
  const subs = Array.from({ length: 12 }, (_, i) => sub(`s${i}`, 'F', [...boiler, ...own(i)]));
  const suppressed = compareTokenizedSubmissions(subs, opts);
  assert.ok(suppressed.excludedFingerprints.common > 0);
  assert.equal(suppressed.excludedFingerprints.commonKept, 0);
  assert.equal(suppressed.excludedFingerprints.commonMinHolders, 10);
  assert.ok(suppressed.pairs.every((p) => p.similarity === 0));
  const kept = compareTokenizedSubmissions(subs, { ...opts, suppressShare: 1 });
  assert.equal(kept.excludedFingerprints.common, 0);
  assert.ok(kept.pairs.every((p) => p.similarity > 0));
});

test('code most of a class copied from one program is kept: it is the copying, not boilerplate', () => {
  // Ten copies of BODY with a line of their own, and two independent submissions.
  const copies = Array.from({ length: 10 }, (_, i) => sub(`c${i}`, 'F', [...BODY, `w${i} x${i} y${i}`]));
  const others = [sub('o1', 'F', OTHER), sub('o2', 'F', ['p1 p2 p3 p4', 'p5 p6 p7 p8'])];
  const res = compareTokenizedSubmissions([...copies, ...others], opts);
  assert.equal(res.excludedFingerprints.common, 0);
  assert.ok(res.excludedFingerprints.commonKept > 0);
  const c01 = res.pairs.find((p) => p.left === 'c0' && p.right === 'c1')!;
  assert.ok(c01.similarity > 0.7, `copies score ${c01.similarity}`);
});

test('a copy scores 1 when suppressed common code splits its code (default k-grams)', () => {
  // Thirteen submissions: each has 20 tokens of its own, then 13 tokens every submission has (two
  // 12-grams, suppressed as common: a small part of otherwise different programs), then 8 tokens
  // of its own; 'copy' is s0 token for token. The code before the common part matches as one run
  // whose last k-gram reaches 11 tokens into it; the run after it overlaps that one on the same
  // diagonal. Laid as two tiles, the tail lost its overlap with the first and fell under k
  // tokens: the copy scored 40 / 56 = 0.71.
  const words = (prefix: string, count: number) => Array.from({ length: count }, (_, t) => `${prefix}${t}`).join(' ');
  const program = (i: number) => [words(`own${i}_`, 20), words('common', 13), words(`tail${i}_`, 8)];
  const subs = [...Array.from({ length: 12 }, (_, i) => sub(`s${i}`, 'F', program(i))), sub('copy', 'F', program(0))];
  const res = compareTokenizedSubmissions(subs, {}); // default settings (no literal values here: structure alone)
  assert.equal(res.excludedFingerprints.common, 2);
  const copy = res.pairs.find((p) => p.left === 's0' && p.right === 'copy')!;
  assert.equal(copy.similarity, 1);
  assert.equal(copy.overlap, 28); // 20 + 8 tokens of its own: the 13 suppressed common tokens count on neither side
  assert.deepEqual(copy.fragments.map((f) => [f.leftStartLine, f.leftEndLine, f.rightStartLine, f.rightEndLine]), [[1, 3, 1, 3]]);
  assert.ok(res.pairs.filter((p) => p.right !== 'copy').every((p) => p.similarity === 0));
});

test('a copy scores 1 when excluded code leaves a few tokens before it that no fingerprint seeds', () => {
  // 3 tokens, then 12 tokens of starter code (one excluded 12-gram), then 30: the three 12-grams
  // starting in the first 3 tokens reach into the starter code and winnowing picked none of them,
  // so no shared fingerprint seeds them. The run seeded after the starter code steps back over
  // the one excluded k-gram (the k-grams on either side of it agree and cover every token in
  // it) and takes them in: the copy scored 30 / 33 = 0.909 before.
  const P = 'BRANCH CALL LOOP', S = 'RETURN + LOOP < RETURN ID RETURN LIT LIT RETURN ID ASSIGN';
  const Q = 'ID ID + RETURN < + ID BRANCH LOOP LIT RETURN ID < LIT ID + + < < < + ID ASSIGN LIT BRANCH ASSIGN CALL < CALL <';
  const res = compareTokenizedSubmissions([sub('a', 'F', [P, S, Q]), sub('b', 'F', [P, S, Q]), sub('c', 'F', [P, S, 'x y z'])], { base: sub('base', 'F', [S]), literalWeight: 0, surfaceWeight: 0 });
  const copy = res.pairs.find((p) => p.left === 'a' && p.right === 'b')!;
  assert.equal(copy.similarity, 1);
  assert.equal(copy.overlap, 33); // the 12 starter tokens count on neither side
  // Sharing only the starter code and the 3 tokens before it is still nothing: no run is seeded.
  assert.equal(res.pairs.find((p) => p.left === 'a' && p.right === 'c')!.similarity, 0);
});

test('statements inserted between matches are merged over (subsequence match merging)', () => {
  const withInsert = [...BODY.slice(0, 3), 'JUNK', ...BODY.slice(3)];
  const merged = compareTokenizedSubmissions([sub('a', 'A', BODY), sub('b', 'B', withInsert)], { ...opts, mergeGap: 3 }).pairs[0];
  const split = compareTokenizedSubmissions([sub('a', 'A', BODY), sub('b', 'B', withInsert)], { ...opts, mergeGap: 0 }).pairs[0];
  assert.equal(merged.fragments.length, 1);
  assert.equal(split.fragments.length, 2);
  assert.ok(merged.similarity > split.similarity);
  assert.equal(merged.similarity, 1);
});

test('the literal channel separates equal structure with different literal values', () => {
  const withValues = (id: string, values: string[]): CodeSubmission => ({
    id,
    files: [{ path: 'F', tokens: stream(...BODY).map((t, i) => (i % 5 === 0 ? { ...t, value: values[(i / 5) % values.length] } : t)) }],
  });
  const same = compareTokenizedSubmissions([withValues('a', ['"x"', '42']), withValues('b', ['"x"', '42'])], { ...opts, literalWeight: 0.5, literalHalfTokens: Infinity });
  const other = compareTokenizedSubmissions([withValues('a', ['"x"', '42']), withValues('b', ['"y"', '7'])], { ...opts, literalWeight: 0.5, literalHalfTokens: Infinity });
  assert.equal(same.pairs[0].similarity, 1);
  assert.equal(other.pairs[0].similarity, 0.5);
  // By default the literal channel weighs more the shorter the programs: these have 21 tokens,
  // so (two submissions: no class to measure) λ = 1 / (1 + (21 / 50)^3) and equal structure with
  // no common value scores 1 - λ.
  const short = compareTokenizedSubmissions([withValues('a', ['"x"', '42']), withValues('b', ['"y"', '7'])], { ...opts, literalWeight: 1 });
  const x3 = (21 / 50) ** 3;
  assert.ok(Math.abs(short.pairs[0].similarity - x3 / (1 + x3)) < 1e-6, `${short.pairs[0].similarity}`);
});

test('a class whose programs are alike in structure keeps the literal channel for longer programs', () => {
  const LONG = [...BODY, ...BODY, ...BODY, ...BODY];
  const withValues = (id: string, values: string[], lines = LONG): CodeSubmission => ({
    id,
    files: [{ path: 'F', tokens: stream(...lines).map((t, i) => (i % 5 === 0 ? { ...t, value: values[(i / 5) % values.length] } : t)) }],
  });
  // a and b: the same structure, no literal value in common. Ten more submissions: the same
  // structure too (a prescribed exercise), or each its own tokens (varied solutions).
  const pair = [withValues('a', ['"x"', '42']), withValues('b', ['"y"', '7'])];
  const alike = [...pair, ...Array.from({ length: 10 }, (_, i) => withValues(`s${i}`, [`"v${i}"`, String(100 + i)]))];
  const varied = [...pair, ...Array.from({ length: 10 }, (_, i) => withValues(`s${i}`, [`"v${i}"`], ownTokens(LONG, i)))];
  const options = { kgramLength: 4, windowLength: 2, suppressShare: 1, surfaceWeight: 0, namesWeight: 0 };
  const score = (subs: CodeSubmission[]) => {
    const c = compareColumns(subs, options);
    return { ab: c.similarity[0], tokens: c.tokens[0] };
  };
  const inAlike = score(alike), inVaried = score(varied);
  assert.equal(inAlike.tokens, 84);
  // Median structure 1: λ halves at 50·(1 + 3·1) = 200 tokens. Median 0: at 50 tokens.
  const lambda = (h: number) => 0.9 / (1 + (84 / h) ** 3);
  assert.ok(Math.abs(inAlike.ab - (1 - lambda(200))) < 1e-6, `${inAlike.ab}`);
  assert.ok(Math.abs(inVaried.ab - (1 - lambda(50))) < 1e-6, `${inVaried.ab}`);
  assert.ok(inAlike.ab < 0.2 && inVaried.ab > 0.8);
  // Below ten submissions there is no class to measure: length alone.
  assert.ok(Math.abs(score(alike.slice(0, 9)).ab - (1 - lambda(50))) < 1e-6);
  // literalClassScale 0: length alone, whatever the class.
  assert.ok(Math.abs(compareColumns(alike, { ...options, literalClassScale: 0 }).similarity[0] - (1 - lambda(50))) < 1e-6);
});

test('classStructure: the exact median pair of a class of up to 100, a sample of 100 spread over a larger one', () => {
  const LONG = [...BODY, ...BODY];
  // Submission i: the whole shared program when i % 3 === 0, its first half and its own second half
  // when i % 3 === 1 (pairs in between), all its own tokens when i % 3 === 2.
  const member = (i: number) => sub(`s${String(i).padStart(3, '0')}`, 'F', i % 3 === 0 ? LONG : i % 3 === 1 ? [...BODY, ...ownTokens(BODY, i)] : ownTokens(LONG, i));
  const options = { kgramLength: 4, windowLength: 2, suppressShare: 1, literalWeight: 0, surfaceWeight: 0, namesWeight: 0 };
  const median = (values: Float64Array) => {
    const sorted = Float64Array.from(values).sort();
    return sorted[sorted.length >> 1];
  };
  for (const [n, at] of [[12, 0], [30, 0], [100, 0], [20, 1], [60, 1]]) {
    // at 1: leave out the members with all their own tokens, so pairs share half or all.
    const subs = Array.from({ length: n }, (_, i) => member(i)).filter((_, i) => !at || i % 3 !== 2);
    const exact = median(compareColumns(subs, options).similarity);
    assert.equal(classStructure(planCodeComparison(subs, options)), exact, `class of ${subs.length}`);
    if (at) assert.ok(exact > 0.3 && exact < 1, `${exact}`);
  }
  // Everyone writes the same program: 1, sampled or not.
  for (const n of [50, 250]) assert.equal(classStructure(planCodeComparison(Array.from({ length: n }, (_, i) => member(3 * i)), options)), 1);
  // 250 submissions, alike but for the first token of every second one: sampled, the median is one of the two values.
  const mixed = Array.from({ length: 250 }, (_, i) => sub(`m${i}`, 'F', i % 2 ? LONG : ['HEAD', ...LONG]));
  const c = classStructure(planCodeComparison(mixed, options));
  const all = compareColumns(mixed, options).similarity;
  assert.ok(all.includes(c) && c > 0.9, `${c}`);
});

test('the library-names channel moves a pair towards the Dice of the names neither side declares', () => {
  // Library names reach the engine as 32-bit hashes; any distinct numbers serve here.
  const hash = (name: string) => [...name].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
  const withNames = (id: string, names: string[], lines = BODY): CodeSubmission => ({ id, files: [{ path: 'F', tokens: stream(...lines) }], names: names.map(hash) });
  const scanner = ['Scanner', 'nextInt', 'System', 'out', 'println'];
  const subs = [withNames('a', scanner), withNames('b', scanner), withNames('c', ['BufferedReader', 'readLine', 'Integer', 'parseInt', 'printf'])];
  const off = compareTokenizedSubmissions(subs, { ...opts, namesWeight: 0 });
  assert.deepEqual(off.pairs.map((p) => p.similarity), [1, 1, 1]);
  const on = compareTokenizedSubmissions(subs, { ...opts, namesWeight: 0.5 });
  const sim = (l: string, r: string) => on.pairs.find((p) => p.left === l && p.right === r)!.similarity;
  assert.equal(sim('a', 'b'), 1);
  assert.equal(sim('a', 'c'), 0.5); // the same structure, no library name in common
  // Names alone never make a pair similar: code sharing nothing but its library names scores 0.
  const unrelated = compareTokenizedSubmissions([withNames('a', scanner), withNames('d', scanner, OTHER)], { ...opts, namesWeight: 0.5 });
  assert.equal(unrelated.pairs[0].similarity, 0);
  // The base's names are excluded like its code: left with nothing to compare, the channel is silent.
  const based = compareTokenizedSubmissions([withNames('a', scanner), withNames('c', ['printf'])], { ...opts, namesWeight: 0.5, base: withNames('base', [...scanner, 'printf'], ['x']) });
  assert.equal(based.pairs[0].similarity, 1);
});

test('tiny programs that share no fingerprint still score by their literal values', () => {
  const lit = (id: string, kinds: string[], value: string): CodeSubmission => ({
    id,
    files: [{ path: 'F', tokens: stream(...kinds).map((t) => (t.kind === 'LIT' ? { ...t, value } : t)) }],
  });
  const prints = lit('a', ['CALL ID LIT', 'CALL ID LIT', 'CALL ID LIT'], '"Welcome"');
  const loop = lit('b', ['LOOP ID < LIT', 'CALL ID LIT'], '"Welcome"');
  const res = compareTokenizedSubmissions([prints, loop], { ...opts, kgramLength: 9, literalWeight: 1 });
  assert.equal(res.pairs[0].sharedFingerprints, 0);
  assert.ok(res.pairs[0].similarity > 0.5, `${res.pairs[0].similarity}`);
});

test('column-wise results line up with the pair objects', () => {
  const c = compareColumns([sub('a', 'A', BODY), sub('b', 'B', OTHER), sub('c', 'C', BODY)], opts);
  assert.deepEqual(c.ids, ['a', 'b', 'c']);
  assert.equal(c.similarity.length, 3);
  assert.deepEqual(Array.from(c.similarity), [0, 1, 0]);
  assert.deepEqual(codePairs(c, 0.5).map((p) => [p.left, p.right]), [['a', 'c']]);
});

test('the result does not depend on anything but the input', () => {
  const input = [sub('a', 'A', BODY), sub('b', 'B', [...BODY].reverse())];
  assert.deepEqual(compareTokenizedSubmissions(input, opts), compareTokenizedSubmissions(input, opts));
});

test('no submissions, one submission and empty submissions give empty or zero results', () => {
  assert.equal(compareColumns([], opts).similarity.length, 0);
  assert.equal(compareColumns([sub('a', 'A', BODY)], opts).similarity.length, 0);
  const empty: CodeSubmission = { id: 'e', files: [] };
  const blank: CodeSubmission = { id: 'b', files: [{ path: 'B', tokens: [] }] };
  const res = compareTokenizedSubmissions([sub('a', 'A', BODY), empty, blank], opts);
  assert.equal(res.pairs.length, 3);
  assert.ok(res.pairs.every((p) => p.similarity === 0 && p.fragments.length === 0));
});
