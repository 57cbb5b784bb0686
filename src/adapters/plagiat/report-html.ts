import { escapeHtml } from '../../report/text-markup.js';
import { markedRanges } from '../../services/passage-words.js';
import type { DocumentFacts } from './document-view.js';
import type { ReportJson } from './wire.js';

/**
 * The HTML similarity report in the vendor's own layout: the PHP client (matasarei/strike-plagiarism-php)
 * scrapes it by class name (`.report-title p`, `.report-info p`, `.similarity-info-wp1 .percent`,
 * `.similarity-info-citations .percent`, `.similarity-info-desc ... span`, `.similarity-info-wpbap span`,
 * `#active-longest-table tr`), so those elements are always present. "Citations" is the share of
 * words inside quotation marks or block quotes.
 */

const LABELS = {
  en: {
    title: 'Similarity report', author: 'Author', coordinator: 'Coordinator', c1: 'Similarity coefficient 1 (phrases of at least 5 words)',
    c2: 'Similarity coefficient 2 (phrases of at least 25 words)', citations: 'Text in quotation marks', phrase: 'Phrase length for coefficient 2',
    words: 'Number of words', chars: 'Number of characters', sources: 'Sources', source: 'Source', identical: 'Identical words', text: 'Document text', none: 'No matching sources were found.',
  },
  pl: {
    title: 'Raport podobieństwa', author: 'Autor', coordinator: 'Promotor', c1: 'Współczynnik podobieństwa 1 (frazy co najmniej 5 słów)',
    c2: 'Współczynnik podobieństwa 2 (frazy co najmniej 25 słów)', citations: 'Tekst w cudzysłowie', phrase: 'Długość frazy dla współczynnika 2',
    words: 'Liczba słów', chars: 'Liczba znaków', sources: 'Źródła', source: 'Źródło', identical: 'Identyczne słowa', text: 'Tekst dokumentu', none: 'Nie znaleziono pasujących źródeł.',
  },
} as const;

export type ReportLang = keyof typeof LABELS;

export function reportLang(lang: string | undefined): ReportLang {
  return lang?.toLowerCase().startsWith('pl') ? 'pl' : 'en';
}


/** The document's text with every matched passage marked. */
function markedText(f: DocumentFacts): string {
  const text = f.text ?? '';
  const ranges = markedRanges((f.analysis?.sources ?? []).flatMap((s) => s.passages));
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += escapeHtml(text.slice(at, r.start)) + `<mark>${escapeHtml(text.slice(r.start, r.end))}</mark>`;
    at = r.end;
  }
  return out + escapeHtml(text.slice(at));
}

export function reportHtml(model: ReportJson, f: DocumentFacts, options: { short: boolean; lang: ReportLang }): string {
  const t = LABELS[options.lang];
  const rows = model.sources
    .map((s, i) => `<tr id="${escapeHtml(s.url.slice(1))}"><td>${i + 1}</td><td><a href="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a></td><td>${escapeHtml(s.author)}</td><td>${s.similar_words}</td></tr>`)
    .join('\n');
  const full = options.short
    ? ''
    : `<section class="report-text"><h2>${t.text}</h2><div style="white-space:pre-wrap">${markedText(f)}</div></section>`;
  return `<!DOCTYPE html>
<html lang="${options.lang}"><head><meta charset="UTF-8"><title>${t.title}: ${escapeHtml(model.title)}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}mark{background:#ffd54f}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}</style></head>
<body>
<h1>${t.title}</h1>
<div class="report-title"><p>${escapeHtml(model.title)}</p></div>
<div class="report-info"><p>${escapeHtml(model.author)}</p><p>${escapeHtml(model.coordinator)}</p></div>
<div class="similarity-info">
<div class="similarity-info-wp1">${t.c1}: <span class="percent">${model.similarity_1 === null ? 'n/a' : model.similarity_1.toFixed(2)}</span> %</div>
<div class="similarity-info-wp2">${t.c2}: <span class="percent">${model.similarity_2 === null ? 'n/a' : model.similarity_2.toFixed(2)}</span> %</div>
</div>
<div class="similarity-info-citations">${t.citations}: <span class="percent">${model.citations.toFixed(2)}</span> %</div>
<div class="similarity-info-desc">
<div class="similarity-info-wp1">${t.phrase}: <span>${model.phrase_length}</span></div>
<div class="similarity-info-wp2">${t.words}: <span>${model.words_count}</span></div>
</div>
<div class="similarity-info-wpbap">${t.chars}: <span>${model.chars_count}</span></div>
<h2>${t.sources}</h2>
<table id="active-longest-table">
<tr><th>#</th><th>${t.source}</th><th>${t.author}</th><th>${t.identical}</th></tr>
${rows}
</table>
${model.sources.length === 0 ? `<p>${t.none}</p>` : ''}
${full}
</body></html>
`;
}
