/**
 * Views of a code comparison for the terminal: CSV (every pair in submission order, streamed, or
 * the `limit` most similar), a table and JSON (most similar first), and a self-contained HTML
 * report: clusters of submissions, the most similar pairs, and each pair's code side by side with
 * the matching fragments marked.
 */
import { codePairAt, codePairs, type CodeComparison, type CodePair } from '../../engine/code/index.js';
import { shortValue } from '../../report/shared-values.js';
import { escapeHtml } from '../../report/text-markup.js';
import { clustersOf } from './compare-clusters.js';
import { csvCell, pairAt, topPairIndices, writeCsv, type ChunkWriter } from './compare-csv.js';

export type CompareFormat = 'table' | 'csv' | 'json' | 'html';

export interface RenderOptions {
  /** Only the most similar pairs (all when undefined). */
  limit?: number;
  /** Pairs at or above this similarity link submissions into clusters (HTML, JSON). */
  clusterThreshold: number;
  /** Source files per submission id (the HTML report shows them side by side). */
  sources?: Map<string, { path: string; text: string }[]>;
  /** CSV: `write` is finished with each chunk when it returns (one buffer is reused). */
  reuseChunks?: boolean;
}

export { CSV_HEADER } from './compare-csv.js';

function byScore(pairs: CodePair[]): CodePair[] {
  return pairs.sort((a, b) => b.similarity - a.similarity || (a.left < b.left ? -1 : a.left > b.left ? 1 : a.right < b.right ? -1 : 1));
}

/** The `limit` most similar pairs as objects, most similar first (ties in pair order). */
function topPairs(c: CodeComparison, limit: number): CodePair[] {
  const n = c.ids.length;
  return topPairIndices(c.similarity, limit).map((p) => {
    const [i, j] = pairAt(p, n);
    return codePairAt(c, p, i, j);
  });
}

/** What common-code suppression did, in words (for stderr and the reports). */
export function commonCodeNote(c: CodeComparison): string {
  const e = c.excludedFingerprints;
  const parts: string[] = [];
  if (e.base > 0) parts.push(`${e.base} k-grams of the base code excluded`);
  if (e.commonMinHolders === 0) parts.push('no automatic common-code check (too few submissions or turned off)');
  else {
    parts.push(
      e.common > 0
        ? `${e.common} k-grams suppressed as boilerplate: each is in at least ${e.commonMinHolders} of ${c.ids.length} submissions whose code is otherwise mostly different`
        : 'no boilerplate suppressed',
    );
    if (e.commonKept > 0) parts.push(`${e.commonKept} k-grams as widespread kept: the submissions holding them are mostly alike as a whole (possibly copied from one source; give --base if it is starter code)`);
  }
  return parts.join('; ');
}

/**
 * Writes the comparison in `format` through `write`. CSV goes out in byte chunks (compare-csv.ts),
 * so millions of rows stream; the other formats are written as one string. With a `limit`, only
 * those pairs become objects; clusters come from the pairs at or above the threshold.
 */
export async function renderPairs(result: CodeComparison, format: CompareFormat, write: ChunkWriter | ((chunk: string) => boolean | void), options: RenderOptions = { clusterThreshold: 0.6 }): Promise<void> {
  if (format === 'csv') {
    await writeCsv(result, write as ChunkWriter, options.limit, options.reuseChunks);
    return;
  }
  const text = write as (chunk: string) => boolean | void;
  const pairs = options.limit !== undefined ? topPairs(result, options.limit) : byScore(codePairs(result));
  const clusters = clustersOf(options.limit !== undefined ? codePairs(result, options.clusterThreshold) : pairs, options.clusterThreshold);
  if (format === 'json') {
    text(JSON.stringify({ pairs, clusters, clusterThreshold: options.clusterThreshold, excludedFingerprints: result.excludedFingerprints, commonCode: commonCodeNote(result) }, null, 2) + '\n');
    return;
  }
  if (format === 'html') {
    text(renderHtml(result, pairs, clusters, options));
    return;
  }
  const rows = pairs.map((p) => [p.left, p.right, p.similarity.toFixed(3), String(p.longestFragment), String(p.overlap), p.leftCoverage.toFixed(2), p.rightCoverage.toFixed(2)]);
  const head = ['left', 'right', 'similarity', 'longest', 'overlap', 'left_cov', 'right_cov'];
  const widths = head.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i].length), h.length));
  const line = (r: string[]) => r.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  text([line(head), ...rows.map(line)].join('\n') + '\n');
}

/** One side of a pair: its files, the lines of the pair's fragments marked (fragment number in a title). */
function sideHtml(files: { path: string; text: string }[], marks: { file: string; start: number; end: number; n: number }[]): string {
  return files
    .filter((f) => marks.length === 0 || marks.some((m) => m.file === f.path))
    .map((f) => {
      const lines = f.text.split(/\r?\n/).map((l, x) => {
        const m = marks.find((k) => k.file === f.path && x + 1 >= k.start && x + 1 <= k.end);
        const code = `<span class="ln">${x + 1}</span>${escapeHtml(l)}`;
        return m ? `<mark class="f${m.n % 6}" title="fragment ${m.n + 1}">${code}</mark>` : code;
      });
      return `<div class="file"><div class="path">${escapeHtml(f.path)}</div><pre>${lines.join('\n')}</pre></div>`;
    })
    .join('');
}

/** A pair's shared literal values as table cell content, each shortened as the reports show them. */
function valuesHtml(values: readonly string[]): string {
  return values.map((v) => `<code>${escapeHtml(shortValue(v))}</code>`).join(' ');
}

function renderHtml(result: CodeComparison, pairs: CodePair[], clusters: string[][], options: RenderOptions): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const clusterRows = clusters
    .map((c, x) => `<tr><td>${x + 1}</td><td>${c.length}</td><td>${c.map(escapeHtml).join(', ')}</td></tr>`)
    .join('\n');
  // Only pairs with code in common have a section below to link to.
  const hasSection = (p: CodePair) => p.fragments.length > 0 && options.sources !== undefined;
  const pairRows = pairs
    .map(
      (p, x) =>
        `<tr><td>${hasSection(p) ? `<a href="#pair-${x + 1}">${x + 1}</a>` : x + 1}</td><td>${escapeHtml(p.left)}</td><td>${escapeHtml(p.right)}</td><td>${pct(p.similarity)}</td><td>${p.longestFragment}</td><td>${p.overlap}</td><td>${pct(p.leftCoverage)}</td><td>${pct(p.rightCoverage)}</td><td>${valuesHtml(p.sharedValues)}</td></tr>`,
    )
    .join('\n');
  const details = pairs
    .filter(hasSection)
    .map((p) => {
      const x = pairs.indexOf(p);
      const left = p.fragments.map((f, n) => ({ file: f.leftFile, start: f.leftStartLine, end: f.leftEndLine, n }));
      const right = p.fragments.map((f, n) => ({ file: f.rightFile, start: f.rightStartLine, end: f.rightEndLine, n }));
      const frags = p.fragments
        .map((f, n) => `<li class="f${n % 6}">${escapeHtml(f.leftFile)}:${f.leftStartLine}–${f.leftEndLine} ↔ ${escapeHtml(f.rightFile)}:${f.rightStartLine}–${f.rightEndLine} (${f.tokens} tokens)</li>`)
        .join('');
      return `<section id="pair-${x + 1}"><h3>${x + 1}. ${escapeHtml(p.left)} ↔ ${escapeHtml(p.right)}: ${pct(p.similarity)}</h3><ol>${frags}</ol>
<div class="sides"><div class="side"><h4>${escapeHtml(p.left)}</h4>${sideHtml(options.sources!.get(p.left) ?? [], left)}</div><div class="side"><h4>${escapeHtml(p.right)}</h4>${sideHtml(options.sources!.get(p.right) ?? [], right)}</div></div></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Origo code comparison</title>
<style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}
.sides{display:flex;gap:1em}.side{flex:1;min-width:0}pre{background:#f7f7f7;padding:4px;overflow-x:auto;font-size:12px;margin:0}.path{font-weight:bold;font-size:12px}
.ln{display:inline-block;width:3em;color:#999;user-select:none}mark{display:inline-block;width:100%}
.f0{background:#ffe08a}.f1{background:#b5e3ff}.f2{background:#c9f2c0}.f3{background:#f7c6e6}.f4{background:#ddd0ff}.f5{background:#ffd2b0}</style>
</head><body><h1>Code comparison</h1>
<p>${result.ids.length} submissions, ${result.similarity.length} pairs. Common code: ${escapeHtml(commonCodeNote(result))}.</p>
<h2>Clusters (pairs at or above ${pct(options.clusterThreshold)})</h2>
<table><thead><tr><th>#</th><th>size</th><th>submissions</th></tr></thead><tbody>
${clusterRows || '<tr><td colspan="3">none</td></tr>'}
</tbody></table>
<h2>Most similar pairs${options.limit !== undefined && options.limit < result.similarity.length ? ` (top ${options.limit})` : ''}</h2>
<p>A pair scores by the code both share and by the literal values (strings, numbers) both use; a pair with no code in common scored by its values alone.</p>
<table><thead><tr><th>#</th><th>left</th><th>right</th><th>similarity</th><th>longest fragment (tokens)</th><th>total overlap (tokens)</th><th>left covered</th><th>right covered</th><th>values both use</th></tr></thead><tbody>
${pairRows}
</tbody></table>
<h2>Pairs side by side</h2>
${details}
</body></html>
`;
}
