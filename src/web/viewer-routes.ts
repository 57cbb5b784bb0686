import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../services/services.js';
import type { ViewerGrant } from '../services/report-service.js';
import { AppError, invalid } from '../services/errors.js';
import type { ExclusionEdit } from '../report/exclusions.js';
import { escapeHtml } from '../report/text-markup.js';
import { onOrigins } from '../services/organisation-service.js';
import { allowFraming } from '../api/security-headers.js';
import { linkOrigin } from '../api/trusted-proxies.js';

function notice(reply: FastifyReply, status: number, title: string, text: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font:16px system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`);
}

function ids(body: Record<string, unknown>, key: string): string[] | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length > 1000 || !v.every((x) => typeof x === 'string')) throw invalid(`${key} must be a list of ids`, { fields: { [key]: 'must be a list of strings' } });
  return v as string[];
}

/**
 * The interactive viewer behind signed, expiring links: `/viewer/<token>` (view or edit mode as
 * the token says), its downloads, and `POST /viewer/<token>/exclusions` for edits.
 */
export function viewerRoutes(app: FastifyInstance, services: Services): void {
  /** The grant of a request's token, or a reply already sent. */
  async function grant(req: FastifyRequest, reply: FastifyReply): Promise<ViewerGrant | null> {
    const token = String((req.params as { token?: string }).token ?? '');
    const g = await services.reports.openViewer(token);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (g && 'expired' in g) {
      // Checked again when followed: the organisation may have dropped the origin since.
      const settings = g.redirect && g.organisationId !== null ? await services.organisations.settingsOf(g.organisationId) : {};
      const allowed = [new URL(linkOrigin(req, services.ctx.publicUrl)).origin, ...(Array.isArray(settings.redirect_origins) ? settings.redirect_origins : [])];
      if (g.redirect && onOrigins(g.redirect, allowed)) await reply.redirect(g.redirect, 303);
      else await notice(reply, 410, 'This report link has expired', 'Ask for a new link from the system that sent you here.');
      return null;
    }
    if (!g) {
      await notice(reply, 404, 'Report not found', 'The link is not valid, or the document has been deleted.');
      return null;
    }
    return g;
  }

  app.get('/viewer/:token', async (req, reply) => {
    const g = await grant(req, reply);
    if (!g) return reply;
    const token = (req.params as { token: string }).token;
    // LMSs the organisation lists (setting frame_ancestors) may show the viewer in a frame.
    allowFraming(reply, (await services.organisations.settingsOf(g.document.organisation_id)).frame_ancestors);
    try {
      const html = await services.reports.renderHtml(g.document, {
        sources: g.sources,
        mode: g.mode,
        editUrl: g.mode === 'edit' ? `/viewer/${token}/exclusions` : undefined,
        downloads: [
          { label: 'PDF report', href: `/viewer/${token}/report.pdf` },
          { label: 'One-page summary (PDF)', href: `/viewer/${token}/report.summary.pdf` },
          { label: 'Annotated DOCX', href: `/viewer/${token}/report.docx` },
          { label: 'HTML file', href: `/viewer/${token}/report.html` },
        ],
      });
      return reply.type('text/html; charset=utf-8').send(html);
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_ready') return notice(reply, 409, 'The report is not ready yet', err.message);
      throw err;
    }
  });

  const files: Record<string, { type: string; render: (g: ViewerGrant) => Promise<Uint8Array | string> }> = {
    'report.pdf': { type: 'application/pdf', render: (g) => services.reports.renderPdf(g.document, { variant: 'full', sources: g.sources }) },
    'report.summary.pdf': { type: 'application/pdf', render: (g) => services.reports.renderPdf(g.document, { variant: 'summary', sources: g.sources }) },
    'report.docx': { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: (g) => services.reports.renderDocx(g.document, { sources: g.sources }) },
    'report.html': { type: 'text/html; charset=utf-8', render: (g) => services.reports.renderHtml(g.document, { sources: g.sources }) },
  };
  app.get('/viewer/:token/:file', async (req, reply) => {
    const f = files[(req.params as { file: string }).file];
    if (!f) return notice(reply, 404, 'Not found', 'No such download.');
    const g = await grant(req, reply);
    if (!g) return reply;
    const body = await f.render(g);
    const name = (g.document.title || g.document.public_id).replace(/[^\w.\- ]+/g, '_').slice(0, 80);
    return reply.type(f.type).header('content-disposition', `attachment; filename="${name}.${(req.params as { file: string }).file.replace(/^report\./, '')}"`).send(typeof body === 'string' ? body : Buffer.from(body));
  });

  app.post('/viewer/:token/exclusions', async (req, reply) => {
    const token = String((req.params as { token?: string }).token ?? '');
    const g = await services.reports.openViewer(token);
    if (!g || 'expired' in g) throw new AppError('unauthorized', g ? 'The viewer link has expired.' : 'The viewer link is not valid.');
    if (g.mode !== 'edit') throw new AppError('forbidden', 'This is a view-only link.');
    const body = (req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {}) as Record<string, unknown>;
    const edit: ExclusionEdit = { exclude_sources: ids(body, 'exclude_sources'), exclude_matches: ids(body, 'exclude_matches'), restore_sources: ids(body, 'restore_sources'), restore_matches: ids(body, 'restore_matches') };
    if (!Object.values(edit).some((v) => v && v.length)) throw invalid('Name at least one source or match to exclude or restore.');
    const r = await services.reports.edit(g.document, edit);
    return reply.header('cache-control', 'no-store').send(r);
  });
}
