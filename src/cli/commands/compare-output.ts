/**
 * Views of a code comparison for the terminal: CSV (every pair, in submission order, streamed),
 * a table (most similar first), JSON and a self-contained HTML page (pairs with fragments).
 */
import { codePairs, type CodeComparison, type CodePair } from '../../engine/code/index.js';

export type CompareFormat = 'table' | 'csv' | 'json' | 'html';

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function escapeHtml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function byScore(pairs: CodePair[]): CodePair[] {
  return pairs.sort((a, b) => b.similarity - a.similarity || (a.left < b.left ? -1 : a.left > b.left ? 1 : a.right < b.right ? -1 : 1));
}

/** Writes the comparison in `format` through `write` (CSV in chunks, so a million rows stream). */
export async function renderPairs(result: CodeComparison, format: CompareFormat, write: (chunk: string) => boolean | void): Promise<void> {
  if (format === 'csv') {
    const ids = result.ids.map(csvCell);
    let chunk = 'left,right,similarity\n';
    let p = 0;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++, p++) {
        chunk += `${ids[i]},${ids[j]},${result.similarity[p].toFixed(6)}\n`;
        if (chunk.length > 1 << 16) {
          write(chunk);
          chunk = '';
        }
      }
    }
    write(chunk);
    return;
  }
  const pairs = byScore(codePairs(result));
  if (format === 'json') {
    write(JSON.stringify({ pairs, excludedFingerprints: result.excludedFingerprints }, null, 2) + '\n');
    return;
  }
  if (format === 'html') {
    write(renderHtml(pairs));
    return;
  }
  const rows = pairs.map((p) => [p.left, p.right, p.similarity.toFixed(3), String(p.longestFragment), String(p.sharedFingerprints)]);
  const head = ['left', 'right', 'similarity', 'longest', 'shared'];
  const widths = head.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i].length), h.length));
  const line = (r: string[]) => r.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  write([line(head), ...rows.map(line)].join('\n') + '\n');
}

function renderHtml(pairs: CodePair[]): string {
  const body = pairs
    .map((p) => {
      const frags = p.fragments
        .map((f) => `<li>${escapeHtml(f.leftFile)}:${f.leftStartLine}-${f.leftEndLine} ↔ ${escapeHtml(f.rightFile)}:${f.rightStartLine}-${f.rightEndLine} (${f.tokens} tokens)</li>`)
        .join('');
      return `<tr><td>${escapeHtml(p.left)}</td><td>${escapeHtml(p.right)}</td><td>${(p.similarity * 100).toFixed(1)}%</td><td>${p.longestFragment}</td><td>${p.sharedFingerprints}</td><td><ul>${frags}</ul></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Origo code comparison</title>
<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px;vertical-align:top}ul{margin:0;padding-left:1em}</style>
</head><body><h1>Code comparison</h1><table>
<thead><tr><th>left</th><th>right</th><th>similarity</th><th>longest fragment (tokens)</th><th>shared fingerprints</th><th>fragments (file:lines)</th></tr></thead>
<tbody>
${body}
</tbody></table></body></html>
`;
}
