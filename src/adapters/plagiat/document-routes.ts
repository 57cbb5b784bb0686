import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import type { AssignmentRow } from '../../store/index.js';
import { AppError } from '../../services/errors.js';
import { DEFAULT_SETTINGS } from '../../services/settings.js';
import type { DocumentOptions } from '../../services/document-options.js';
import { looseBool, looseInt, type WireFile } from '../shared/index.js';
import { authenticate } from './credentials.js';
import { documentFacts, documentMetadata } from './document-view.js';
import { KIND, VENDOR, documentById, documentFromParams, paramString, type DocumentRecord } from './records.js';
import { badRequest, forbidden, type AddDocumentResponse } from './wire.js';

/** documentKind values the vendor documents (0 Habilitation thesis … 300 Book). */
const DOCUMENT_KINDS = new Set([0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 16, 25, 29, 40, 101, 102, 103, 300]);
const STATUS = { config: { shape: 'status' } } as const;
const MESSAGE = { config: { shape: 'message' } } as const;

/** Repeated fields (`author[]`, several `author` parts) as a list of non-empty strings. */
function list(v: unknown): string[] {
  const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return items.map((x) => (typeof x === 'string' || typeof x === 'number' ? String(x).trim() : '')).filter(Boolean);
}

/**
 * A String parameter of the spec: a text value (the first of repeated multipart fields). A JSON number,
 * boolean, object or array of non-strings is not one: 400 "Invalid <name>".
 */
function textParam(v: unknown, name: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'))) return paramString(v);
  throw badRequest(`Invalid ${name}`);
}

/** The uploaded file: a multipart part (`file`), or Chamilo's `file` field as base64 or plain text. */
function uploadedFile(req: FastifyRequest): WireFile | null {
  const files = req.wire!.files;
  const part = files.find((f) => f.field === 'file') ?? files[0];
  if (part) return part.bytes.length ? part : null;
  const inline = textParam(req.wire!.params.file, 'file');
  if (!inline) return null;
  const compact = inline.replace(/\s+/g, '');
  const isBase64 = compact.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact);
  return { field: 'file', filename: '', mime: 'application/octet-stream', bytes: isBase64 ? Buffer.from(compact, 'base64') : Buffer.from(inline, 'utf8') };
}

function httpUrl(v: string | undefined, name: string): string | null {
  if (!v) return null;
  try {
    const u = new URL(v);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.toString();
  } catch {
    /* not a URL */
  }
  throw badRequest(`Invalid ${name}`);
}

/** The owner of an upload: the key's user, or with a client-level key the user named by userEmail. */
async function owner(services: Services, p: Principal, userEmail: string | undefined): Promise<number | null> {
  if (p.userId !== null && p.role !== 'admin') {
    if (userEmail) {
      const user = await services.users.byId(p.userId);
      if (user?.email?.toLowerCase() !== userEmail.toLowerCase()) throw forbidden('userEmail does not match the APIKEY');
    }
    return p.userId;
  }
  if (!userEmail) return p.userId;
  const user = await services.users.byEmailIn(p.organisationId, userEmail.trim().toLowerCase());
  if (!user || !user.active) throw badRequest('Unknown userEmail');
  return user.id;
}

/** The Origo assignment behind a client's assignmentId (created on first use; peers are cross-checked). */
async function assignmentFor(services: Services, p: Principal, assignmentId: string): Promise<AssignmentRow> {
  const rec = await services.vendorRecords.get(VENDOR, KIND.assignment, p.organisationId, assignmentId);
  const existing = rec?.internalId != null ? await services.assignments.byId(p.organisationId, rec.internalId) : undefined;
  if (existing) return existing;
  const created = await services.assignments.createIn(p.organisationId, {
    name: `Plagiat.pl assignment ${assignmentId}`.slice(0, 300),
    kind: 'text',
    ownerUserId: p.userId,
    settings: { ...DEFAULT_SETTINGS, check_peers: true, check_repository: true },
  });
  await services.vendorRecords.put(VENDOR, KIND.assignment, p.organisationId, assignmentId, created.id, {});
  return created;
}

const ok = (message: string) => ({ status: 'success', message });

export function documentRoutes(app: FastifyInstance, services: Services): void {
  app.post('/api/v2/documents/add', STATUS, async (req): Promise<AddDocumentResponse> => {
    const p = await authenticate(services, req);
    const q = req.wire!.params;
    const file = uploadedFile(req);
    if (!file) throw badRequest('Missing file');
    const title = textParam(q.title, 'title');
    if (!title) throw badRequest('Missing title');
    const action = (paramString(q.action) ?? 'check').toLowerCase();
    if (action !== 'check' && action !== 'index') throw badRequest('Invalid action');
    const languageCode = paramString(q.languageCode);
    if (languageCode && !/^[a-z]{2}([-_][a-z]{2})?$/i.test(languageCode)) throw badRequest('Invalid languageCode');
    const kindParam = paramString(q.documentKind);
    const documentKind = kindParam === undefined ? null : (looseInt(kindParam) ?? -1);
    if (documentKind !== null && !DOCUMENT_KINDS.has(documentKind)) throw badRequest('Invalid documentKind');
    const callbackUrl = httpUrl(paramString(q.callbackUrl) ?? paramString(q.callback), 'callbackUrl');
    // The server will call it: the outbound policy refuses internal addresses when it is set.
    if (callbackUrl && (await services.webhooks.targetProblem(callbackUrl))) throw badRequest('Invalid callbackUrl: the address is not allowed');
    const clientId = paramString(q.id);
    if (clientId && clientId.length > 200) throw badRequest('Invalid id');
    if (clientId && (await services.vendorRecords.get(VENDOR, KIND.document, p.organisationId, clientId))) throw badRequest('Document with this id already exists');
    const userEmail = paramString(q.userEmail);
    const ownerId = await owner(services, p, userEmail);
    const assignmentId = paramString(q.assignmentId) ?? null;
    const assignment = assignmentId ? await assignmentFor(services, p, assignmentId) : null;
    const authors = list(q.author);

    const options: DocumentOptions =
      action === 'index'
        ? { index_only: true }
        // Plagiat.pl counts phrases from 5 words on (its first coefficient), so passages that short are kept.
        : { check_repository: true, check_peers: assignment !== null, settings: { min_match_words: 5 } };
    const counted = action === 'check' && ownerId !== null;
    if (counted && !(await services.quotas.consume(ownerId!))) throw forbidden('The user has no tests left (testCount is 0)');
    let doc;
    try {
      doc = await services.documents.submitAs(p, { assignment, title, author: authors.join(', ') || null, filename: file.filename || null, mime: file.mime, bytes: file.bytes, ownerUserId: ownerId, options });
    } catch (err) {
      if (counted) await services.quotas.refund(ownerId!);
      if (err instanceof AppError && err.status < 500) throw badRequest(err.message);
      throw err;
    }
    const id = clientId ?? doc.public_id;
    const record: DocumentRecord = {
      action,
      callbackUrl,
      assignmentId,
      userEmail: userEmail ?? null,
      externalUserId: paramString(q.userId) ?? null,
      languageCode: languageCode ?? null,
      faculty: paramString(q.faculty) ?? null,
      unitName: paramString(q.unitName) ?? null,
      authors,
      coordinators: list(q.coordinator),
      reviewers: list(q.reviewer),
      documentKind: documentKind ?? null,
      aiDetection: looseBool(q.aiDetection) ?? false,
      grammarCheck: looseBool(q.grammarCheck) ?? false,
      decision: null,
    };
    await services.vendorRecords.put(VENDOR, KIND.document, p.organisationId, id, doc.id, record);
    return { status: 'new', message: 'New document has been added', id };
  });

  // GET as documented; POST with a JSON body as the Chamilo client sends it.
  for (const method of ['GET', 'POST'] as const) {
    app.route({
      method,
      url: '/api/v2/documents',
      ...MESSAGE,
      handler: async (req) => {
        const p = await authenticate(services, req);
        const found = await documentFromParams(services, p, req.wire!.params);
        return documentMetadata(services, found.id, await documentFacts(services, found.doc, found.record));
      },
    });
  }

  const action = (path: string, run: (p: Principal, found: Awaited<ReturnType<typeof documentById>>) => Promise<string>) =>
    app.post(path, STATUS, async (req) => {
      const p = await authenticate(services, req);
      const q = req.wire!.params;
      const found = await documentById(services, p, paramString(q.id) ?? paramString(q.documentId));
      return ok(await run(p, found));
    });

  action('/api/v2/documents/remove', async (p, { doc, id }) => {
    await services.documents.delete(p, doc.public_id);
    await services.vendorRecords.delete(VENDOR, KIND.document, p.organisationId, id);
    return 'Document has been removed';
  });
  action('/api/v2/documents/add-to-database', async (_p, { doc }) => {
    if (doc.status === 'failed') throw badRequest('The document could not be read; it cannot be indexed');
    await services.documents.addToRepository(doc);
    return 'Document has been added to database';
  });
  action('/api/v2/documents/remove-from-database', async (_p, { doc }) => {
    await services.documents.removeFromRepository(doc);
    return 'Document has been removed from index';
  });
  const decide = (decision: NonNullable<DocumentRecord['decision']>, message: string) => async (p: Principal, found: { doc: { id: number }; id: string; record: DocumentRecord }) => {
    await services.vendorRecords.put(VENDOR, KIND.document, p.organisationId, found.id, found.doc.id, { ...found.record, decision });
    return message;
  };
  action('/api/v2/documents/reject', decide('rejected', 'Report has been rejected'));
  action('/api/v2/documents/send-for-correction', decide('sent-for-correction', 'Report has been sent for correction'));

  app.get('/api/v2/documents/protocols', MESSAGE, async (req) => {
    const p = await authenticate(services, req);
    await documentFromParams(services, p, req.wire!.params);
    // Origo keeps no acceptance protocols: the list is empty, never invented.
    return { status: 'success', protocols: [] };
  });
}

