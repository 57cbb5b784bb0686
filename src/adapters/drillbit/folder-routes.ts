import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import { principalOf } from './auth-routes.js';
import { folderView } from './folder-mapping.js';
import { Folders, type Folder } from './folders.js';
import { timeStamp } from './wire-format.js';
import { baseUrl, pageLinks, pageParams, sortAndPage } from './wire-paging.js';
import type { FolderWire } from './wire-types.js';

/**
 * Folders (assignments): the classroom family (`/extreme/myFolders`, `/extreme/folder`) and the
 * `/pro/folder[s]` family, where create and update answer 201 (the Frappe client requires it).
 */
export function folderRoutes(scope: FastifyInstance, services: Services, prefix: string): void {
  const folders = new Folders(services);
  const base = (req: FastifyRequest) => baseUrl(req, services.ctx.publicUrl, prefix);
  const params = (req: FastifyRequest) => req.wire?.params ?? {};
  const self = (req: FastifyRequest, f: Folder) => {
    const p = principalOf(req);
    return { self: { href: `${base(req)}/extreme/classes/${p.userId ?? 0}/assignments/${f.assignment.id}` } };
  };
  const wire = async (f: Folder): Promise<FolderWire> => folderView(f.assignment, f.settings, f.state, (await services.documents.inAssignment(f.assignment)).length);

  const list = async (req: FastifyRequest) => {
    const p = principalOf(req);
    const pp = pageParams(params(req), 'ass_id');
    const all = await Promise.all((await folders.all(p)).map(async (a) => wire(await folders.view(a))));
    const { content, page } = sortAndPage(all, pp, {
      ass_id: (f) => f.folder_id,
      folder_id: (f) => f.folder_id,
      folder_name: (f) => f.folder_name,
      creation_date: (f) => f.creation_date ?? '',
      no_of_submissions: (f) => f.no_of_submissions,
    }, 'ass_id');
    const url = `${base(req)}${req.url.split('?')[0].slice(prefix.length)}`;
    // Grammar checking is not available in Origo.
    return { grammar_subscription: 'NO', folders: { links: pageLinks(url, pp, page), content, page } };
  };
  scope.get('/extreme/myFolders', list);
  scope.get('/pro/folders', list);

  const create = (status: 200 | 201) => async (req: FastifyRequest, reply: import('fastify').FastifyReply) => {
    const f = await folders.create(principalOf(req), params(req));
    return reply.code(status).send({ status, message: 'Folder has been created successfully.', timeStamp: timeStamp(), folder_id: f.assignment.id, _links: self(req, f) });
  };
  scope.post('/extreme/folder', create(200));
  scope.post('/pro/folder', create(201));

  const update = (status: 200 | 201) => async (req: FastifyRequest<{ Params: { id: string } }>, reply: import('fastify').FastifyReply) => {
    const f = await folders.update(principalOf(req), req.params.id, params(req));
    return reply.code(status).send({ status, message: 'Folder has been updated successfully. ', timeStamp: timeStamp(), _links: self(req, f) });
  };
  scope.put('/extreme/folder/:id', update(200));
  scope.put('/pro/folder/:id', update(201));

  const read = async (req: FastifyRequest<{ Params: { id: string } }>) => wire(await folders.get(principalOf(req), req.params.id));
  scope.get('/extreme/folder/:id', read);
  scope.get('/pro/folder/:id', read);
  scope.get('/extreme/classes/:classId/assignments/:id', read);

  const remove = async (req: FastifyRequest, id: unknown) => {
    await folders.delete(principalOf(req), id);
    return { status: 200, message: 'Folders and all the associated submissions has been deleted successfully.', timeStamp: timeStamp() };
  };
  scope.delete('/extreme/folder', async (req) => remove(req, params(req).id));
  scope.delete('/extreme/folder/:id', async (req: FastifyRequest<{ Params: { id: string } }>) => remove(req, req.params.id));
  scope.delete('/pro/folder/:id', async (req: FastifyRequest<{ Params: { id: string } }>) => remove(req, req.params.id));
}
