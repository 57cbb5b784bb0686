import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import type { DocumentRow } from '../../store/index.js';
import { baseUrlOf } from '../../api/routes/report-routes.js';
import { looseInt } from '../shared/index.js';
import { userFor } from './records.js';
import { allowFraming } from '../../api/security-headers.js';
import { sourceViewOf } from '../../services/report-service.js';

/** Viewer links live an hour: the Moodle plugin asks for one and redirects at once. */
export const REPORT_LINK_TTL_SECONDS = 3600;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const fileName = (doc: DocumentRow) => (doc.title || String(doc.id)).replace(/[^\w.\- ]+/g, '_').slice(0, 80) || String(doc.id);

/**
 * Retrieve modes rendered by Origo's report renderers (`services.reports`):
 *   3 annotated DOCX · 4 and 6 the HTML report · 8 the same HTML (printable, self-contained) ·
 *   9 the PDF report · 7 `data.reportLink` into the viewer (read only) ·
 *   10 `data.reportLink` for `userID` (instructors and administrators may exclude sources).
 */
export async function renderedReport(services: Services, req: FastifyRequest, reply: FastifyReply, r: { doc: DocumentRow; mode: number; principal: Principal }): Promise<unknown> {
  const { doc, mode } = r;
  // A student sees of each source only what matched (services/report-service.ts, SourceView).
  const sources = sourceViewOf(r.principal);
  switch (mode) {
    case 3:
      return reply.type(DOCX).header('content-disposition', `attachment; filename="${fileName(doc)}.docx"`).send(Buffer.from(await services.reports.renderDocx(doc, { sources })));
    case 9:
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName(doc)}.pdf"`).send(Buffer.from(await services.reports.renderPdf(doc, { variant: 'full', sources })));
    case 4:
    case 6:
    case 8:
      allowFraming(reply, (await services.organisations.settingsOf(doc.organisation_id)).frame_ancestors);
      return reply.type('text/html; charset=utf-8').send(await services.reports.renderHtml(doc, { sources }));
    default: {
      let viewer: 'view' | 'edit' = 'view';
      let linkSources: 'full' | 'matched' = sources;
      if (mode === 10) {
        const named = req.wire!.params.userID;
        const user = named === undefined || named === '' ? null : await userFor(services, r.principal, looseInt(named));
        const role = user ? user.role : r.principal.role;
        // Editing a report (excluding sources and matches) is for educators, as on the native API
        // (reports.edit): a link made for a student is read-only, the student's own document too.
        viewer = role === 'admin' || role === 'instructor' ? 'edit' : 'view';
        linkSources = sourceViewOf({ role });
      }
      const link = await services.reports.viewerLink(doc, viewer, { ttlSeconds: REPORT_LINK_TTL_SECONDS, baseUrl: baseUrlOf(services, req), sources: linkSources });
      return { data: { reportLink: link.url, expires: link.expiresAt.toISOString() } };
    }
  }
}
