/**
 * Turns a text and the match ranges on it into HTML: every matched stretch is a `<mark>` that
 * names its match ids (`data-match="m-… m-…"`, overlapping matches split the text so marks never
 * nest); the first piece of each match carries an element id so both sides can scroll to it.
 */
export interface MarkRange {
  id: string;
  start: number;
  end: number;
  /** Colour index (the source's position in the list). */
  colour: number;
  excluded: boolean;
  /** Why an excluded range does not count, in words ("quotation"); shown as the mark's title. */
  reason?: string;
}

export interface Span {
  start: number;
  end: number;
  ranges: MarkRange[];
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

/** Cuts [0, length) at every range boundary; each span lists the ranges covering it. */
export function segment(length: number, ranges: readonly MarkRange[]): Span[] {
  const cuts = new Set<number>([0, length]);
  const valid = ranges.filter((r) => r.end > r.start && r.start < length).map((r) => ({ ...r, start: Math.max(0, r.start), end: Math.min(length, r.end) }));
  for (const r of valid) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const spans: Span[] = [];
  let open: MarkRange[] = [];
  let k = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    open = open.filter((r) => r.end > start);
    while (k < byStart.length && byStart[k].start <= start) open.push(byStart[k++]);
    spans.push({ start, end, ranges: open.filter((r) => r.start <= start && r.end >= end) });
  }
  return spans;
}

export interface MarkupOptions {
  /** Prefix of element ids on this side ("s" submission, "o" source). */
  side: string;
  /** Show line numbers (code); lines count from each file's start. */
  lines: boolean;
  /** Member files of an archive, by offset, shown as headings. */
  files?: { path: string; offset: number }[];
  /** Stretches shaded as judged machine-written by the AI detector (prose only), with a label. */
  shade?: { start: number; end: number; label: string }[];
}

/** Splits spans at the shaded stretches' boundaries and notes which shade covers each piece. */
function shadeSpans(spans: Span[], shade: readonly { start: number; end: number; label: string }[]): (Span & { shade?: string })[] {
  if (shade.length === 0) return spans;
  const out: (Span & { shade?: string })[] = [];
  for (const s of spans) {
    const cuts = [s.start, ...shade.flatMap((g) => [g.start, g.end]).filter((c) => c > s.start && c < s.end), s.end].sort((a, b) => a - b);
    for (let i = 0; i + 1 < cuts.length; i++) {
      if (cuts[i] === cuts[i + 1]) continue;
      const g = shade.find((x) => x.start <= cuts[i] && x.end >= cuts[i + 1]);
      out.push({ start: cuts[i], end: cuts[i + 1], ranges: s.ranges, ...(g ? { shade: g.label } : {}) });
    }
  }
  return out;
}

function markOpen(span: Span, side: string, seen: Set<string>): string {
  const ids = span.ranges.map((r) => r.id);
  const first = span.ranges.find((r) => !seen.has(r.id));
  const active = span.ranges.filter((r) => !r.excluded);
  const colour = (active[0] ?? span.ranges[0]).colour % 6;
  let attrs = ` class="m c${colour}${active.length ? '' : ' excluded'}" data-match="${escapeHtml(ids.join(' '))}" tabindex="0"`;
  const why = active.length ? undefined : span.ranges.find((r) => r.reason)?.reason;
  if (why) attrs += ` data-excluded-reason="${escapeHtml(why)}" title="Not counted: ${escapeHtml(why)}"`;
  if (first) {
    attrs += ` id="${side}-${escapeHtml(first.id)}"`;
    for (const r of span.ranges) seen.add(r.id);
  }
  return `<mark${attrs}>`;
}

/** HTML of `text` with marks for `ranges`. */
export function markup(text: string, ranges: readonly MarkRange[], o: MarkupOptions): string {
  const spans = segment(text.length, ranges);
  const seen = new Set<string>();
  if (!o.lines) {
    return shadeSpans(spans, o.shade ?? [])
      .map((s) => {
        const inner = s.ranges.length ? `${markOpen(s, o.side, seen)}${escapeHtml(text.slice(s.start, s.end))}</mark>` : escapeHtml(text.slice(s.start, s.end));
        return s.shade ? `<span class="ai-shade" title="${escapeHtml(s.shade)}">${inner}</span>` : inner;
      })
      .join('');
  }
  // Code: one block per line with its number; marks are cut at line ends.
  const files = [...(o.files ?? [])].sort((a, b) => a.offset - b.offset);
  let fileIdx = 0;
  let lineNo = 0;
  const out: string[] = [];
  let line = '';
  let lineStart = 0;
  const flush = () => {
    while (fileIdx < files.length && files[fileIdx].offset <= lineStart) {
      out.push(`<div class="file-head">${escapeHtml(files[fileIdx].path)}</div>`);
      fileIdx++;
      lineNo = 0;
    }
    lineNo++;
    out.push(`<div class="line"><span class="ln" aria-hidden="true">${lineNo}</span><span class="lc">${line}</span></div>`);
    line = '';
  };
  for (const s of spans) {
    const pieces = text.slice(s.start, s.end).split('\n');
    let pos = s.start;
    pieces.forEach((piece, i) => {
      if (i > 0) {
        flush();
        lineStart = pos;
      }
      if (piece) line += s.ranges.length ? `${markOpen(s, o.side, seen)}${escapeHtml(piece)}</mark>` : escapeHtml(piece);
      pos += piece.length + 1;
    });
  }
  flush();
  return out.join('');
}
