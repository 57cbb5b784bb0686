import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import { looseBool } from '../shared/index.js';
import { authenticate, principalOrError } from './credentials.js';
import { can, isRefusal } from '../../services/policy.js';
import { sourceViewOf, type SourceView } from '../../services/report-service.js';
import { documentFacts, reportReady, type DocumentFacts } from './document-view.js';
import { KIND, VENDOR, documentById, documentFromParams, paramString, type DocumentRecord } from './records.js';
import { reportHtml, reportLang } from './report-html.js';
import { reportModel } from './report-model.js';
import { PlagiatError, badRequest } from './wire.js';
import { linkOrigin } from '../../api/trusted-proxies.js';
import { allowFraming } from '../../api/security-headers.js';
import { onOrigins } from '../../services/organisation-service.js';

const TOKEN_AUDIENCE = 'origo:plagiat-report';
/** The vendor's interactive-report tokens live 24 hours. */
export const REPORT_TOKEN_TTL_SECONDS = 24 * 60 * 60;
const HTML = 'text/html; charset=UTF-8';
const MESSAGE = { config: { shape: 'message' } } as const;

function wantsJson(req: FastifyRequest): boolean {
  const accept = String(req.headers.accept ?? '').toLowerCase();
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * Whether an expirationRedirection may be followed: on this server's origin or one of the
 * organisation's redirect_origins (anything else would make the report link an open redirect).
 */
async function redirectAllowed(services: Services, req: FastifyRequest, organisationId: number, url: string): Promise<boolean> {
  const settings = await services.organisations.settingsOf(organisationId);
  const own = new URL(linkOrigin(req, services.ctx.publicUrl)).origin;
  return onOrigins(url, [own, ...(Array.isArray(settings.redirect_origins) ? settings.redirect_origins : [])]);
}

function requireReport(f: DocumentFacts): void {
  if (f.record.action === 'index') throw badRequest('The document was only indexed; it has no report');
  if (f.doc.status === 'failed') throw badRequest(`The document could not be checked: ${f.doc.reason ?? 'unknown reason'}`);
  if (!reportReady(f)) throw badRequest('Report is not ready');
}

export function reportRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/v2/documents/report', { config: { shape: 'message' } }, async (req, reply) => {
    const p = await authenticate(services, req);
    const q = req.wire!.params;
    const found = await documentFromParams(services, p, q);
    const f = await documentFacts(services, found.doc, found.record);
    requireReport(f);
    const acceptsPdf = String(req.headers.accept ?? '').toLowerCase().includes('application/pdf');
    if (looseBool(q.pdf) === true || acceptsPdf) {
      const pdf = await services.reports.renderPdf(found.doc, { variant: looseBool(q.short) === true ? 'summary' : 'full', sources: sourceViewOf(p) });
      const filename = `report-${found.id.replace(/[^\w.-]+/g, '_')}.pdf`;
      // The spec names "text/pdf"; a client asking for application/pdf gets that.
      return reply
        .type(acceptsPdf ? 'application/pdf' : 'text/pdf; charset=UTF-8')
        .header('content-disposition', `inline; filename="${filename}"`)
        .send(Buffer.from(pdf));
    }
    const model = reportModel(found.id, f);
    if (wantsJson(req)) return reply.type('application/json; charset=UTF-8').send(model);
    allowFraming(reply, (await services.organisations.settingsOf(p.organisationId)).frame_ancestors);
    return reply.type(HTML).send(reportHtml(model, f, { short: looseBool(q.short) === true, lang: reportLang(paramString(q.lang)) }));
  });

  app.post('/report/api/token', { config: { shape: 'spring' } }, async (req, reply) => {
    const body = req.wire!.params;
    const apiKey = paramString(body.apiKey) ?? paramString(body.APIKEY);
    if (!apiKey) throw badRequest('Invalid apiKey.');
    const r = await services.auth.fromApiKey(apiKey, { surface: 'plagiat', ip: req.ip });
    if (isRefusal(r) && r.reason === 'invalid') throw badRequest('Invalid apiKey.');
    const p = principalOrError(req, r);
    const documentId = paramString(body.documentId) ?? paramString(body.id);
    let found;
    try {
      found = await documentById(services, p, documentId);
    } catch (err) {
      if (err instanceof PlagiatError) throw badRequest('Invalid documentId.');
      throw err;
    }
    let redirect = paramString(body.expirationRedirection);
    if (redirect) {
      let okUrl = false;
      try {
        okUrl = ['http:', 'https:'].includes(new URL(redirect).protocol);
      } catch {
        okUrl = false;
      }
      if (!okUrl) throw badRequest('Invalid expirationRedirection.');
      // An origin the organisation did not list is left out (the link then ends in a 403 page), not refused: clients pass their own page.
      if (!(await redirectAllowed(services, req, p.organisationId, redirect))) redirect = undefined;
    }
    // Editing a report (excluding sources) is for those who may edit reports; a student's link is
    // read-only whatever it asks, and shows of each source only what matched (SourceView).
    const viewOnly = (looseBool(body.viewOnly) ?? true) || !can(p, 'reports.edit');
    const { token } = await services.tokens.sign(
      { org: p.organisationId, doc: found.doc.id, pid: found.id, viewOnly, sources: sourceViewOf(p), ...(redirect ? { redirect } : {}) },
      { audience: TOKEN_AUDIENCE, subject: found.doc.public_id, ttlSeconds: REPORT_TOKEN_TTL_SECONDS },
    );
    return reply.type(HTML).send(token);
  });

  /**
   * The interactive report: the token is checked here (an expired one sends the reader to its
   * expirationRedirection), then the reader goes on to Origo's report viewer with a viewer link of
   * the same remaining lifetime, read-only when the token says viewOnly. Served at the root of a
   * second port without ORIGO_PUBLIC_URL, where the viewer is not mounted, the read-only report
   * page is answered here instead.
   */
  const viewer = async (req: FastifyRequest, reply: FastifyReply) => {
    const token = paramString(req.wire!.params.auth);
    const inspected = token ? await services.tokens.inspect(token, TOKEN_AUDIENCE) : null;
    if (!inspected) throw new PlagiatError(403, 'Invalid token');
    const { claims, expired } = inspected;
    const redirect = typeof claims.redirect === 'string' ? claims.redirect : null;
    if (expired) {
      if (redirect && (await redirectAllowed(services, req, Number(claims.org), redirect))) return reply.redirect(redirect, 302);
      throw new PlagiatError(403, 'The report link has expired');
    }
    const orgId = Number(claims.org);
    const doc = await services.documents.byId(orgId, Number(claims.doc));
    const rec = doc ? await services.vendorRecords.get<DocumentRecord>(VENDOR, KIND.document, orgId, String(claims.pid)) : undefined;
    if (!doc || !rec || rec.internalId !== doc.id) throw new PlagiatError(404, 'Unknown document ID');
    requireReport(await documentFacts(services, doc, rec.data));
    const atRoot = !(req.routeOptions.url ?? '').startsWith('/plagiat/');
    const publicUrl = services.ctx.publicUrl;
    allowFraming(reply, (await services.organisations.settingsOf(orgId)).frame_ancestors);
    // Only a token that says so shows all of the sources: one made before the claim existed (it
    // lives a day) could be a student's.
    const sources: SourceView = claims.sources === 'full' ? 'full' : 'matched';
    if (atRoot && !publicUrl) return reply.type(HTML).header('cache-control', 'no-store').send(await services.reports.renderHtml(doc, { sources }));
    const remaining = Math.max(60, Number(claims.exp) - Math.floor(Date.now() / 1000));
    const link = await services.reports.viewerLink(doc, claims.viewOnly === false ? 'edit' : 'view', {
      ttlSeconds: remaining,
      baseUrl: linkOrigin(req, publicUrl),
      expiredRedirect: redirect,
      sources,
    });
    return reply.header('cache-control', 'no-store').redirect(link.url, 302);
  };
  app.get('/report/', MESSAGE, viewer);
  app.get('/report', MESSAGE, viewer);
}
