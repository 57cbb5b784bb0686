import { phraseWordCounts } from '../../services/phrase-factors.js';
import type { DocumentFacts } from './document-view.js';
import type { ReportJson } from './wire.js';

/** The phrase length of the second coefficient, shown in the report's description block. */
export const LONG_PHRASE_WORDS = 25;

const pct = (share: number) => Math.round(share * 10000) / 100;

/** The report's summary and source list, shared by the JSON and HTML forms. */
export function reportModel(id: string, f: DocumentFacts): ReportJson {
  const text = f.text ?? '';
  const sources = (f.analysis?.sources ?? []).map((s) => ({
    url: `#source-${s.public_id}`,
    title: s.title,
    author: f.sourceAuthors.get(s.document_id) ?? '',
    similar_words: phraseWordCounts(text, s.passages, [1]).covered[0],
  }));
  return {
    id,
    status: 'success',
    title: f.doc.title,
    name: f.doc.title,
    author: f.doc.author ?? '',
    coordinator: f.record.coordinators.join(', '),
    similarity_1: pct(f.factors?.factor1 ?? 0),
    similarity_2: pct(f.factors?.factor2 ?? 0),
    phrase_length: LONG_PHRASE_WORDS,
    words_count: f.doc.word_count ?? 0,
    chars_count: f.doc.char_count ?? 0,
    sources,
  };
}
