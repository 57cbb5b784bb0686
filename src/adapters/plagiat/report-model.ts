import { FACTOR2_WORDS, wordsInPassages } from '../../services/passage-words.js';
import { quotedShare } from '../../services/quotations.js';
import type { DocumentFacts } from './document-view.js';
import type { ReportJson } from './wire.js';


const pct = (share: number) => Math.round(share * 10000) / 100;

/** The report's summary and source list, shared by the JSON and HTML forms. */
export function reportModel(id: string, f: DocumentFacts): ReportJson {
  const text = f.text ?? '';
  const sources = (f.analysis?.sources ?? []).map((s) => ({
    url: `#source-${s.public_id}`,
    title: s.title,
    author: f.sourceAuthors.get(s.document_id) ?? '',
    similar_words: wordsInPassages(text, s.passages),
  }));
  return {
    id,
    status: 'success',
    title: f.doc.title,
    name: f.doc.title,
    author: f.doc.author ?? '',
    coordinator: f.record.coordinators.join(', '),
    similarity_1: f.factors ? pct(f.factors.factor1) : null,
    similarity_2: f.factors ? pct(f.factors.factor2) : null,
    citations: pct(quotedShare(text)),
    phrase_length: FACTOR2_WORDS,
    words_count: f.doc.word_count ?? 0,
    chars_count: f.doc.char_count ?? 0,
    sources,
  };
}
