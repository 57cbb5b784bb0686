import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { principalOf } from '../request-auth.js';
import { IdResolver, documentView, pageView } from '../views.js';
import { objectBody, paging, param } from '../request-input.js';
import { invalid, notFound } from '../../services/errors.js';
import { require as requireAction } from '../../services/policy.js';

/** The organisation's reference repositories: later documents are checked against what is in them. */
export function repositoryRoutes(app: FastifyInstance, services: Services): void {
  const store = services.ctx.store;
  async function repo(p: Principal, id: string) {
    const r = id === 'default' ? await store.repositories.defaultOf(p.organisationId) : await store.repositories.byPublicId(p.organisationId, id);
    if (!r) throw notFound('Repository');
    return r;
  }
  const repoView = (r: { public_id: string; name: string; is_default: number; created_at: string; documents?: number }) => ({
    id: r.public_id,
    name: r.name,
    is_default: r.is_default === 1,
    documents: r.documents ?? null,
    created_at: r.created_at,
  });

  app.get('/api/v1/repositories', async (req) => {
    const p = principalOf(req);
    requireAction(p, 'repositories.read');
    // The counts are of the documents the caller reaches (an instructor: its own and its assignments').
    const rows = await services.repositoryCatalogue.list(p);
    return pageView(rows.map(repoView), rows.length, rows.length, 0);
  });
  app.get('/api/v1/repositories/:id/documents', async (req) => {
    const p = principalOf(req);
    requireAction(p, 'repositories.read');
    const r = await repo(p, param(req, 'id'));
    const pg = paging(req);
    // Documents of the repository the caller reaches (an instructor: its own and its assignments'),
    // paged and counted after that filter.
    const docs = await services.documents.list(p, { repositoryId: r.id }, pg);
    const res = new IdResolver(store);
    return pageView(await Promise.all(docs.items.map((d) => documentView(d, res))), docs.total, pg.limit, pg.offset);
  });
  app.post('/api/v1/repositories/:id/documents', async (req, reply) => {
    const p = principalOf(req);
    requireAction(p, 'repositories.manage');
    const r = await repo(p, param(req, 'id'));
    const body = objectBody(req);
    if (typeof body.document_id !== 'string') throw invalid('document_id is required', { fields: { document_id: 'is required' } });
    const doc = await services.documents.get(p, body.document_id);
    // 201 when the document was added, 200 when it was in the repository already.
    const added = await services.documents.addToRepository(doc, r.id);
    return reply.code(added ? 201 : 200).send({ repository_id: r.public_id, document_id: doc.public_id });
  });
  app.delete('/api/v1/repositories/:id/documents/:documentId', async (req, reply) => {
    const p = principalOf(req);
    requireAction(p, 'repositories.manage');
    const r = await repo(p, param(req, 'id'));
    const doc = await services.documents.get(p, param(req, 'documentId'));
    if (!(await services.documents.removeFromRepository(doc, r.id))) throw notFound('Document in this repository');
    return reply.code(204).send();
  });
}
