import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import { looseBool } from '../shared/index.js';
import { authenticate } from './credentials.js';
import { documentFacts, reportReady, type DocumentFacts } from './document-view.js';
import { KIND, VENDOR, documentById, documentFromParams, paramString, type DocumentRecord } from './records.js';
import { reportHtml, reportLang } from './report-html.js';
import { reportModel } from './report-model.js';
import { PlagiatError, badRequest } from './wire.js';

const TOKEN_AUDIENCE = 'origo:plagiat-report';
/** The vendor's interactive-report tokens live 24 hours. */
export const REPORT_TOKEN_TTL_SECONDS = 24 * 60 * 60;
const HTML = 'text/html; charset=UTF-8';
const MESSAGE = { config: { shape: 'message' } } as const;

function wantsJson(req: FastifyRequest): boolean {
  const accept = String(req.headers.accept ?? '').toLowerCase();
  return accept.includes('application/json') && !accept.includes('text/html');
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
    if (looseBool(q.pdf) === true || String(req.headers.accept ?? '').toLowerCase().includes('application/pdf')) {
      // PDF renderers are being built in src/report/; until they land the answer is an honest refusal.
      throw badRequest('PDF reports are not available on this server yet; ask for the HTML or JSON report');
    }
    const model = reportModel(found.id, f);
    if (wantsJson(req)) return reply.type('application/json; charset=UTF-8').send(model);
    return reply.type(HTML).send(reportHtml(model, f, { short: looseBool(q.short) === true, lang: reportLang(paramString(q.lang)) }));
  });

  app.post('/report/api/token', { config: { shape: 'spring' } }, async (req, reply) => {
    const body = req.wire!.params;
    const apiKey = paramString(body.apiKey) ?? paramString(body.APIKEY);
    const p = apiKey ? await services.auth.fromApiKey(apiKey, 'plagiat') : null;
    if (!p) throw badRequest('Invalid apiKey.');
    const documentId = paramString(body.documentId) ?? paramString(body.id);
    let found;
    try {
      found = await documentById(services, p, documentId);
    } catch (err) {
      if (err instanceof PlagiatError) throw badRequest('Invalid documentId.');
      throw err;
    }
    const redirect = paramString(body.expirationRedirection);
    if (redirect) {
      let okUrl = false;
      try {
        okUrl = ['http:', 'https:'].includes(new URL(redirect).protocol);
      } catch {
        okUrl = false;
      }
      if (!okUrl) throw badRequest('Invalid expirationRedirection.');
    }
    const viewOnly = looseBool(body.viewOnly) ?? true;
    const { token } = await services.tokens.sign(
      { org: p.organisationId, doc: found.doc.id, pid: found.id, viewOnly, ...(redirect ? { redirect } : {}) },
      { audience: TOKEN_AUDIENCE, subject: found.doc.public_id, ttlSeconds: REPORT_TOKEN_TTL_SECONDS },
    );
    return reply.type(HTML).send(token);
  });

  const viewer = async (req: FastifyRequest, reply: FastifyReply) => {
    const token = paramString(req.wire!.params.auth);
    const inspected = token ? await services.tokens.inspect(token, TOKEN_AUDIENCE) : null;
    if (!inspected) throw new PlagiatError(403, 'Invalid token');
    const { claims, expired } = inspected;
    if (expired) {
      if (typeof claims.redirect === 'string') return reply.redirect(claims.redirect, 302);
      throw new PlagiatError(403, 'The report link has expired');
    }
    const orgId = Number(claims.org);
    const doc = await services.documents.byId(orgId, Number(claims.doc));
    const rec = doc ? await services.vendorRecords.get<DocumentRecord>(VENDOR, KIND.document, orgId, String(claims.pid)) : undefined;
    if (!doc || !rec || rec.internalId !== doc.id) throw new PlagiatError(404, 'Unknown document ID');
    const f = await documentFacts(services, doc, rec.data);
    requireReport(f);
    // The report is read-only for every token: Origo's report has no editing yet (viewOnly changes nothing).
    return reply.type(HTML).header('cache-control', 'no-store').send(reportHtml(reportModel(String(claims.pid), f), f, { short: false, lang: reportLang(paramString(req.wire!.params.lang)) }));
  };
  app.get('/report/', MESSAGE, viewer);
  app.get('/report', MESSAGE, viewer);
}
