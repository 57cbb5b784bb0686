/**
 * Which code is common to a class, and so no evidence of copying: k-grams present in many
 * submissions that are otherwise unrelated (boilerplate, a shared skeleton nobody declared as
 * base code). Present in many submissions is not enough: when most of a class hands in copies of
 * one program, that program's code is in most submissions too, and it is the copying itself. So a
 * k-gram found in more than `share` of the submissions is suppressed only when most of the
 * submissions holding it have most of their own code elsewhere (less than `maxCommonPart` of
 * their distinct k-grams are such widespread k-grams): a small shared part of otherwise different
 * programs. When the holders consist mostly of that widespread code, they are alike as a whole,
 * and the k-gram is kept (and counted as kept, so reports can say why).
 */

import { U32Table } from './u32-table.js';

export interface CommonCode {
  /** Widespread k-grams suppressed as boilerplate. */
  suppressed: Set<number>;
  /** Widespread k-grams kept because the submissions holding them are mostly alike as a whole. */
  kept: number;
  /** The smallest number of submissions a k-gram had to be in to count as widespread. */
  minHolders: number;
}

export function commonCode(distinct: readonly Uint32Array[], share: number, maxCommonPart: number): CommonCode {
  const n = distinct.length;
  const limit = share * n;
  let total = 0;
  for (const s of distinct) total += s.length;
  // Every table and set is made before the first loop: V8 optimises a long loop while it runs,
  // and a construction first reached after it would send that code back to the interpreter.
  const df = new U32Table(total);
  const holders = new U32Table();
  const minor = new U32Table();
  const suppressed = new Set<number>();
  for (const s of distinct) for (let x = 0; x < s.length; x++) df.add(s[x], 1);
  // Each submission's share of widespread k-grams, then, per widespread k-gram, how many of
  // its holders are mostly made of other code.
  for (const s of distinct) {
    let widespread = 0;
    for (let x = 0; x < s.length; x++) if (df.get(s[x]) > limit) widespread++;
    if (widespread === 0) continue;
    const isMinor = widespread < maxCommonPart * s.length;
    for (let x = 0; x < s.length; x++) {
      const h = s[x];
      if (df.get(h) <= limit) continue;
      holders.add(h, 1);
      if (isMinor) minor.add(h, 1);
    }
  }
  let kept = 0;
  holders.forEach((h, count) => {
    if (2 * Math.max(0, minor.get(h)) > count) suppressed.add(h);
    else kept++;
  });
  return { suppressed, kept, minHolders: Math.floor(limit) + 1 };
}
