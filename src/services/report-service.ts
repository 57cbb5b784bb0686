import type { AnalysisRow, DocumentRow } from '../store/index.js';
import type { ServiceContext } from './context.js';
import { AppError } from './errors.js';
import type { StoredAi, StoredAnalysis, StoredSource } from './analysis-model.js';

export interface NativeMatch {
  source_document_id: string;
  offset: number;
  length: number;
  source_offset: number;
  source_length: number;
}

export interface NativeReport {
  document_id: string;
  version: number;
  status: string;
  similarity: number;
  created_at: string;
  sources: { source_document_id: string; title: string; scope: string; similarity: number; matches: number; fragments?: NonNullable<StoredSource['code']>['fragments'] }[];
  matches: NativeMatch[];
  /** Plagiat.pl coefficients in percent: words in matched phrases of at least 5 / 25 words. */
  factors: { phrases_5_words: number; phrases_25_words: number } | null;
  /** The AI-generated-text score in percent, or why there is none. */
  ai: { status: 'ok'; score: number; share: number; flagged: boolean; threshold: number; detector: string } | { status: string; reason: string };
}

function aiView(ai: StoredAi | undefined): NativeReport['ai'] {
  if (!ai) return { status: 'not_available', reason: 'this report was made before AI scoring existed' };
  switch (ai.status) {
    case 'ok':
      return { status: 'ok', score: percent(ai.score), share: percent(ai.ai_share), flagged: ai.flagged, threshold: percent(ai.threshold), detector: ai.detector };
    case 'too_short':
      return { status: 'too_short', reason: `the text has ${ai.words} words; at least ${ai.min_words} are needed for an AI score` };
    case 'unsupported_language':
      return { status: 'unsupported_language', reason: `the AI detector was not trained for this language (${ai.language})` };
    case 'disabled':
      return { status: 'disabled', reason: 'AI detection is switched off for this assignment' };
    default:
      return { status: 'not_applicable', reason: 'AI scoring applies to prose, not to source code' };
  }
}

export const percent = (share: number) => Math.round(share * 10000) / 100;

/** Reads stored analyses and renders the native JSON report. */
export class ReportService {
  constructor(private readonly ctx: ServiceContext) {}

  async latest(doc: DocumentRow): Promise<{ row: AnalysisRow; analysis: StoredAnalysis } | null> {
    const row = await this.ctx.store.analyses.latest(doc.id);
    return row ? { row, analysis: JSON.parse(row.result) as StoredAnalysis } : null;
  }

  async version(doc: DocumentRow, version: number): Promise<{ row: AnalysisRow; analysis: StoredAnalysis } | null> {
    const row = await this.ctx.store.analyses.byVersion(doc.id, version);
    return row ? { row, analysis: JSON.parse(row.result) as StoredAnalysis } : null;
  }

  async native(doc: DocumentRow): Promise<NativeReport> {
    const latest = await this.latest(doc);
    if (!latest) {
      if (doc.status === 'failed') throw new AppError('not_ready', `The document failed: ${doc.reason ?? 'unknown reason'}.`);
      throw new AppError('not_ready', `The document is ${doc.status}; its report is not ready yet.`);
    }
    const { row, analysis } = latest;
    return {
      document_id: doc.public_id,
      version: row.version,
      status: doc.status,
      similarity: percent(analysis.similarity),
      created_at: row.created_at,
      sources: analysis.sources.map((s) => ({
        source_document_id: s.public_id,
        title: s.title,
        scope: s.scope,
        similarity: percent(s.similarity),
        matches: s.passages.length,
        ...(s.code ? { fragments: s.code.fragments } : {}),
      })),
      matches: analysis.sources.flatMap((s) =>
        s.passages.map((m) => ({ source_document_id: s.public_id, offset: m.offset, length: m.length, source_offset: m.sourceOffset, source_length: m.sourceLength })),
      ),
      factors: analysis.engine === 'text' && analysis.factor1 !== undefined ? { phrases_5_words: percent(analysis.factor1), phrases_25_words: percent(analysis.factor2) } : null,
      ai: aiView(analysis.ai),
    };
  }
}
