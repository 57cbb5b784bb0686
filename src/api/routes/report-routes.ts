import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { DocumentRow } from '../../store/index.js';
import { sourceViewOf, type SourceView } from '../../services/report-service.js';
import { principalOf } from '../request-auth.js';
import { objectBody, param, query } from '../request-input.js';
import { invalid } from '../../services/errors.js';
import { onOrigins } from '../../services/organisation-service.js';

const originsOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
import { linkOrigin } from '../trusted-proxies.js';

/** Base URL for links handed out: ORIGO_PUBLIC_URL, else see linkOrigin (never a direct client's Host header). */
export function baseUrlOf(services: Services, req: FastifyRequest): string {
  return linkOrigin(req, services.ctx.publicUrl);
}

const safeName = (doc: DocumentRow) => (doc.title || doc.public_id).replace(/[^\w.\- ]+/g, '_').slice(0, 80) || doc.public_id;

function download(reply: FastifyReply, doc: DocumentRow, type: string, suffix: string, bytes: Uint8Array | string) {
  return reply.type(type).header('content-disposition', `attachment; filename="${safeName(doc)}${suffix}"`).send(typeof bytes === 'string' ? bytes : Buffer.from(bytes));
}

/** Reports (JSON model, PDF, DOCX, HTML), viewer links and the pairs of an assignment. */
export function reportRoutes(app: FastifyInstance, services: Services): void {
  const doc = (req: FastifyRequest) => services.documents.get(principalOf(req), param(req, 'id'), 'reports.read');
  // A student sees of each source only what matched (a classmate's essay is a source; SourceView).
  const view = (req: FastifyRequest): SourceView => sourceViewOf(principalOf(req));

  app.get('/api/v1/documents/:id/report', async (req) => {
    const v = query(req).version;
    if (v !== undefined && !/^[1-9]\d*$/.test(v)) throw invalid('version must be a positive integer');
    return services.reports.model(await doc(req), v === undefined ? undefined : Number(v));
  });
  app.get('/api/v1/documents/:id/report.pdf', async (req, reply) => {
    const d = await doc(req);
    return download(reply, d, 'application/pdf', '.pdf', await services.reports.renderPdf(d, { variant: 'full', sources: view(req) }));
  });
  app.get('/api/v1/documents/:id/report.summary.pdf', async (req, reply) => {
    const d = await doc(req);
    return download(reply, d, 'application/pdf', '.summary.pdf', await services.reports.renderPdf(d, { variant: 'summary', sources: view(req) }));
  });
  app.get('/api/v1/documents/:id/report.ai.pdf', async (req, reply) => {
    const d = await doc(req);
    return download(reply, d, 'application/pdf', '.ai.pdf', await services.reports.renderPdf(d, { variant: 'ai' }));
  });
  app.get('/api/v1/documents/:id/report.docx', async (req, reply) => {
    const d = await doc(req);
    return download(reply, d, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.docx', await services.reports.renderDocx(d, { sources: view(req) }));
  });
  app.get('/api/v1/documents/:id/report.html', async (req, reply) => {
    const d = await doc(req);
    return reply.type('text/html; charset=utf-8').send(await services.reports.renderHtml(d, { sources: view(req) }));
  });
  app.post('/api/v1/documents/:id/viewer-links', async (req, reply) => {
    const p = principalOf(req);
    const body = objectBody(req);
    const mode = body.mode ?? 'view';
    if (mode !== 'view' && mode !== 'edit') throw invalid('mode must be "view" or "edit"', { fields: { mode: 'must be view or edit' } });
    const d = await services.documents.get(p, param(req, 'id'), mode === 'edit' ? 'reports.edit' : 'reports.read');
    const ttl = body.ttl_seconds ?? 3600;
    if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 60 || ttl > 30 * 24 * 3600) throw invalid('ttl_seconds must be an integer from 60 to 2592000', { fields: { ttl_seconds: 'out of range' } });
    const redirect = body.expired_redirect;
    const baseUrl = baseUrlOf(services, req);
    if (redirect !== undefined && redirect !== null) {
      // Not an open redirect: only this server's own origin and the organisation's redirect_origins.
      const allowed = [new URL(baseUrl).origin, ...originsOf((await services.organisations.settingsOf(d.organisation_id)).redirect_origins)];
      if (typeof redirect !== 'string' || !onOrigins(redirect, allowed)) {
        throw invalid('expired_redirect must be an http(s) URL on this server or on an origin listed in the organisation setting redirect_origins', { fields: { expired_redirect: 'must be an http(s) URL on this server or on an origin in settings.redirect_origins' } });
      }
    }
    const link = await services.reports.viewerLink(d, mode, { ttlSeconds: ttl, baseUrl, expiredRedirect: (redirect as string | null | undefined) ?? null, sources: view(req) });
    return reply.code(201).send({ url: link.url, mode, expires_at: link.expiresAt.toISOString() });
  });
  app.get('/api/v1/assignments/:id/pairs', async (req) => {
    const p = principalOf(req);
    const a = await services.assignments.get(p, param(req, 'id'));
    const pairs = await services.reports.pairs(await services.documents.inAssignment(a));
    return { assignment_id: a.public_id, kind: a.kind, pairs };
  });
}
