import type { ExtractedFile } from '../extract/index.js';

/** Where a range of an extracted text sits in the original: the member file and its lines (1-based). */
export interface Location {
  file: string;
  start_line: number;
  end_line: number;
}

/** Offsets of the first character of every line of `text`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Index of the last element of the sorted `xs` that is <= x. */
function floorIndex(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Maps ranges of an extracted text to file and line numbers. Archives (ZIPs of code) list their
 * member files with offsets; lines count from the start of the member. A plain file is one
 * member named after the document.
 */
export function lineLocator(t: { text: string; extraction: unknown }, name = ''): (offset: number, length: number) => Location {
  const starts = lineStarts(t.text);
  const extraction = t.extraction as { files?: ExtractedFile[]; format?: string } | null;
  const files = (extraction?.files ?? []).filter((f) => typeof f.offset === 'number').sort((a, b) => a.offset - b.offset);
  return (offset, length) => {
    const end = Math.max(offset, offset + length - 1);
    const line = (o: number) => floorIndex(starts, o) + 1;
    const fi = files.length ? floorIndex(files.map((f) => f.offset), offset) : -1;
    const file = fi >= 0 && files[fi].offset <= offset ? files[fi] : null;
    const base = file ? line(file.offset) - 1 : 0;
    return { file: file?.path ?? name, start_line: line(offset) - base, end_line: line(end) - base };
  };
}
