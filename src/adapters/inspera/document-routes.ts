import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { InsperaError, MESSAGES } from './wire-errors.js';
import { documentOf, submissionRecord } from './records.js';
import { checkStatusBody, integrityCounts } from './status-view.js';
import { baseUrlOf } from './upload-url.js';
import { sourceViewOf } from '../../services/report-service.js';

/** How long a report URL opens the viewer (the plugin redirects to it at once; an iframe loads it at once). */
export const VIEWER_TTL_SECONDS = 60 * 60;

/** A documentId of this organisation, with its Origo document once the file has arrived. */
async function submission(services: Services, p: Principal, documentId: string) {
  const rec = await submissionRecord(services, p, documentId);
  if (!rec) throw new InsperaError(404, MESSAGES.submissionNotFound);
  const doc = await documentOf(services, p.organisationId, rec.internalId);
  if (rec.internalId !== null && !doc) throw new InsperaError(404, MESSAGES.submissionNotFound); // deleted since
  return { rec, doc };
}

/** GET /document/{documentId}/checkStatus and GET /document/{documentId}/mode/{view|edit}. */
export function documentRoutes(app: FastifyInstance, services: Services): void {
  app.get('/document/:documentId/checkStatus', async (req) => {
    const { documentId } = req.params as { documentId: string };
    const { doc } = await submission(services, req.insperaPrincipal!, documentId);
    const latest = doc && doc.status === 'done' ? await services.reports.latest(doc) : null;
    const text = doc && doc.status === 'done' ? await services.documents.text(doc) : null;
    return checkStatusBody(doc, latest?.analysis ?? null, integrityCounts(text?.extraction ?? null));
  });

  app.get('/document/:documentId/mode/:mode', async (req) => {
    const { documentId, mode } = req.params as { documentId: string; mode: string };
    if (mode !== 'view' && mode !== 'edit') throw new InsperaError(400, MESSAGES.badRequest);
    const { doc } = await submission(services, req.insperaPrincipal!, documentId);
    if (!doc || doc.status !== 'done') throw new InsperaError(404, 'The report is not ready yet');
    // Edit mode (exclude sources and matches) is for educators; students may only view.
    if (mode === 'edit' && !(await services.documents.reaches(req.insperaPrincipal!, doc, 'reports.edit'))) throw new InsperaError(403, 'Forbidden');
    // A student's link shows of each source only what matched (services/report-service.ts, SourceView).
    const sources = sourceViewOf(req.insperaPrincipal!);
    const link = await services.reports.viewerLink(doc, mode, { ttlSeconds: VIEWER_TTL_SECONDS, baseUrl: baseUrlOf(services, req), sources });
    return { url: link.url };
  });
}
