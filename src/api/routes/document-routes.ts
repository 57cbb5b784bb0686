import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { AssignmentRow } from '../../store/index.js';
import type { Principal } from '../../services/principal.js';
import { principalOf } from '../request-auth.js';
import { IdResolver, documentView, pageView } from '../views.js';
import { objectBody, paging, param, query } from '../request-input.js';
import { readMultipart } from '../multipart-upload.js';
import { AppError, invalid } from '../../services/errors.js';
import type { DocumentOptions } from '../../services/document-options.js';

const truthy = (v: unknown) => v === true || v === 'true' || v === '1' || v === 1;

/** The author's name as sent; 422 past 500 characters (the limit of a title). */
function authorOf(author: string | null | undefined): string | null {
  if (typeof author === 'string' && author.length > 500) throw invalid('author must be at most 500 characters', { fields: { author: 'too long' } });
  return author ?? null;
}

/** Reads an upload as multipart (`file`, `title`, `author`) or JSON (`title`, `author`, `text`). */
async function readSubmission(req: FastifyRequest, maxUploadBytes: number): Promise<{ title: string | null; author: string | null; filename: string | null; mime: string | null; bytes: Uint8Array; fields: Record<string, unknown> }> {
  if (req.isMultipart()) {
    const up = await readMultipart(req, maxUploadBytes);
    const file = up.files.find((f) => f.field === 'file') ?? up.files[0];
    if (!file) throw invalid('A multipart upload needs a "file" part.', { fields: { file: 'is required' } });
    // Each document is one request: taking the first file would drop the others without a word.
    if (up.files.length > 1) {
      const names = up.files.map((f) => f.filename || f.field).join(', ');
      throw invalid(`Upload one file per request: this one has ${up.files.length} (${names}); each becomes a document of its own.`, { fields: { file: 'one file per request' } });
    }
    return { title: up.fields.title ?? null, author: authorOf(up.fields.author), filename: file.filename, mime: file.mime, bytes: file.bytes, fields: up.fields };
  }
  const body = objectBody(req);
  if (typeof body.text !== 'string' || !body.text.trim()) throw invalid('"text" is required (or upload a file as multipart/form-data).', { fields: { text: 'is required' } });
  if (body.title !== undefined && typeof body.title !== 'string') throw invalid('title must be a string', { fields: { title: 'must be a string' } });
  if (body.author !== undefined && body.author !== null && typeof body.author !== 'string') throw invalid('author must be a string', { fields: { author: 'must be a string' } });
  return { title: (body.title as string | undefined) ?? null, author: authorOf(body.author as string | null | undefined), filename: null, mime: 'text/plain', bytes: Buffer.from(body.text, 'utf8'), fields: body };
}

/** Documents: upload, status, report, delete, re-check; repositories; webhooks. */
export function documentRoutes(app: FastifyInstance, services: Services): void {
  const ids = () => new IdResolver(services.ctx.store);

  async function submit(req: FastifyRequest, p: Principal, assignment: AssignmentRow | null) {
    const s = await readSubmission(req, services.ctx.limits.maxUploadBytes);
    const options: DocumentOptions = {};
    if (s.fields.to_repository !== undefined) options.to_repository = truthy(s.fields.to_repository);
    if (s.fields.check_repository !== undefined) options.check_repository = truthy(s.fields.check_repository);
    const doc = await services.documents.submitAs(p, { assignment, title: s.title, author: s.author, filename: s.filename, mime: s.mime, bytes: s.bytes, options });
    return documentView(doc, ids());
  }

  app.post('/api/v1/assignments/:id/documents', async (req, reply) => {
    const p = principalOf(req);
    const assignment = await services.assignments.container(p, param(req, 'id'));
    return reply.code(201).send(await submit(req, p, assignment));
  });
  app.get('/api/v1/assignments/:id/documents', async (req) => {
    const p = principalOf(req);
    const assignment = await services.assignments.container(p, param(req, 'id'));
    const pg = paging(req);
    const r = await services.documents.list(p, { assignmentId: assignment.id, status: query(req).status }, pg);
    const res = ids();
    return pageView(await Promise.all(r.items.map((d) => documentView(d, res))), r.total, pg.limit, pg.offset);
  });
  app.post('/api/v1/documents', async (req, reply) => reply.code(201).send(await submit(req, principalOf(req), null)));
  app.get('/api/v1/documents', async (req) => {
    const p = principalOf(req);
    const q = query(req);
    const pg = paging(req);
    let assignmentId: number | undefined;
    if (q.assignment_id) assignmentId = (await services.assignments.container(p, q.assignment_id)).id;
    const r = await services.documents.list(p, { assignmentId, status: q.status, md5: q.md5 }, pg);
    const res = ids();
    return pageView(await Promise.all(r.items.map((d) => documentView(d, res))), r.total, pg.limit, pg.offset);
  });
  app.get('/api/v1/documents/:id', async (req) => documentView(await services.documents.get(principalOf(req), param(req, 'id')), ids()));
  // GET /api/v1/documents/:id/report (the report model) lives in report-routes.ts with the other renderings.
  app.get('/api/v1/documents/:id/text', async (req) => {
    const doc = await services.documents.get(principalOf(req), param(req, 'id'));
    const t = await services.documents.text(doc);
    if (!t) throw doc.status === 'failed' ? services.reports.notReady(doc) : new AppError('not_ready', `The document is ${doc.status}; its text is not extracted yet.`);
    return { document_id: doc.public_id, text: t.text, extraction: t.extraction };
  });
  app.get('/api/v1/documents/:id/file', async (req, reply) => {
    const doc = await services.documents.get(principalOf(req), param(req, 'id'));
    const bytes = await services.documents.original(doc);
    if (!bytes) throw new AppError('not_found', 'The original file is no longer stored.');
    const name = (doc.filename ?? `${doc.public_id}.bin`).replace(/[^\w.\- ]+/g, '_');
    return reply.type(doc.mime ?? 'application/octet-stream').header('content-disposition', `attachment; filename="${name}"`).send(Buffer.from(bytes));
  });
  app.post('/api/v1/documents/:id/recheck', async (req, reply) => {
    const doc = await services.documents.get(principalOf(req), param(req, 'id'), 'documents.recheck');
    await services.documents.recheck(doc, 'requested');
    return reply.code(202).send(await documentView(doc, ids()));
  });
  app.delete('/api/v1/documents/:id', async (req, reply) => {
    await services.documents.delete(principalOf(req), param(req, 'id'));
    return reply.code(204).send();
  });
}
