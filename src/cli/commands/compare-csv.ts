/**
 * The CSV view of a code comparison, written as bytes: every pair in submission order, or the
 * `limit` most similar (most similar first). At 3,000 submissions that is 4.5 million rows
 * (250 MB); building a string per row and encoding it again cost more than the comparison, so
 * rows are formatted straight into 1 MiB buffers (ids encoded once, numbers as digits) and each
 * full buffer is handed to `write`. The text is the one `Number#toFixed(6)` and template strings
 * would give (compare-csv.test.ts holds it to that).
 */
import type { CodeComparison } from '../../engine/code/index.js';

export const CSV_HEADER = 'left,right,similarity,longest_fragment,total_overlap,left_covered,right_covered';

/**
 * Receives each full chunk; a returned promise is awaited (a pipe's back-pressure). Chunks are
 * not reused unless `writeCsv` is told the writer is done with a chunk when it returns.
 */
export type ChunkWriter = (chunk: Uint8Array) => boolean | void | Promise<unknown>;

export function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const CHUNK = 1 << 20;
const COMMA = 44, NEWLINE = 10, ZERO = 48, DOT = 46;
/** `,0.000000,0,0,0.000000,0.000000\n`: the figures of a pair with nothing in common. */
const EMPTY_FIGURES = Buffer.from(',0.000000,0,0,0.000000,0.000000\n', 'latin1');
/** What follows the similarity of a pair with no matched code (similar by literals alone). */
const NO_OVERLAP = Buffer.from(',0,0,0.000000,0.000000\n', 'latin1');

/** "000" … "999" as bytes, three per number. */
const DIGITS3 = new Uint8Array(3000);
for (let v = 0; v < 1000; v++) {
  DIGITS3[3 * v] = ZERO + Math.floor(v / 100);
  DIGITS3[3 * v + 1] = ZERO + (Math.floor(v / 10) % 10);
  DIGITS3[3 * v + 2] = ZERO + (v % 10);
}

/** Bytes appended to a buffer; `flush` hands the filled part on and starts a new buffer. */
class ByteSink {
  buf = Buffer.allocUnsafe(CHUNK);
  at = 0;

  /** `reuse`: the writer has finished with a chunk when it returns (a synchronous file write), so one buffer serves. */
  constructor(
    private readonly write: ChunkWriter,
    private readonly reuse = false,
  ) {}

  /** Makes room for `n` more bytes (at most a chunk), flushing first when needed. */
  room(n: number): Promise<unknown> | void {
    if (this.at + n > this.buf.length) return this.flush();
  }

  flush(): Promise<unknown> | void {
    if (this.at === 0) return;
    const full = this.buf.subarray(0, this.at);
    // A new buffer per chunk otherwise: 250 MB of them at 3,000 submissions also cost full
    // garbage collections (V8 counts them as external memory).
    if (!this.reuse) this.buf = Buffer.allocUnsafe(CHUNK);
    this.at = 0;
    const r = this.write(full);
    return r instanceof Promise ? r : undefined;
  }

  bytes(b: Uint8Array): void {
    const len = b.length;
    if (len > 32) {
      this.buf.set(b, this.at);
    } else {
      // Ids and the fixed tails are short: a loop beats TypedArray#set's call overhead.
      const buf = this.buf, at = this.at;
      for (let x = 0; x < len; x++) buf[at + x] = b[x];
    }
    this.at += len;
  }

  byte(c: number): void {
    this.buf[this.at++] = c;
  }

  /** A non-negative integer in decimal. */
  uint(n: number): void {
    this.at = putUint(this.buf, this.at, n);
  }

  /** `FIGURES[slot].toFixed(6)` (see FIGURES). */
  fixed6(slot: number): void {
    this.at = putFixed6(this.buf, this.at, slot);
  }
}

/**
 * The fractional figures of the row being written. They pass to the digit writer through this
 * array, not as arguments: a double handed to a call V8 does not inline is boxed on the heap,
 * three times per row (9 MB of garbage at 1,000 submissions).
 */
const FIGURES = new Float64Array(3);

function writeRow(sink: ByteSink, c: CodeComparison, ids: Buffer[], p: number, i: number, j: number): void {
  sink.bytes(ids[i]);
  sink.byte(COMMA);
  sink.bytes(ids[j]);
  const similarity = c.similarity[p], overlap = c.overlap[p], longest = c.longestFragment[p];
  FIGURES[0] = similarity;
  if (overlap === 0 && longest === 0) {
    if (similarity === 0) sink.bytes(EMPTY_FIGURES);
    else {
      sink.byte(COMMA);
      sink.fixed6(0);
      sink.bytes(NO_OVERLAP);
    }
    return;
  }
  // coverage(overlap, tokens), written out for the same reason.
  const left = c.tokens[i], right = c.tokens[j];
  FIGURES[1] = left > 0 ? Math.min(1, overlap / left) : 0;
  FIGURES[2] = right > 0 ? Math.min(1, overlap / right) : 0;
  sink.byte(COMMA);
  sink.fixed6(0);
  sink.byte(COMMA);
  sink.uint(longest);
  sink.byte(COMMA);
  sink.uint(overlap);
  sink.byte(COMMA);
  sink.fixed6(1);
  sink.byte(COMMA);
  sink.fixed6(2);
  sink.byte(NEWLINE);
}

/**
 * Pair indices of the `limit` most similar pairs, most similar first, ties in pair order: a
 * bounded heap over the similarity column (no array or sort of every pair).
 */
export function topPairIndices(similarity: Float64Array, limit: number): number[] {
  const size = similarity.length;
  const k = Math.min(limit, size);
  if (k <= 0) return [];
  // Min-heap of the k best so far; its root is the worst of them (lowest similarity, then latest pair).
  const heap = new Int32Array(k);
  let count = 0;
  const worse = (a: number, b: number) => similarity[a] < similarity[b] || (similarity[a] === similarity[b] && a > b);
  const down = (x: number) => {
    for (;;) {
      const l = 2 * x + 1, r = l + 1;
      let m = x;
      if (l < count && worse(heap[l], heap[m])) m = l;
      if (r < count && worse(heap[r], heap[m])) m = r;
      if (m === x) return;
      const t = heap[x];
      heap[x] = heap[m];
      heap[m] = t;
      x = m;
    }
  };
  for (let p = 0; p < size; p++) {
    if (count < k) {
      let x = count++;
      heap[x] = p;
      while (x > 0) {
        const parent = (x - 1) >> 1;
        if (!worse(heap[x], heap[parent])) break;
        const t = heap[x];
        heap[x] = heap[parent];
        heap[parent] = t;
        x = parent;
      }
    } else if (worse(heap[0], p)) {
      heap[0] = p;
      down(0);
    }
  }
  return Array.from(heap.subarray(0, count)).sort((a, b) => similarity[b] - similarity[a] || a - b);
}

/** Row and column (i < j) of pair index p among n submissions. */
export function pairAt(p: number, n: number): [number, number] {
  // Row i starts at i·n − i(i+1)/2; solve for the last start at or before p, then settle rounding.
  const rowStart = (i: number) => i * n - (i * (i + 1)) / 2;
  const b = 2 * n - 1;
  let i = Math.max(0, Math.floor((b - Math.sqrt(Math.max(0, b * b - 8 * p))) / 2));
  while (i > 0 && rowStart(i) > p) i--;
  while (rowStart(i + 1) <= p) i++;
  return [i, i + 1 + (p - rowStart(i))];
}

/**
 * Writes the comparison as CSV through `write`: all pairs in submission order, or the `limit`
 * most similar. `reuseChunks`: `write` is finished with each chunk when it returns.
 */
export async function writeCsv(c: CodeComparison, write: ChunkWriter, limit?: number, reuseChunks = false): Promise<void> {
  const n = c.ids.length;
  const ids = c.ids.map((id) => Buffer.from(csvCell(id), 'utf8'));
  let longestId = 0;
  for (const b of ids) longestId = Math.max(longestId, b.length);
  // Longest row: two ids, five commas, three fixed-point figures (toFixed of at most 1000: 10
  // characters, more only for figures we never produce), two integers (10 digits), a newline.
  const maxRow = 2 * longestId + 5 + 3 * 24 + 2 * 10 + 1;
  if (maxRow > CHUNK) throw new RangeError('submission ids too long for a CSV row');
  const sink = new ByteSink(write, reuseChunks);
  sink.bytes(Buffer.from(CSV_HEADER + '\n', 'latin1'));
  if (limit !== undefined) {
    for (const p of topPairIndices(c.similarity, limit)) {
      const [i, j] = pairAt(p, n);
      await sink.room(maxRow);
      writeRow(sink, c, ids, p, i, j);
    }
  } else {
    // Row by row, each row's pairs written by fillRow until the chunk is full. fillRow's loop has
    // nothing after it but a return: V8 optimises the loop while the first row runs (on-stack
    // replacement), and code after a loop that had never run before then (the chunk's state
    // saved into an object, as before) sent the optimised code back to the interpreter and
    // had the writer compiled three more times.
    const full = CHUNK - maxRow;
    let i = 0, j = 1, p = 0;
    while (i < n - 1) {
      const next = fillRow(sink, c, ids, i, j, p, full);
      p += next - j;
      if (next < n) {
        await sink.flush();
        j = next;
      } else {
        i++;
        j = i + 1;
      }
    }
  }
  await sink.flush();
}

/** Writes the pairs (i, j), (i, j + 1), … of row i, from pair index p, until the chunk is filled past `full`; returns the first j not written. */
function fillRow(sink: ByteSink, c: CodeComparison, ids: Buffer[], i: number, j: number, p: number, full: number): number {
  const n = ids.length;
  for (; j < n; j++, p++) {
    if (sink.at > full) return j;
    writeRow(sink, c, ids, p, i, j);
  }
  return j;
}

/** A non-negative integer in decimal at `o`; returns the offset after it. */
function putUint(buf: Buffer, o: number, n: number): number {
  if (n < 10) {
    buf[o] = ZERO + n;
    return o + 1;
  }
  let digits = 1;
  for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
  let at = o + digits;
  for (let m = n; m > 0; m = Math.floor(m / 10)) buf[--at] = ZERO + (m % 10);
  return o + digits;
}

/** `FIGURES[slot].toFixed(6)` at `o` for 0 ≤ x < 1000 (others through toFixed itself); returns the offset after it. */
function putFixed6(buf: Buffer, o: number, slot: number): number {
  const x = FIGURES[slot];
  if (!(x >= 0 && x < 1000)) {
    const s = x.toFixed(6);
    for (let c = 0; c < s.length; c++) buf[o + c] = s.charCodeAt(c);
    return o + s.length;
  }
  // toFixed rounds the exact value of x·10⁶ to the nearest integer, a tie to the larger one.
  // The product in doubles is off from the exact value by `err` (Dekker's product: x split in
  // two halves of 26 bits, each times 10⁶ exact), and that only matters when the rounded product
  // lies exactly on a half: then the sign of err decides. (Before, such figures went through
  // toFixed itself, a path first reached inside optimised code, by the coverage of a 128-token
  // submission, say.)
  const scaled = x * 1e6;
  const split = 134217729 * x;
  const hi = split - (split - x);
  const err = hi * 1e6 - scaled + (x - hi) * 1e6;
  // Every comparison and sum here runs for every figure: one reached only on a half would have
  // no type feedback, and optimised code would bail out there the first time.
  const onHalf = scaled - Math.floor(scaled) === 0.5 ? 1 : 0;
  const below = err < 0 ? 1 : 0;
  const v = Math.round(scaled) - onHalf * below; // < 10⁹: integer arithmetic from here
  const whole = (v / 1e6) | 0;
  const frac = v - whole * 1e6;
  const upper = (frac / 1000) | 0, lower = frac - upper * 1000;
  o = putUint(buf, o, whole);
  buf[o] = DOT;
  buf[o + 1] = DIGITS3[3 * upper];
  buf[o + 2] = DIGITS3[3 * upper + 1];
  buf[o + 3] = DIGITS3[3 * upper + 2];
  buf[o + 4] = DIGITS3[3 * lower];
  buf[o + 5] = DIGITS3[3 * lower + 1];
  buf[o + 6] = DIGITS3[3 * lower + 2];
  return o + 7;
}
