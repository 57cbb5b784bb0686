import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import { principalOf } from './auth-routes.js';
import { Folders } from './folders.js';
import { Papers, type Paper } from './papers.js';
import { paperFigures } from './paper-mapping.js';
import { reportLink } from './report-routes.js';
import { DrillbitError } from './wire-errors.js';
import { timeStamp } from './wire-format.js';
import { baseUrl } from './wire-paging.js';
import type { Link } from './wire-types.js';
import { linkOrigin } from '../../api/trusted-proxies.js';
import { sourceViewOf } from '../../services/report-service.js';

type Req = FastifyRequest<{ Params: { paperId: string } }>;

/** What the Moodle plugin stores from an upload or a poll: it polls `links.self` until `percent` is not `--`. */
function moodlePaper(paper: Paper, self: string, download: string) {
  const fig = paperFigures(paper.doc, paper.ai);
  const links: Link[] = [
    { rel: 'self', href: self },
    { rel: 'download-link', href: download.replace('{d_key}', fig.d_key) },
  ];
  return { paper_id: paper.doc.id, title: paper.doc.title, name: paper.rec?.author ?? paper.doc.author ?? '', d_key: fig.d_key, percent: fig.percent, ai: fig.ai, links };
}

/**
 * The Moodle plugin's endpoints (`/files/moodle/upload`, `/extreme/moodle/submission/{id}[…]`)
 * and the legacy `/drillbit_new/api/submission…` ones of its older versions.
 */
export function moodleRoutes(scope: FastifyInstance, services: Services, prefix: string): void {
  const folders = new Folders(services);
  const papers = new Papers(services);
  const base = (req: FastifyRequest) => baseUrl(req, services.ctx.publicUrl, prefix);
  const moodle = (req: FastifyRequest, paper: Paper) =>
    moodlePaper(paper, `${base(req)}/extreme/moodle/submission/${paper.doc.id}`, `${base(req)}/extreme/moodle/submission/${paper.doc.id}/{d_key}/download`);
  const legacy = (req: FastifyRequest, paper: Paper) =>
    moodlePaper(paper, `${base(req)}/drillbit_new/api/submission/${paper.doc.id}`, `${base(req)}/drillbit_new/api/submission/${paper.doc.id}/{d_key}/download`);

  scope.post('/files/moodle/upload', async (req) => {
    const p = principalOf(req);
    const folder = await folders.forMoodle(p, req.wire!.params);
    const paper = await papers.upload(p, folder, req.wire!, 'moodle', base(req));
    return { submissions: moodle(req, paper), status: 200, message: 'File uploaded successfully.', timeStamp: timeStamp() };
  });
  scope.get('/extreme/moodle/submission/:paperId', async (req: Req) => {
    const paper = await papers.get(principalOf(req), req.params.paperId);
    return { submissions: moodle(req, paper), status: 200, message: 'Submission details.', timeStamp: timeStamp() };
  });
  // The plugin redirects the browser to the body of this answer: Origo's interactive viewer (a
  // signed, expiring view link) where the main server is reachable; at the root of the DrillBit-only
  // port without ORIGO_PUBLIC_URL, a link to the similarity PDF instead.
  scope.get('/extreme/moodle/submission/:paperId/analysis', async (req: Req, reply) => {
    const p = principalOf(req);
    const paper = await papers.get(p, req.params.paperId);
    if (!paperFigures(paper.doc).done) throw new DrillbitError(400, 'The analysis is either not yet ready or not available.');
    const viewerBase = services.ctx.publicUrl ?? (prefix ? linkOrigin(req, null) : null);
    const url = viewerBase
      ? (await services.reports.viewerLink(paper.doc, 'view', { ttlSeconds: services.ctx.jwtTtlSeconds, baseUrl: viewerBase, sources: sourceViewOf(p) })).url
      : await reportLink(services, base(req), p, paper);
    return reply.type('text/plain; charset=utf-8').send(url);
  });

  scope.post('/drillbit_new/api/submission', async (req) => {
    const p = principalOf(req);
    const folder = await folders.forMoodle(p, req.wire!.params);
    return legacy(req, await papers.upload(p, folder, req.wire!, 'legacy', base(req)));
  });
  scope.get('/drillbit_new/api/submission/:paperId', async (req: Req) => legacy(req, await papers.get(principalOf(req), req.params.paperId)));
}
