import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverage, type CodeComparison } from '../../engine/code/index.js';
import { CSV_HEADER, pairAt, topPairIndices, writeCsv } from './compare-csv.js';

/** A comparison of n submissions with seeded figures: zeros, halves at the 7th decimal, exact values. */
function comparison(n: number, seed: number): CodeComparison {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const size = (n * (n - 1)) / 2;
  const similarity = new Float64Array(size), longestFragment = new Uint32Array(size), overlap = new Uint32Array(size);
  const tricky = [0, 1, 0.5, 1 / 3, 2 / 3, 0.0000005, 0.0000015, 0.1234565, 0.9999995, 0.9999994999, 1e-7, 0.125, 0.000001];
  for (let p = 0; p < size; p++) {
    const kind = rnd();
    if (kind < 0.4) continue; // nothing in common
    similarity[p] = kind < 0.5 ? tricky[p % tricky.length] : kind < 0.55 ? Math.round(rnd() * 1e7) / 1e7 : rnd();
    if (kind < 0.9) {
      overlap[p] = Math.floor(rnd() * 4000);
      longestFragment[p] = Math.floor(rnd() * (overlap[p] + 1));
    }
  }
  const tokens = Uint32Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : 1 + Math.floor(rnd() * 3000)));
  const ids = Array.from({ length: n }, (_, i) => (i === 3 ? 'with,comma' : i === 4 ? 'quote"d' : i === 5 ? 'ünï' : `s${i}`));
  return { ids, similarity, longestFragment, sharedFingerprints: new Uint32Array(size), overlap, tokens, fragments: new Map(), excludedFingerprints: { base: 0, common: 0, commonKept: 0, commonMinHolders: 0 }, sharedValues: () => [] };
}

/** The rows as template strings and toFixed write them (the text the byte writer must equal). */
function reference(c: CodeComparison, order?: number[]): string {
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const n = c.ids.length;
  const rows: string[] = [CSV_HEADER];
  const at: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) at.push([i, j]);
  for (const p of order ?? at.map((_, p) => p)) {
    const [i, j] = at[p];
    rows.push(`${cell(c.ids[i])},${cell(c.ids[j])},${c.similarity[p].toFixed(6)},${c.longestFragment[p]},${c.overlap[p]},${coverage(c.overlap[p], c.tokens[i]).toFixed(6)},${coverage(c.overlap[p], c.tokens[j]).toFixed(6)}`);
  }
  return rows.join('\n') + '\n';
}

async function written(c: CodeComparison, limit?: number, reuse = false): Promise<{ text: string; chunks: number }> {
  const chunks: Buffer[] = [];
  // Buffer.from copies: a writer that keeps chunks must copy them when they are reused.
  await writeCsv(c, (chunk) => void chunks.push(Buffer.from(chunk)), limit, reuse);
  return { text: Buffer.concat(chunks).toString('utf8'), chunks: chunks.length };
}

test('CSV bytes equal the toFixed text, across chunk boundaries and for every kind of figure', async () => {
  const c = comparison(420, 7); // ~88,000 rows, several 1 MiB chunks
  const { text, chunks } = await written(c);
  assert.ok(chunks >= 3, `${chunks} chunks`);
  assert.equal(text, reference(c));
  assert.equal((await written(c, undefined, true)).text, text, 'one reused buffer gives the same bytes');
});

test('figures on a half at the 7th decimal round as toFixed does, either side of the half', async () => {
  // x·10⁶ in doubles lands exactly on .5 for many figures whose exact value lies just off it
  // (and for exact halves such as 1/128); the writer must tell them apart as toFixed does.
  const xs: number[] = [];
  for (let k = 0; k < 1e6; k += 7) {
    const x = (k + 0.5) / 1e6;
    xs.push(x, x * (1 + Number.EPSILON), x * (1 - Number.EPSILON));
  }
  for (let b = 100; b <= 4100; b += 8) for (let a = 1; a < b; a += 37) xs.push(a / b);
  const n = Math.ceil(Math.sqrt(2 * xs.length)) + 1;
  const size = (n * (n - 1)) / 2;
  const similarity = new Float64Array(size);
  similarity.set(xs);
  const ids = Array.from({ length: n }, (_, i) => `s${i}`);
  const c: CodeComparison = { ...comparison(n, 1), ids, similarity, longestFragment: new Uint32Array(size), overlap: new Uint32Array(size) };
  const rows = (await written(c)).text.split('\n').slice(1);
  const wrong = xs.filter((x, p) => rows[p].split(',')[2] !== x.toFixed(6));
  assert.ok(xs.filter((x) => (x * 1e6) % 1 === 0.5).length > 1000, 'the figures include products on a half');
  assert.deepEqual(wrong.slice(0, 5), []);
});

test('without reuse every chunk is a buffer of its own (a pipe may still hold the previous one)', async () => {
  const kept: Uint8Array[] = [];
  await writeCsv(comparison(420, 5), (chunk) => void kept.push(chunk));
  assert.ok(kept.length >= 3);
  assert.equal(new Set(kept.map((b) => b.buffer)).size, kept.length);
});

test('--limit: the most similar pairs first, ties in pair order, as a full sort would give', async () => {
  const c = comparison(60, 11);
  const order = Array.from(c.similarity.keys()).sort((a, b) => c.similarity[b] - c.similarity[a] || a - b);
  for (const limit of [1, 25, 500, order.length, order.length + 10]) {
    assert.deepEqual(topPairIndices(c.similarity, limit), order.slice(0, limit));
    assert.equal((await written(c, limit)).text, reference(c, order.slice(0, limit)));
  }
});

test('pairAt inverts the pair numbering of every pair', () => {
  for (const n of [2, 3, 10, 77]) {
    let p = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++, p++) assert.deepEqual(pairAt(p, n), [i, j]);
  }
});

test('a writer that asks to wait is waited for before the next chunk', async () => {
  const c = comparison(420, 3);
  const events: string[] = [];
  let pending = 0;
  await writeCsv(c, () => {
    assert.equal(pending, 0, 'a chunk arrived while the previous write was still pending');
    pending++;
    events.push('chunk');
    return new Promise<void>((done) =>
      setTimeout(() => {
        pending--;
        done();
      }, 1),
    );
  });
  assert.ok(events.length >= 3);
});
