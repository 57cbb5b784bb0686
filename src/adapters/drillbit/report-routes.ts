import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { principalFromCredential, principalOf } from './auth-routes.js';
import { isRefusal } from '../../services/policy.js';
import { Papers, type Paper } from './papers.js';
import { paperFigures, reportKeyOf } from './paper-mapping.js';
import { AppError } from '../../services/errors.js';
import { sourceViewOf, type SourceView } from '../../services/report-service.js';
import { DrillbitError, REPORT_NOT_READY } from './wire-errors.js';

/** Audience of the report links handed to browsers (token in the path). */
export const REPORT_LINK_AUDIENCE = 'origo:drillbit-report';

type Req = FastifyRequest<{ Params: { paperId: string; dKey?: string } }>;

/**
 * Report downloads by paper id and report key: the similarity report (Origo's full PDF), the
 * one-page summary and the AI-text report, rendered by `services.reports`. A paper not checked
 * yet, or without an AI score, answers DrillBit's documented 400 "… either not yet ready or not
 * available"; the grammar (quality) report always does, since grammar is not checked.
 */
export function reportRoutes(scope: FastifyInstance, services: Services): void {
  const papers = new Papers(services);
  const variants = { similarity: 'full', summary: 'summary', AI: 'ai' } as const;

  // A student's download shows of each source only what matched, as on the native API (SourceView).
  const pdf = async (paper: Paper, reply: FastifyReply, what: keyof typeof variants, sources: SourceView) => {
    if (!paperFigures(paper.doc, paper.ai).done) throw REPORT_NOT_READY(what);
    if (what === 'AI' && paper.ai?.status !== 'ok') throw REPORT_NOT_READY(what);
    let bytes: Uint8Array;
    try {
      bytes = await services.reports.renderPdf(paper.doc, { variant: variants[what], sources });
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_ready') throw REPORT_NOT_READY(what);
      throw err;
    }
    const name = what === 'similarity' ? `${paper.doc.id}.pdf` : `${paper.doc.id}-${what.toLowerCase()}.pdf`;
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}"`).send(Buffer.from(bytes));
  };
  const byKey = (req: Req, p = principalOf(req)) => papers.withKey(p, req.params.paperId, req.params.dKey);
  const download = (what: keyof typeof variants) => async (req: Req, reply: FastifyReply) => pdf(await byKey(req), reply, what, sourceViewOf(principalOf(req)));

  scope.get('/analysis-gateway/api/download2/:paperId/:dKey', download('similarity'));
  scope.get('/analysis-gateway/api/download/summary/:paperId/:dKey', download('summary'));
  scope.get('/analysis-gateway/api/ai/download2/:paperId/:dKey', download('AI'));
  scope.get('/extreme/moodle/submission/:paperId/:dKey/download', download('similarity'));
  scope.get('/drillbit_new/api/submission/:paperId/:dKey/download', download('similarity'));

  // Browser link with the token in the path: a DrillBit login token, or a report link made for this paper.
  // A wildcard, not a parameter: tokens are longer than the router's parameter length limit.
  scope.get('/analysis-gateway/api/download2/:paperId/:dKey/*', { config: { drillbitPublic: true } }, async (req: Req, reply) => {
    const link = await linkPrincipal(services, (req.params as Record<string, string>)['*'] ?? '', req.params.paperId, req.ip);
    if (!link) throw new DrillbitError(401, 'The token is invalid or has expired.');
    return pdf(await byKey(req, link.principal), reply, 'similarity', link.sources);
  });

  scope.get('/analysis-gateway/api/quality/download/:paperId', async (req: Req) => {
    await papers.get(principalOf(req), req.params.paperId);
    throw REPORT_NOT_READY('quality');
  });
}

/** A link token for one paper's similarity report (the Moodle analysis page redirects browsers to it). */
export async function reportLink(services: Services, base: string, p: Principal, paper: Paper): Promise<string> {
  // The link carries what of the sources its maker may see: a student's link shows only what matched.
  const { token } = await services.tokens.sign({ org: p.organisationId, sources: sourceViewOf(p) }, { audience: REPORT_LINK_AUDIENCE, subject: String(paper.doc.id), ttlSeconds: services.ctx.jwtTtlSeconds });
  return `${base}/analysis-gateway/api/download2/${paper.doc.id}/${reportKeyOf(paper.doc)}/${token}`;
}

async function linkPrincipal(services: Services, token: string, paperId: string, ip: string): Promise<{ principal: Principal; sources: SourceView } | null> {
  const claims = await services.tokens.verify(token, REPORT_LINK_AUDIENCE);
  if (claims && claims !== 'expired') {
    if (String(claims.sub) !== String(Number(paperId))) return null;
    const doc = await services.documents.byId(Number(claims.org), Number(paperId));
    if (!doc) return null;
    // The link reaches this one paper as the organisation's administrator would, showing of the
    // sources what its maker may see (a link made before the claim existed could be a student's:
    // only what matched).
    const principal: Principal = { organisationId: doc.organisation_id, organisationPublicId: '', userId: null, role: 'admin', systemAdmin: false, via: 'jwt', apiKeyId: null };
    return { principal, sources: claims.sources === 'full' ? 'full' : 'matched' };
  }
  const p = await principalFromCredential(services, token, ip);
  return isRefusal(p) ? null : { principal: p, sources: sourceViewOf(p) };
}
