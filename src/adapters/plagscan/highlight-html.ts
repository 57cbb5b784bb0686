import { escapeHtml } from '../../report/text-markup.js';

/** Merges overlapping or touching [start, end) ranges. */
export function mergeRanges(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/**
 * A small self-contained HTML page of a text with the given ranges marked (`<mark>`), line
 * breaks kept. Used for the highlight and source views of the PlagScan API.
 */
export function highlightPage(title: string, text: string, ranges: { start: number; end: number }[]): string {
  let body = '';
  let at = 0;
  for (const r of mergeRanges(ranges)) {
    body += escapeHtml(text.slice(at, r.start)) + '<mark class="match">' + escapeHtml(text.slice(r.start, r.end)) + '</mark>';
    at = r.end;
  }
  body += escapeHtml(text.slice(at));
  return (
    '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>' + escapeHtml(title) + '</title>' +
    '<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;white-space:pre-wrap;line-height:1.5}mark.match{background:#ffd2d2}</style>' +
    '</head><body>' + body + '</body></html>\n'
  );
}
