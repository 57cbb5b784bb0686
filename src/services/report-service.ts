import type { AnalysisRow, DocumentRow } from '../store/index.js';
import type { ServiceContext } from './context.js';
import { AppError } from './errors.js';
import type { StoredAnalysis } from './analysis-model.js';

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
  sources: { source_document_id: string; title: string; scope: string; similarity: number; matches: number }[];
  matches: NativeMatch[];
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
      sources: analysis.sources.map((s) => ({ source_document_id: s.public_id, title: s.title, scope: s.scope, similarity: percent(s.similarity), matches: s.passages.length })),
      matches: analysis.sources.flatMap((s) =>
        s.passages.map((m) => ({ source_document_id: s.public_id, offset: m.offset, length: m.length, source_offset: m.sourceOffset, source_length: m.sourceLength })),
      ),
    };
  }
}
