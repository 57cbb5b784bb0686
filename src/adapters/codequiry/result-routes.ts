import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DocumentRow } from '../../store/index.js';
import type { Services } from '../../services/services.js';
import type { StoredAnalysis, StoredSource } from '../../services/analysis-model.js';
import { looseInt } from '../shared/index.js';
import { CqError, principalOf, validationError } from './errors.js';
import type { CheckState, CodequiryChecks } from './checks.js';
import { loadCheck } from './check-routes.js';
import { cqDate, submissionName, submissionObject } from './wire.js';
import { linkOrigin } from '../../api/trusted-proxies.js';

const ANY: ('GET' | 'POST')[] = ['GET', 'POST'];
export const AI_UNAVAILABLE = 'AI detection results are not available for code checks on this server.';
const pct2 = (share: number) => Math.round(share * 10000) / 100;
/** A stable integer id for the pair (submission, compared submission). */
const pairId = (a: number, b: number) => a * 1_000_000 + b;

interface Loaded {
  doc: DocumentRow;
  analysis: StoredAnalysis | null;
}

async function loadAll(checks: CodequiryChecks, st: CheckState): Promise<Loaded[]> {
  const out: Loaded[] = [];
  for (const doc of st.docs) out.push({ doc, analysis: await checks.analysis(doc) });
  return out;
}

const peerSources = (a: StoredAnalysis | null, st: CheckState) => (a?.sources ?? []).filter((s) => s.scope === 'peer' && st.docs.some((d) => d.id === s.document_id));

function submissionResults(l: Loaded, st: CheckState) {
  return peerSources(l.analysis, st).map((s) => ({
    id: pairId(l.doc.id, s.document_id),
    submission_id: l.doc.id,
    submission_id_compared: s.document_id,
    score: pct2(s.similarity),
    created_at: cqDate(l.doc.updated_at),
    updated_at: cqDate(l.doc.updated_at),
  }));
}

function submissionView(checks: CodequiryChecks, st: CheckState, l: Loaded) {
  return submissionObject(l.doc, submissionName(l.doc.filename ?? ''), st.rec.started_at !== null, checks.scores(l.analysis, st.rec));
}

async function filesView(checks: CodequiryChecks, doc: DocumentRow, languageId: number) {
  return (await checks.files(doc)).map((f, i) => ({
    id: doc.id * 10_000 + i + 1,
    submission_id: doc.id,
    filedir: f.path,
    content: f.content,
    created_at: cqDate(doc.created_at),
    updated_at: cqDate(doc.created_at),
    language_id: languageId,
  }));
}

/** Matches of one source as Codequiry match rows (file names and line ranges on both sides). */
function matchRows(doc: DocumentRow, s: StoredSource, matchedSimilarity: number | null) {
  return (s.code?.fragments ?? []).map((f, i) => ({
    id: pairId(doc.id, s.document_id) * 100 + i,
    submission_id: doc.id,
    submission_id_matched: s.document_id,
    similarity: (s.similarity * 100).toFixed(2),
    matched_similarity: matchedSimilarity === null ? null : (matchedSimilarity * 100).toFixed(2),
    file: f.file,
    file_matched: f.source_file,
    line_start: f.start_line,
    line_end: f.end_line,
    tokens: f.tokens,
    line_matched_start: f.source_start_line,
    line_matched_end: f.source_end_line,
    match_type: s.scope === 'peer' ? 'peer' : 'database',
    created_at: cqDate(doc.updated_at),
    updated_at: cqDate(doc.updated_at),
  }));
}

function overviewUrl(services: Services, req: FastifyRequest, st: CheckState): string {
  const base = linkOrigin(req, services.ctx.publicUrl);
  return `${base}/app/#/assignments/${encodeURIComponent(st.assignment.public_id)}/overview`;
}

/** /check/overview and /check/results (and their RESTful GET twins). */
export function registerResultRoutes(app: FastifyInstance, services: Services, checks: CodequiryChecks): void {
  const overview = async (req: FastifyRequest, checkId: unknown) => {
    const st = await loadCheck(checks, principalOf(req), checkId);
    const all = await loadAll(checks, st);
    const submissions = all.map((l) => ({ ...submissionView(checks, st, l), submissionresults: submissionResults(l, st) }));
    const bardata = all.filter((l) => l.analysis).map((l) => ({ submission: submissionName(l.doc.filename ?? ''), submission_id: l.doc.id, score: pct2(l.analysis!.similarity) }));
    const url = overviewUrl(services, req, st);
    // Documented names, plus the snake_case names the Java SDK (Jackson SNAKE_CASE) looks for.
    return { overviewURL: url, overview_url: url, dashURL: url, dash_url: url, submissions, bardata, bar_data: bardata };
  };
  app.route({ method: ANY, url: '/check/overview', handler: (req) => overview(req, req.wire!.params.check_id) });
  app.get<{ Params: { id: string } }>('/checks/:id/overview', (req) => overview(req, req.params.id));

  const results = async (req: FastifyRequest, checkId: unknown, submissionId: unknown) => {
    const st = await loadCheck(checks, principalOf(req), checkId);
    if (submissionId === undefined || submissionId === null || submissionId === '') throw validationError({ submission_id: 'The submission id field is required.' });
    const doc = await checks.submission(st, looseInt(submissionId));
    if (!doc) throw new CqError(422, 'Invalid submission_id provided.');
    const all = await loadAll(checks, st);
    const me = all.find((l) => l.doc.id === doc.id)!;
    if (!me.analysis) {
      const why = doc.status === 'failed' ? `The submission could not be checked: ${doc.reason ?? 'unknown reason'}.` : 'The results of this submission are not ready yet.';
      throw new CqError(doc.status === 'failed' ? 422 : 409, why);
    }
    const totals = all.filter((l) => l.analysis).map((l) => pct2(l.analysis!.similarity));
    const peer_matches = [];
    const other_matches = [];
    const related: Loaded[] = [];
    for (const s of me.analysis.sources) {
      const other = all.find((l) => l.doc.id === s.document_id);
      const back = other?.analysis?.sources.find((x) => x.document_id === doc.id)?.similarity ?? null;
      if (s.scope === 'peer' && other) {
        peer_matches.push(...matchRows(doc, s, back));
        related.push(other);
      } else if (s.scope === 'repository') other_matches.push(...matchRows(doc, s, null));
    }
    const relatedFiles = [];
    for (const r of related) relatedFiles.push(...(await filesView(checks, r.doc, st.rec.language_id)));
    return {
      submission: { ...submissionView(checks, st, me), submissionresults: submissionResults(me, st), submissionfiles: await filesView(checks, doc, st.rec.language_id) },
      avg: totals.length ? Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 100) / 100 : 0,
      max: (totals.length ? Math.max(...totals) : 0).toFixed(2),
      min: (totals.length ? Math.min(...totals) : 0).toFixed(2),
      peer_matches,
      other_matches,
      related_submissions: related.map((r) => submissionView(checks, st, r)),
      related_files: relatedFiles,
      submission_files: relatedFiles,
    };
  };
  // AI-generated-code scores: the code engine stores `ai: not_applicable` for code analyses, so
  // there is nothing to report; answered in Codequiry's error form, never with a made-up score.
  app.route({
    method: ANY,
    url: '/ai-results',
    handler: async (req) => {
      await loadCheck(checks, principalOf(req), req.wire!.params.check_id);
      throw new CqError(404, AI_UNAVAILABLE);
    },
  });

  app.route({ method: ANY, url: '/check/results', handler: (req) => results(req, req.wire!.params.check_id, req.wire!.params.submission_id) });
  app.get<{ Params: { id: string; sid: string } }>('/checks/:id/results/:sid', (req) => results(req, req.params.id, req.params.sid));
}
