import type { DocumentRow } from '../../store/index.js';
import type { StoredAnalysis } from '../../services/analysis-model.js';

/** Shares (0..1) become PlagScan's per-mille integers. */
export const perMille = (share: number) => Math.round(share * 1000);

/**
 * The JSON retrieve modes. The v3 per-mode schemas are not public any more; these carry what the
 * clients read (mode 0: `plagLevel`, per mille) and name the rest plainly. Sources are numbered
 * from 1 in the order of mode 2, and that number is the `source` parameter of highlight/source.
 * Internet sources never appear: Origo compares with peers and the organisation's repositories.
 */
export function statsMode(doc: DocumentRow, a: StoredAnalysis, version: number, checkedAt: string) {
  const matches = a.sources.reduce((n, s) => n + s.passages.length, 0);
  return {
    docID: doc.id,
    plagLevel: perMille(a.similarity),
    words: doc.word_count ?? 0,
    characters: doc.char_count ?? 0,
    sources: a.sources.length,
    matches,
    peerSources: a.sources.filter((s) => s.scope === 'peer').length,
    repositorySources: a.sources.filter((s) => s.scope === 'repository').length,
    internetSources: null,
    reportVersion: version,
    checked: checkedAt,
  };
}

function sourceEntry(a: StoredAnalysis, i: number) {
  const s = a.sources[i];
  return { source: i + 1, sourceDocID: s.document_id, title: s.title, type: s.scope, plagLevel: perMille(s.similarity), matches: s.passages.length };
}

/** Mode 1: links to the sources (Origo's sources are documents, so `url` is null). */
export function linksMode(doc: DocumentRow, a: StoredAnalysis) {
  return { docID: doc.id, links: a.sources.map((_, i) => ({ ...sourceEntry(a, i), url: null })) };
}

/** Mode 2: the sources, most similar first. */
export function sourcesMode(doc: DocumentRow, a: StoredAnalysis) {
  return { docID: doc.id, sources: a.sources.map((_, i) => sourceEntry(a, i)) };
}

/** Mode 5: every match, with character ranges in the document and in its source. */
export function matchesMode(doc: DocumentRow, a: StoredAnalysis, text: string) {
  const matches = a.sources.flatMap((s, i) =>
    s.passages.map((m) => ({ source: i + 1, sourceDocID: s.document_id, start: m.offset, length: m.length, sourceStart: m.sourceOffset, sourceLength: m.sourceLength, text: text.slice(m.offset, m.offset + m.length) })),
  );
  matches.sort((x, y) => x.start - y.start || x.source - y.source);
  return { docID: doc.id, matches };
}
