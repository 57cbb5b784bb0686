import type { AnalysisRow, DocumentRow } from '../store/index.js';
import type { ServiceContext } from './context.js';
import type { Principal } from './principal.js';
import { AppError } from './errors.js';
import type { StoredAnalysis } from './analysis-model.js';
import { decodeJwt } from 'jose';
import { assignmentPairs, type SubmissionPair } from './pair-overview.js';
import { nowIso } from '../store/index.js';
import { invalid } from './errors.js';
import { publicId } from './ids.js';
import { enqueueNotify } from './document-service.js';
import { buildReportModel, type ReportModel } from '../report/model.js';
import { filesOf, type ReportBundle } from '../report/bundle.js';
import { renderPdf, type PdfVariant } from '../report/pdf.js';
import { renderDocx } from '../report/docx.js';
import { renderViewerHtml, type ViewerOptions } from '../report/html-viewer.js';
import { applyExclusions, knownIds, type ExclusionEdit } from '../report/exclusions.js';

export const percent = (share: number) => Math.round(share * 10000) / 100;

/** Reads stored analyses; the report model and its renderers come through `ReportRendering`. */
export class ReportService {
  constructor(private readonly ctx: ServiceContext) {}

  private _rendering: ReportRendering | null = null;
  private get rendering(): ReportRendering {
    return (this._rendering ??= new ReportRendering(this.ctx, this));
  }

  /** The versioned report model (latest version, or the one asked for). */
  model(doc: DocumentRow, version?: number): Promise<ReportModel> {
    return this.rendering.model(doc, version);
  }

  /** The model with the full texts its offsets refer to (for renderers and the viewer). */
  bundle(doc: DocumentRow, version?: number, view: SourceView = 'full'): Promise<ReportBundle> {
    return this.rendering.bundle(doc, version, view);
  }

  /** A real PDF: 'full' (summary page, then the text with highlights), 'summary' (one page), 'ai' (not_ready while no AI score exists). */
  renderPdf(doc: DocumentRow, o: { variant: PdfVariant; sources?: SourceView }): Promise<Uint8Array> {
    return this.rendering.renderPdf(doc, o);
  }

  /** The self-contained interactive HTML report. */
  renderHtml(doc: DocumentRow, o: Partial<ViewerOptions> & { sources?: SourceView } = {}): Promise<string> {
    return this.rendering.renderHtml(doc, o);
  }

  /** The annotated DOCX report (highlights and comments). */
  renderDocx(doc: DocumentRow, o: { sources?: SourceView } = {}): Promise<Uint8Array> {
    return this.rendering.renderDocx(doc, o);
  }

  /** A signed, expiring viewer link: `${baseUrl}/viewer/<token>`. */
  viewerLink(doc: DocumentRow, mode: ViewerMode, o: { ttlSeconds: number; baseUrl: string; expiredRedirect?: string | null; sources?: SourceView }): Promise<{ url: string; token: string; expiresAt: Date }> {
    return this.rendering.viewerLink(doc, mode, o);
  }

  /** What a viewer token opens, `{expired, redirect}`, or null. */
  openViewer(token: string): Promise<ViewerGrant | { expired: true; redirect: string | null; organisationId: number | null } | null> {
    return this.rendering.openViewer(token);
  }

  /** Pairs of submissions that share passages, most similar first (the code-assignment overview). */
  pairs(docs: DocumentRow[]): Promise<SubmissionPair[]> {
    return assignmentPairs(this.ctx.store, docs);
  }

  /** Exclude or restore sources and matches: a new version (reason "edit") and a document.changed event. */
  edit(doc: DocumentRow, edit: ExclusionEdit): Promise<{ version: number; similarity: number }> {
    return this.rendering.edit(doc, edit);
  }

  async latest(doc: DocumentRow): Promise<{ row: AnalysisRow; analysis: StoredAnalysis } | null> {
    const row = await this.ctx.store.analyses.latest(doc.id);
    return row ? { row, analysis: JSON.parse(row.result) as StoredAnalysis } : null;
  }

  async version(doc: DocumentRow, version: number): Promise<{ row: AnalysisRow; analysis: StoredAnalysis } | null> {
    const row = await this.ctx.store.analyses.byVersion(doc.id, version);
    return row ? { row, analysis: JSON.parse(row.result) as StoredAnalysis } : null;
  }

  /** The not-ready error of a document without a report: why it has none yet. */
  notReady(doc: DocumentRow): AppError {
    if (doc.status === 'failed') return new AppError('not_ready', `The document failed: ${sentence(doc.reason ?? 'unknown reason')}`);
    return new AppError('not_ready', `The document is ${doc.status}; its report is not ready yet.`);
  }
}

/** A reason as the end of a sentence: one full stop, whatever the reason ends with. */
export function sentence(reason: string): string {
  return /[.!?]\)?$/.test(reason) ? reason : `${reason}.`;
}

// ---- the versioned report model, its renderers and viewer links (issue 6) ----

/** Audience of viewer-link tokens: they open one document's viewer and nothing else. */
export const VIEWER_AUDIENCE = 'origo-viewer';

export type ViewerMode = 'view' | 'edit';

export interface ViewerGrant {
  document: DocumentRow;
  mode: ViewerMode;
  /** How much of each source's text the link shows (`SourceView`). */
  sources: SourceView;
}

/**
 * How much of the sources' texts a report shows: `full`, or only the `matched` passages (every
 * other character but line breaks and spaces shown as "·", so the offsets still hold). Reports a
 * student opens are `matched`: a classmate's essay is a source, and the student may see what was
 * found in it, not read the rest (a student cannot read other students' documents).
 */
export type SourceView = 'full' | 'matched';

/** What of the sources a caller's reports show: `matched` for a student, on every API (native and vendor alike). */
export function sourceViewOf(p: Pick<Principal, 'role'> | { role: string }): SourceView {
  return p.role === 'student' ? 'matched' : 'full';
}

/** `text` with every character outside `ranges` ([offset, length]) but whitespace replaced by "·" (same length, so offsets hold). */
export function maskOutside(text: string, ranges: readonly (readonly [number, number])[]): string {
  const kept = ranges
    .map(([o, n]) => [Math.max(0, o), Math.min(text.length, o + n)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let out = '';
  let at = 0;
  for (const [a, b] of kept) {
    if (a > at) out += text.slice(at, a).replace(/\S/g, '\u00b7');
    if (b > at) {
      out += text.slice(Math.max(a, at), b);
      at = b;
    }
  }
  return out + text.slice(at).replace(/\S/g, '\u00b7');
}

/** Report model, bundles, renderers, viewer links and instructor edits, on top of the stored analyses. */
class ReportRendering {
  constructor(private readonly ctx: ServiceContext, private readonly reports: ReportService) {}

  /** The model and the texts its offsets refer to; `not_ready` until a report exists. */
  async bundle(doc: DocumentRow, version?: number, view: SourceView = 'full'): Promise<ReportBundle> {
    const found = version === undefined ? await this.reports.latest(doc) : await this.reports.version(doc, version);
    if (!found) {
      if (version !== undefined) throw new AppError('not_found', `The document has no report version ${version}.`);
      throw this.reports.notReady(doc);
    }
    const { row, analysis } = found;
    const store = this.ctx.store;
    const own = await store.documents.text(doc.id);
    const submission = { text: own?.text ?? '', extraction: own ? (JSON.parse(own.extraction) as Record<string, unknown>) : null };
    const ids = [...analysis.sources, ...(analysis.excluded?.sources ?? [])].map((s) => s.document_id);
    const alive = new Map((await store.documents.byIds(ids)).filter((d) => d.status !== 'deleted' && d.organisation_id === doc.organisation_id).map((d) => [d.id, d]));
    const texts = await store.documents.texts([...alive.keys()]);
    const sources = new Map<string, { text: string; extraction: Record<string, unknown> | null }>();
    for (const t of texts) {
      const d = alive.get(t.document_id);
      if (d) sources.set(d.public_id, { text: t.text, extraction: JSON.parse(t.extraction) as Record<string, unknown> });
    }
    if (view === 'matched') {
      for (const src of [...analysis.sources, ...(analysis.excluded?.sources ?? [])]) {
        const t = sources.get(src.public_id);
        if (t) sources.set(src.public_id, { ...t, text: maskOutside(t.text, src.passages.map((p) => [p.sourceOffset, p.sourceLength] as const)) });
      }
    }
    const model = buildReportModel({
      document: {
        id: doc.public_id,
        title: doc.title,
        author: doc.author,
        filename: doc.filename,
        status: doc.status,
        language: doc.language,
        counts: doc.char_count === null ? null : { characters: doc.char_count, words: doc.word_count ?? 0, pages: doc.page_count ?? 0 },
        created_at: doc.created_at,
      },
      analysis,
      version: row.version,
      created_at: row.created_at,
      versions: await store.analyses.versions(doc.id),
      submission,
      sources,
      source_documents: new Map([...alive.values()].map((d) => [d.public_id, { author: d.author, created_at: d.created_at }])),
    });
    return {
      model,
      submission: { text: submission.text, files: filesOf(submission.extraction) },
      sources: new Map([...sources].map(([id, t]) => [id, { text: t.text, files: filesOf(t.extraction) }])),
    };
  }

  async model(doc: DocumentRow, version?: number): Promise<ReportModel> {
    return (await this.bundle(doc, version)).model;
  }

  async renderPdf(doc: DocumentRow, o: { variant: PdfVariant; sources?: SourceView }): Promise<Uint8Array> {
    const b = await this.bundle(doc, undefined, o.sources);
    if (o.variant === 'ai' && !b.model.ai.available) throw new AppError('not_ready', `No AI-generated-text report exists for this document: ${b.model.ai.reason}`);
    return renderPdf(b, o.variant);
  }

  /** The self-contained HTML report (inline style and script; works saved to disk). */
  async renderHtml(doc: DocumentRow, o: Partial<ViewerOptions> & { sources?: SourceView } = {}): Promise<string> {
    const { sources, ...options } = o;
    return renderViewerHtml(await this.bundle(doc, undefined, sources), { mode: 'static', ...options });
  }

  async renderDocx(doc: DocumentRow, o: { sources?: SourceView } = {}): Promise<Uint8Array> {
    return renderDocx(await this.bundle(doc, undefined, o.sources));
  }

  /** A signed, expiring link to the interactive viewer. */
  async viewerLink(doc: DocumentRow, mode: ViewerMode, o: { ttlSeconds: number; baseUrl: string; expiredRedirect?: string | null; sources?: SourceView }): Promise<{ url: string; token: string; expiresAt: Date }> {
    if (mode !== 'view' && mode !== 'edit') throw invalid('mode must be "view" or "edit"', { fields: { mode: 'must be view or edit' } });
    const ttl = Math.min(Math.max(Math.trunc(o.ttlSeconds) || 3600, 60), 30 * 24 * 3600);
    const { token, expiresAt } = await this.ctx.tokens.sign(
      { org: doc.organisation_id, mode, ...(o.expiredRedirect ? { redirect: o.expiredRedirect } : {}), ...(o.sources === 'matched' ? { src: 'matched' } : {}) },
      { audience: VIEWER_AUDIENCE, subject: doc.public_id, ttlSeconds: ttl },
    );
    return { url: `${o.baseUrl.replace(/\/+$/, '')}/viewer/${token}`, token, expiresAt: new Date(expiresAt * 1000) };
  }

  /** What a viewer token opens; `expired` (with the link's redirect, if any) or null when invalid. */
  async openViewer(token: string): Promise<ViewerGrant | { expired: true; redirect: string | null; organisationId: number | null } | null> {
    const claims = await this.ctx.tokens.verify(token, VIEWER_AUDIENCE);
    if (claims === 'expired') {
      // The signature was checked before the expiry, so the claims can be trusted for the redirect.
      const { redirect, org } = decodeJwt(token);
      return { expired: true, redirect: typeof redirect === 'string' ? redirect : null, organisationId: typeof org === 'number' ? org : null };
    }
    if (!claims || typeof claims.sub !== 'string' || typeof claims.org !== 'number') return null;
    const doc = await this.ctx.store.documents.byPublicId(claims.org, claims.sub);
    if (!doc || doc.status === 'deleted') return null;
    return { document: doc, mode: claims.mode === 'edit' ? 'edit' : 'view', sources: claims.src === 'matched' ? 'matched' : 'full' };
  }

  /**
   * An instructor's edit: exclude or restore sources and matches. The similarity is recomputed,
   * stored as a new report version (reason "edit") and announced as `document.changed`.
   */
  async edit(doc: DocumentRow, edit: ExclusionEdit): Promise<{ version: number; similarity: number }> {
    const found = await this.reports.latest(doc);
    if (!found) throw new AppError('not_ready', 'The document has no report to edit yet.');
    const known = knownIds(found.analysis);
    const unknown = [
      ...[...(edit.exclude_sources ?? []), ...(edit.restore_sources ?? [])].filter((id) => !known.sources.has(id)),
      ...[...(edit.exclude_matches ?? []), ...(edit.restore_matches ?? [])].filter((id) => !known.matches.has(id)),
    ];
    if (unknown.length) throw invalid(`Unknown source or match ids: ${unknown.join(', ')}`, { fields: { ids: unknown } });
    const text = await this.ctx.store.documents.text(doc.id);
    if (!text) throw new AppError('not_ready', 'The document has no extracted text.');
    const next = applyExclusions(found.analysis, text.text, edit);
    return this.ctx.store.transaction(async (tx) => {
      const row = await tx.analyses.add({ public_id: publicId('rpt'), document_id: doc.id, similarity: next.similarity, result: JSON.stringify(next), created_at: nowIso() });
      await tx.documents.update(doc.id, { similarity: next.similarity, updated_at: nowIso() });
      await enqueueNotify(tx, doc.id, 'document.changed', `v${row.version}`, row.version);
      return { version: row.version, similarity: percent(next.similarity) };
    });
  }
}
