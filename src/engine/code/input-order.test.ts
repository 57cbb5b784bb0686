/**
 * A pair's figures do not depend on the order submissions are given in (the service's upload
 * order, a folder's listing): the same class, shuffled, gives every pair the same similarity,
 * overlap, longest fragment and shared fingerprints, and the same fragments seen from its side.
 *
 *   class   16 submissions built from a seeded random generator: each mixes blocks of a shared
 *           pool (so pairs share code, and code most of the class shares is suppressed) with
 *           lines of its own, over a small alphabet (k-grams repeat within a submission)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codePairs, compareTokenizedSubmissions } from './compare.js';
import { stream } from './test-tokens.js';
import type { CodeCompareOptions, CodeFragment, CodePair, CodeSubmission } from './types.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomClass(seed: number, n: number): CodeSubmission[] {
  const r = rng(seed);
  const word = () => 'ABCDEFG'[Math.floor(r() * 7)];
  const line = () => Array.from({ length: 3 + Math.floor(r() * 5) }, word).join(' ');
  const pool = Array.from({ length: 6 }, () => Array.from({ length: 4 + Math.floor(r() * 6) }, line));
  return Array.from({ length: n }, (_, i) => {
    const lines: string[] = [];
    for (let b = 0; b < 5; b++) lines.push(...(r() < 0.6 ? pool[Math.floor(r() * pool.length)] : Array.from({ length: 3 }, line)));
    return { id: `s${String(i).padStart(2, '0')}`, files: [{ path: `S${i}.x`, tokens: stream(...lines) }] };
  });
}

/** A fragment as seen from submission `from` (its own side first). */
const seenFrom = (p: CodePair, from: string) => (f: CodeFragment) =>
  p.left === from ? `${f.leftFile}:${f.leftStartLine}-${f.leftEndLine}|${f.rightFile}:${f.rightStartLine}-${f.rightEndLine}|${f.tokens}` : `${f.rightFile}:${f.rightStartLine}-${f.rightEndLine}|${f.leftFile}:${f.leftStartLine}-${f.leftEndLine}|${f.tokens}`;

function byPair(subs: CodeSubmission[], options: CodeCompareOptions): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of codePairs(compareTokenizedSubmissions(subs, options))) {
    const [a, b] = p.left < p.right ? [p.left, p.right] : [p.right, p.left];
    const frags = p.fragments.map(seenFrom(p, a)).sort().join(' ');
    out.set(`${a} ${b}`, `${p.similarity} ${p.overlap} ${p.longestFragment} ${p.sharedFingerprints} ${p.sharedValues.join(',')} ${frags}`);
  }
  return out;
}

test('every pair scores the same whatever order the submissions come in', () => {
  const options: CodeCompareOptions = { kgramLength: 5, windowLength: 3, suppressMinSubmissions: 10 };
  let differing = 0;
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const subs = randomClass(seed, 16);
    const reference = byPair(subs, options);
    const r = rng(seed + 100);
    for (const order of [[...subs].reverse(), [...subs].sort(() => r() - 0.5)]) {
      const other = byPair(order, options);
      assert.equal(other.size, reference.size);
      for (const [key, value] of reference) if (other.get(key) !== value) differing++;
    }
  }
  assert.equal(differing, 0, `${differing} pair results changed with the input order`);
});

test('the comparison lists ids and per-submission figures in the order given', () => {
  const subs = randomClass(7, 12);
  const shuffled = [...subs].reverse();
  const c = compareTokenizedSubmissions(shuffled, {});
  assert.deepEqual(c.ids, shuffled.map((s) => s.id));
  const forward = compareTokenizedSubmissions(subs, {});
  for (let i = 0; i < subs.length; i++) assert.equal(c.tokens[subs.length - 1 - i], forward.tokens[i]);
});
