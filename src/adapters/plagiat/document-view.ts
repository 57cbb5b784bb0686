import type { DocumentRow } from '../../store/index.js';
import type { Services } from '../../services/services.js';
import type { StoredAnalysis } from '../../services/analysis-model.js';
import { foreignAlphabetCount } from '../../services/foreign-script.js';
import { quotedShare } from '../../services/quotations.js';
import type { DocumentRecord } from './records.js';
import type { CrossCheck, DocumentMetadata } from './wire.js';
import { flaggedShare } from '../../services/ai-verdict.js';

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** Origo's document status in Plagiat.pl's words (Chamilo treats "checked" as done). */
export function plagiatStatus(doc: DocumentRow, record: DocumentRecord, hasReport: boolean): string {
  if (record.decision) return record.decision;
  if (doc.status === 'failed') return 'error';
  if (doc.status === 'done') return record.action === 'index' ? 'indexed' : hasReport ? 'checked' : 'processing';
  return 'processing';
}

export interface DocumentFacts {
  doc: DocumentRow;
  record: DocumentRecord;
  analysis: StoredAnalysis | null;
  text: string | null;
  factors: { factor1: number; factor2: number } | null;
  /** Authors of the sources, by internal document id (sources deleted since are absent). */
  sourceAuthors: Map<number, string>;
}

/** Everything the metadata and the reports are made from. */
export async function documentFacts(services: Services, doc: DocumentRow, record: DocumentRecord): Promise<DocumentFacts> {
  const latest = record.action === 'check' ? await services.reports.latest(doc) : null;
  const text = (await services.documents.text(doc))?.text ?? null;
  const analysis = latest?.analysis ?? null;
  // The engine computes the coefficients with each analysis; versions stored before it did have none.
  const factors = analysis && typeof analysis.factor1 === 'number' && typeof analysis.factor2 === 'number' ? { factor1: analysis.factor1, factor2: analysis.factor2 } : null;
  const sourceAuthors = new Map<number, string>();
  for (const s of analysis?.sources ?? []) {
    const source = await services.documents.byId(doc.organisation_id, s.document_id);
    if (source?.author) sourceAuthors.set(s.document_id, source.author);
  }
  return { doc, record, analysis, text, factors, sourceAuthors };
}

export function reportReady(f: DocumentFacts): boolean {
  return f.doc.status === 'done' && f.analysis !== null;
}

async function crossChecks(services: Services, f: DocumentFacts): Promise<CrossCheck[] | undefined> {
  if (!f.record.assignmentId || f.doc.assignment_id === null) return undefined;
  const assignment = await services.assignments.byId(f.doc.organisation_id, f.doc.assignment_id);
  if (!assignment) return undefined;
  const peers = (await services.documents.inAssignment(assignment)).filter((d) => d.id !== f.doc.id);
  if (peers.length === 0) return undefined;
  return peers.map((peer) => {
    const source = f.analysis?.sources.find((s) => s.document_id === peer.id);
    return { documentTitle: peer.title, documentAuthor: peer.author ?? '', similarity: round4(source?.similarity ?? 0) };
  });
}

/** GET /api/v2/documents. */
export async function documentMetadata(services: Services, id: string, f: DocumentFacts): Promise<DocumentMetadata> {
  const { doc, record } = f;
  const ready = reportReady(f);
  const indexed = (await services.documents.repositoriesOf(doc)).length > 0;
  const out: DocumentMetadata = {
    id,
    title: doc.title,
    author: doc.author ?? '',
    coordinator: record.coordinators.join(', '),
    'report-ready': ready,
    reportReady: ready,
    indexed,
    status: plagiatStatus(doc, record, f.analysis !== null),
    'document-size': doc.char_count,
    documentSize: doc.char_count,
    md5sum: doc.md5,
  };
  if (ready && f.factors) {
    out.factor1 = round4(f.factors.factor1);
    out.factor2 = round4(f.factors.factor2);
  }
  if (ready && f.analysis) {
    // Every source Origo searches is local: the assignment's peers and the organisation's repositories.
    out.localSourcesFactor = round4(f.analysis.similarity);
    if (f.text !== null) out.quotationsFactor = round4(quotedShare(f.text));
  }
  // Only a real verdict is sent: texts too short, in a language the detector does not know, or
  // checked with AI detection off get no field. Only a flagged text has a non-zero factor.
  if (ready && f.analysis?.ai?.status === 'ok') out.aiDetectionFactor = round4(flaggedShare(f.analysis.ai));
  if (f.text !== null) {
    const foreign = foreignAlphabetCount(f.text);
    out['foreign-alphabet-alert'] = foreign;
    out.foreignAlphabetAlert = foreign;
  }
  const checks = await crossChecks(services, f);
  if (checks) out['cross-checks'] = checks;
  return out;
}
