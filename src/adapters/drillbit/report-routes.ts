import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { principalFromCredential, principalOf } from './auth-routes.js';
import { Papers, type Paper } from './papers.js';
import { paperFigures, reportKeyOf } from './paper-mapping.js';
import { DrillbitError, REPORT_NOT_READY } from './wire-errors.js';

/** Audience of the report links handed to browsers (token in the path). */
export const REPORT_LINK_AUDIENCE = 'origo:drillbit-report';

type Req = FastifyRequest<{ Params: { paperId: string; dKey?: string } }>;

/**
 * Report downloads by paper id and report key. Origo's PDF renderers are not merged yet, so a
 * finished paper's similarity and summary PDFs answer DrillBit's documented 400 "… either not
 * yet ready or not available" exactly as an unfinished one does; AI and grammar (quality)
 * reports always do, since neither is computed.
 */
export function reportRoutes(scope: FastifyInstance, services: Services): void {
  const papers = new Papers(services);

  // Until the renderers are on main there is no PDF to send, for finished papers too.
  const similarityPdf = async (paper: Paper, _reply: FastifyReply, what: 'similarity' | 'summary') => {
    void paperFigures(paper.doc);
    throw REPORT_NOT_READY(what);
  };

  scope.get('/analysis-gateway/api/download2/:paperId/:dKey', async (req: Req, reply) => similarityPdf(await papers.withKey(principalOf(req), req.params.paperId, req.params.dKey), reply, 'similarity'));
  scope.get('/analysis-gateway/api/download/summary/:paperId/:dKey', async (req: Req, reply) => similarityPdf(await papers.withKey(principalOf(req), req.params.paperId, req.params.dKey), reply, 'summary'));
  scope.get('/extreme/moodle/submission/:paperId/:dKey/download', async (req: Req, reply) => similarityPdf(await papers.withKey(principalOf(req), req.params.paperId, req.params.dKey), reply, 'similarity'));
  scope.get('/drillbit_new/api/submission/:paperId/:dKey/download', async (req: Req, reply) => similarityPdf(await papers.withKey(principalOf(req), req.params.paperId, req.params.dKey), reply, 'similarity'));

  // Browser link with the token in the path: a DrillBit login token, or a report link made for this paper.
  // A wildcard, not a parameter: tokens are longer than the router's parameter length limit.
  scope.get('/analysis-gateway/api/download2/:paperId/:dKey/*', { config: { drillbitPublic: true } }, async (req: Req, reply) => {
    const p = await linkPrincipal(services, (req.params as Record<string, string>)['*'] ?? '', req.params.paperId);
    if (!p) throw new DrillbitError(401, 'The token is invalid or has expired.');
    return similarityPdf(await papers.withKey(p, req.params.paperId, req.params.dKey), reply, 'similarity');
  });

  scope.get('/analysis-gateway/api/ai/download2/:paperId/:dKey', async (req: Req) => {
    await papers.withKey(principalOf(req), req.params.paperId, req.params.dKey);
    throw REPORT_NOT_READY('AI');
  });
  scope.get('/analysis-gateway/api/quality/download/:paperId', async (req: Req) => {
    await papers.get(principalOf(req), req.params.paperId);
    throw REPORT_NOT_READY('quality');
  });
}

/** A link token for one paper's similarity report (the Moodle analysis page redirects browsers to it). */
export async function reportLink(services: Services, base: string, p: Principal, paper: Paper): Promise<string> {
  const { token } = await services.tokens.sign({ org: p.organisationId }, { audience: REPORT_LINK_AUDIENCE, subject: String(paper.doc.id), ttlSeconds: services.ctx.jwtTtlSeconds });
  return `${base}/analysis-gateway/api/download2/${paper.doc.id}/${reportKeyOf(paper.doc)}/${token}`;
}

async function linkPrincipal(services: Services, token: string, paperId: string): Promise<Principal | null> {
  const claims = await services.tokens.verify(token, REPORT_LINK_AUDIENCE);
  if (claims && claims !== 'expired') {
    if (String(claims.sub) !== String(Number(paperId))) return null;
    const doc = await services.documents.byId(Number(claims.org), Number(paperId));
    if (!doc) return null;
    // The link stands for the organisation's administrator view of this one paper.
    return { organisationId: doc.organisation_id, organisationPublicId: '', userId: null, role: 'admin', systemAdmin: false, via: 'jwt', apiKeyId: null };
  }
  return principalFromCredential(services, token);
}
