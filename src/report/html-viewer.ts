import type { ReportBundle } from './bundle.js';
import type { ReportModel } from './model.js';
import { shortValue } from './shared-values.js';
import { escapeHtml, markup, type MarkRange } from './text-markup.js';
import { aiExplanation, aiPassageLabel, aiPassages, aiSummary } from './ai-wording.js';
import { VIEWER_CSS, VIEWER_JS } from './viewer-assets.js';
import { reasonLabel } from './counted.js';
import { filterLines, submissionMarks } from './marks.js';

export interface ViewerOptions {
  /** view: read only; edit: exclude and restore through `editUrl`; static: a saved report file. */
  mode: 'view' | 'edit' | 'static';
  editUrl?: string;
  downloads?: { label: string; href: string }[];
}

const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

function summaryLine(m: ReportModel): string {
  const parts = [
    m.document.author ? `Author: ${escapeHtml(m.document.author)}` : '',
    `Report version ${m.version} (${escapeHtml(m.created_at.slice(0, 16).replace('T', ' '))} UTC)`,
    escapeHtml(m.ai.available ? aiSummary(m.ai) : 'AI-text check: not available'),
    m.integrity.available && (m.integrity.hidden_text.count || m.integrity.replaced_characters.count || m.integrity.invisible_characters)
      ? `Integrity: ${m.integrity.hidden_text.count} hidden text, ${m.integrity.replaced_characters.count} replaced characters, ${m.integrity.invisible_characters} invisible characters`
      : '',
  ].filter(Boolean);
  return parts.join(' · ');
}

/**
 * The interactive report: the source list, the submission and the selected source side by side,
 * every match a `<mark>` with the same match id on both sides. One self-contained page (inline
 * style and script), used for the viewer links and for report.html.
 */
export function renderViewerHtml(b: ReportBundle, o: ViewerOptions): string {
  const m = b.model;
  const code = m.document.kind === 'code' || b.submission.files !== undefined;
  const colour = new Map(m.sources.map((s, i) => [s.id, i]));
  const sourceOf = Object.fromEntries(m.matches.map((x) => [x.id, x.source_id]));
  const firstMatch: Record<string, string> = {};
  for (const x of m.matches) if (!firstMatch[x.source_id] && !x.excluded) firstMatch[x.source_id] = x.id;
  for (const x of m.matches) if (!firstMatch[x.source_id]) firstMatch[x.source_id] = x.id;
  const excludedSources = new Set(m.exclusions.sources);
  const isOff = (x: ReportModel['matches'][number]) => x.excluded || excludedSources.has(x.source_id);
  const why = (x: ReportModel['matches'][number]) => (x.excluded_reason ? reasonLabel(x.excluded_reason) : excludedSources.has(x.source_id) ? reasonLabel('source-excluded') : undefined);
  // Counted matches are cut at their excluded parts (template text, a quotation inside), drawn as not counted.
  const subRanges: MarkRange[] = submissionMarks(m);
  const edit = o.mode === 'edit' && o.editUrl;
  // The passages that drove a flagged or inconclusive AI-text verdict are shaded (prose only).
  const aiShade = !code && m.ai.available
    ? m.ai.segments.filter((g) => g.ai).map((g) => ({ start: g.offset, end: g.offset + g.length, label: aiPassageLabel(g) }))
    : [];

  const sourceItems = m.sources
    .map((s) => {
      const btn = `<button type="button" class="source-btn${s.excluded ? ' excluded' : ''}" data-source="${escapeHtml(s.id)}" aria-pressed="false"><span>${escapeHtml(s.title)}${s.excluded ? ' (excluded)' : ''}</span><span>${s.similarity}%</span></button>`;
      const action = !edit ? '' : s.excluded
        ? `<button type="button" class="edit-btn" data-restore-source="${escapeHtml(s.id)}">Restore source</button>`
        : `<button type="button" class="edit-btn" data-exclude-source="${escapeHtml(s.id)}">Exclude source</button>`;
      // A code source's literal values both use: the evidence of a source scored with no match to show.
      const values = s.shared_values?.length ? `<div class="shared-values">Values both use: ${s.shared_values.map((v) => `<code>${escapeHtml(shortValue(v))}</code>`).join(' ')}</div>` : '';
      return `<li>${btn}${action}${values}</li>`;
    })
    .join('');
  const sourcePanes = m.sources
    .map((s) => {
      const t = b.sources.get(s.id);
      const ranges: MarkRange[] = m.matches.filter((x) => x.source_id === s.id).map((x) => ({ id: x.id, start: x.source.offset, end: x.source.offset + x.source.length, colour: colour.get(s.id) ?? 0, excluded: isOff(x), reason: why(x) }));
      const body = t ? markup(t.text, ranges, { side: 'o', lines: code, files: t.files }) : '<p class="notice">This source has been deleted since the check; its text is no longer stored.</p>';
      return `<div class="text source-text" data-source="${escapeHtml(s.id)}" hidden>${body}</div>`;
    })
    .join('');
  const config = {
    mode: o.mode,
    editUrl: edit ? o.editUrl : null,
    matches: sourceOf,
    labels: Object.fromEntries(m.matches.map((x, i) => [x.id, `Match ${i + 1} of ${m.matches.length}: ${m.sources.find((s) => s.id === x.source_id)?.title ?? x.source_id}${x.source.start_line ? `, ${x.submission.file ? `${x.submission.file} ` : ''}lines ${x.submission.start_line}-${x.submission.end_line} ↔ ${x.source.file ? `${x.source.file} ` : ''}${x.source.start_line}-${x.source.end_line}` : ''}${x.excluded ? ` (not counted: ${why(x) ?? 'excluded'})` : ''}`])),
    firstMatch,
    excludedMatches: m.matches.filter((x) => x.excluded).map((x) => x.id),
    sources: Object.fromEntries(m.sources.map((s) => [s.id, { title: s.title, similarity: s.similarity }])),
    initialSource: m.sources.find((s) => !s.excluded)?.id ?? m.sources[0]?.id ?? null,
  };
  const downloads = (o.downloads ?? []).map((d) => `<a href="${escapeHtml(d.href)}">${escapeHtml(d.label)}</a>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Similarity report: ${escapeHtml(m.document.title)}</title><style>${VIEWER_CSS}</style></head>
<body data-mode="${o.mode}" class="${code ? 'code' : 'prose'}">
<header class="report-head"><h1>${escapeHtml(m.document.title)}</h1>
<p class="score">Similarity <strong id="similarity">${m.similarity}%</strong></p>
<p class="meta">${summaryLine(m)}</p>
<ul class="meta filters" aria-label="Filters">${filterLines(m).map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>${downloads ? `<nav class="downloads" aria-label="Downloads">${downloads}</nav>` : ''}
${edit ? '<p class="meta"><strong>Edit mode:</strong> excluding a source or a match recomputes the similarity and saves a new report version. <span id="edit-status" role="status"></span></p>' : ''}</header>
<main class="viewer">
<nav class="sources" aria-label="Sources"><h2>Sources (${m.sources.length})</h2>${m.sources.length ? `<ol>${sourceItems}</ol>` : '<p class="notice">No matching sources were found.</p>'}</nav>
<section class="pane submission" aria-labelledby="submission-title"><div class="tools"><h2 id="submission-title">Submission</h2><span id="active-match" class="notice" aria-live="polite"></span>${edit ? '<button type="button" class="edit-btn" id="exclude-match" hidden>Exclude this match</button>' : ''}</div>
${aiShade.length && m.ai.available ? `<p class="notice ai-legend"><strong>${escapeHtml(aiSummary(m.ai))}.</strong> <span class="ai-shade">Shaded</span>: ${escapeHtml(aiPassages(m.ai))} ${escapeHtml(aiExplanation(m.ai))}</p>` : ''}
<div class="text" id="submission-text">${markup(b.submission.text, subRanges, { side: 's', lines: code, files: b.submission.files, shade: aiShade })}</div></section>
<section class="pane source" aria-labelledby="source-title"><h2 id="source-title">Source</h2>${sourcePanes}</section>
</main>
<script type="application/json" id="viewer-config">${scriptJson(config)}</script>
<script>${VIEWER_JS}</script>
</body></html>`;
}
