import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import { principalOf } from './auth-routes.js';
import { Folders } from './folders.js';
import { Papers, type Paper } from './papers.js';
import { detail, listItem } from './paper-mapping.js';
import { timeStamp } from './wire-format.js';
import { baseUrl, pageLinks, pageParams, sortAndPage } from './wire-paging.js';
import type { SubmissionListItem } from './wire-types.js';

type Req = FastifyRequest<{ Params: { folderId: string; paperId?: string; submissionId?: string } }>;

/**
 * Papers in folders, classroom family (`/extreme/myFolder/{f}/submissions`,
 * `/files/myFolder/{f}/singleFile`) and pro family (`/pro/folder/{f}/submission[s]`,
 * `/files/folder/{f}/singleFile`).
 */
export function submissionRoutes(scope: FastifyInstance, services: Services, prefix: string): void {
  const folders = new Folders(services);
  const papers = new Papers(services);
  const base = (req: FastifyRequest) => baseUrl(req, services.ctx.publicUrl, prefix);
  const params = (req: FastifyRequest) => req.wire?.params ?? {};
  const links = (req: FastifyRequest, folderId: number, paperId: number) => [
    { rel: 'self', href: `${base(req)}/extreme/myFolder/${folderId}/submissions/${paperId}` },
    { rel: 'submissions', href: `${base(req)}/extreme/myFolder/${folderId}/submissions` },
  ];

  const list = async (req: Req) => {
    const p = principalOf(req);
    const folder = await folders.get(p, req.params.folderId);
    const pp = pageParams(params(req), 'paper_id');
    let all = await papers.inFolder(p, folder);
    const only = params(req).paperId;
    if (only !== undefined && only !== '') all = all.filter((x) => String(x.doc.id) === String(only));
    const items = all.map((x) => listItem(x.doc, x.rec, x.ai));
    const { content, page } = sortAndPage<SubmissionListItem>(items, pp, {
      paper_id: (s) => s.paper_id,
      title: (s) => s.title,
      name: (s) => s.name,
      date_up: (s) => s.date_up ?? '',
      percent: (s) => (s.percent === '--' ? -1 : Number(s.percent)),
    }, 'paper_id');
    const url = `${base(req)}${req.url.split('?')[0].slice(prefix.length)}`;
    return { _embedded: { submissionsList: content }, _links: Object.fromEntries(pageLinks(url, pp, page).map((l) => [l.rel, { href: l.href }])), page };
  };
  scope.get('/extreme/myFolder/:folderId/submissions', list);
  scope.get('/pro/folder/:folderId/submissions', list);

  const uploaded = (req: FastifyRequest, paper: Paper) => {
    const item = listItem(paper.doc, paper.rec, paper.ai, links(req, paper.rec?.folder_id ?? 0, paper.doc.id));
    return item;
  };
  const upload = async (req: Req, reply: FastifyReply) => {
    const p = principalOf(req);
    const folder = await folders.get(p, req.params.folderId);
    const paper = await papers.upload(p, folder, req.wire!, 'classroom', base(req));
    return reply.code(200).send({ submissions: uploaded(req, paper), status: 200, message: 'File uploaded successfully.', timeStamp: timeStamp() });
  };
  scope.post('/files/myFolder/:folderId/singleFile', upload);
  scope.post('/files/folder/:folderId/singleFile', upload);
  // The python library's create_submission reads `paper_id` at the top level.
  scope.post('/pro/folder/:folderId/submission/:submissionId', async (req: Req) => {
    const p = principalOf(req);
    const folder = await folders.get(p, req.params.folderId);
    const paper = await papers.upload(p, folder, req.wire!, 'classroom', base(req));
    return { ...uploaded(req, paper), status: 200, message: 'File uploaded successfully.', timeStamp: timeStamp() };
  });

  const one = async (req: Req) => {
    const p = principalOf(req);
    const folder = await folders.get(p, req.params.folderId);
    const paper = await papers.get(p, req.params.paperId, folder);
    return detail(paper.doc, paper.rec, paper.ai, folder);
  };
  scope.get('/pro/folder/:folderId/submission/:paperId', one);
  scope.get('/extreme/myFolder/:folderId/submissions/:paperId', one);

  const remove = async (req: Req) => {
    const p = principalOf(req);
    const folder = await folders.get(p, req.params.folderId);
    await papers.delete(p, folder, params(req).paperId ?? req.params.paperId);
    return { status: 200, message: 'File(s) deleted successfully.', timeStamp: timeStamp() };
  };
  scope.delete('/extreme/myFolder/:folderId/submissions', remove);
  scope.delete('/pro/folder/:folderId/submissions', remove);
  scope.delete('/extreme/myFolder/:folderId/submissions/:paperId', remove);
  scope.delete('/pro/folder/:folderId/submission/:paperId', remove);
}
