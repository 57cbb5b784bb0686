import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import type { VendorRecord } from '../../services/vendor-record-service.js';
import { AppError } from '../../services/errors.js';
import { looseString } from '../shared/index.js';
import { EMAIL_FORMAT, InsperaError, MESSAGES } from './wire-errors.js';
import { decodeFile, docTypeOf, submissionChoices, titleAllowed } from './submission-options.js';
import { KIND, assignmentFor, attemptsOf, countAttempt, type InsperaSubmission } from './records.js';
import { openUploadToken, presignedUploadUrl } from './upload-url.js';

const str = (v: unknown) => looseString(v)?.trim() || undefined;

/** Stores the bytes of a submission as an Origo document and links it to the Inspera documentId. */
async function ingest(services: Services, organisationId: number, documentId: string, rec: InsperaSubmission, bytes: Uint8Array, assignmentInternalId: number | null): Promise<void> {
  const assignment = assignmentInternalId === null ? null : ((await services.assignments.byId(organisationId, assignmentInternalId)) ?? null);
  let doc;
  try {
    doc = await services.documents.submit(organisationId, {
      assignment,
      ownerUserId: rec.ownerUserId ?? null,
      title: rec.title,
      author: rec.author,
      filename: rec.extension ? `${rec.title}.${rec.extension}` : rec.title,
      mime: rec.mime,
      bytes,
      options: rec.choices.options,
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'payload_too_large') throw new InsperaError(413, err.message);
    if (err instanceof AppError && err.code === 'unsupported_document') throw new InsperaError(403, MESSAGES.invalidStructure);
    throw err;
  }
  const md5 = createHash('md5').update(bytes).digest('hex');
  await services.vendorRecords.put('inspera', KIND.document, organisationId, documentId, doc.id, { ...rec, md5, assignmentInternalId });
}

type Stored = InsperaSubmission & { assignmentInternalId: number | null };

/**
 * POST /submissions (older generation: the file in the body as `base64,…` or HTML) and
 * POST /create/submission (Moodle plugin: metadata only, then a PUT of the raw file to
 * `presignedS3Url`), and that upload URL itself.
 */
export function submissionRoutes(app: FastifyInstance, services: Services): void {
  const create = async (p: Principal, params: Record<string, unknown>, generation: 'older' | 'newer') => {
    const title = str(params.documentTitle);
    const author = str(params.author);
    const email = str(params.email);
    const docType = str(params.docType);
    const file = typeof params.file === 'string' ? params.file : undefined;
    const missing = !title || !author || !email || (generation === 'older' ? !docType || !str(params.documentLanguage) : !docType);
    if (missing) throw new InsperaError(400, MESSAGES.requiredFieldsSubmission);
    // `email` is "the email of the student who uploaded the submission": anything else is an invalid required field.
    if (!EMAIL_FORMAT.test(email)) throw new InsperaError(400, MESSAGES.requiredFieldsSubmission);
    if (!titleAllowed(title)) throw new InsperaError(403, MESSAGES.titleLength);
    const assignmentId = str(params.assignmentId) ?? null;
    const choices = submissionChoices(params, assignmentId !== null);
    let bytes: Buffer | null = null;
    let type = docTypeOf(docType) ?? { mime: docType!.split(';')[0].trim(), extension: '' };
    if (file !== undefined && file.trim() !== '') {
      const decoded = decodeFile(file);
      if (!decoded) throw new InsperaError(403, MESSAGES.invalidStructure);
      bytes = decoded.bytes;
      if (decoded.html) type = { mime: 'text/html', extension: 'html' };
    }
    if ((await attemptsOf(services, p, assignmentId, email)) >= choices.maxSubmissions) throw new InsperaError(403, MESSAGES.maxSubmissions);
    const assignment = assignmentId
      ? await assignmentFor(services, p, assignmentId, { assignmentName: str(params.assignmentName), subjectId: str(params.subjectId), subjectName: str(params.subjectName) })
      : null;
    const documentId = randomUUID();
    const rec: Stored = {
      generation,
      title,
      author,
      email,
      mime: type.mime,
      extension: type.extension,
      language: str(params.documentLanguage) ?? null,
      assignmentId,
      subjectId: str(params.subjectId) ?? null,
      thesisId: str(params.thesisID ?? params.thesisId) ?? null,
      institutionName: str(params.institutionName) ?? null,
      choices,
      md5: null,
      ownerUserId: p.userId,
      assignmentInternalId: assignment?.id ?? null,
    };
    await services.vendorRecords.put('inspera', KIND.document, p.organisationId, documentId, null, rec);
    if (bytes) {
      try {
        await ingest(services, p.organisationId, documentId, rec, bytes, rec.assignmentInternalId);
      } catch (err) {
        // The client gets no documentId, so nothing may stay behind under it.
        await services.vendorRecords.delete('inspera', KIND.document, p.organisationId, documentId);
        throw err;
      }
    }
    await countAttempt(services, p, assignmentId, email);
    return { documentId };
  };

  app.post('/submissions', async (req) => {
    const { documentId } = await create(req.insperaPrincipal!, req.wire!.params, 'older');
    return { message: 'Your document is uploaded successfully', documentId, presignedS3Url: await presignedUploadUrl(services, app, req, req.insperaPrincipal!.organisationId, documentId) };
  });

  app.post('/create/submission', async (req) => {
    const { documentId } = await create(req.insperaPrincipal!, req.wire!.params, 'newer');
    return { message: 'Your document is uploaded successfully', documentId, presignedS3Url: await presignedUploadUrl(services, app, req, req.insperaPrincipal!.organisationId, documentId) };
  });

  // The presigned URL: no Authorization header (the signature is the URL), the raw bytes as the body.
  // The URL's signature, expiry and submission are checked when the request's head has arrived
  // (onRequest), before the body is read: a PUT to a forged or expired URL must not make the server
  // buffer an upload first.
  const grants = new WeakMap<FastifyRequest, { organisationId: number; documentId: string; rec: VendorRecord<Stored> }>();
  const openGrant = async (req: FastifyRequest) => {
    const grant = await openUploadToken(services, (req.params as { token: string }).token);
    if (grant === 'expired') throw new InsperaError(403, 'Request has expired');
    if (!grant) throw new InsperaError(403, 'The request signature does not match');
    const rec = await services.vendorRecords.get<Stored>('inspera', KIND.document, grant.organisationId, grant.documentId);
    if (!rec) throw new InsperaError(404, MESSAGES.submissionNotFound);
    grants.set(req, { ...grant, rec });
  };
  const upload = async (req: FastifyRequest, body: Buffer, contentType: string | undefined) => {
    const found = grants.get(req);
    if (!found) throw new InsperaError(403, 'The request signature does not match');
    const { rec, ...grant } = found;
    if (body.length === 0) throw new InsperaError(400, 'The request body is empty');
    if (rec.internalId !== null) {
      // The file has arrived already: the same bytes again are fine (a retried upload), others are refused.
      if (rec.data.md5 === createHash('md5').update(body).digest('hex')) return;
      throw new InsperaError(409, 'The file of this submission has already been uploaded');
    }
    const data = { ...rec.data };
    const ct = contentType?.split(';')[0].trim();
    if (ct && ct !== 'application/octet-stream' && !data.extension) data.mime = ct;
    await ingest(services, grant.organisationId, grant.documentId, data, body, data.assignmentInternalId);
  };
  for (const method of ['PUT', 'POST'] as const) {
    app.route({
      method,
      url: '/upload/:token',
      config: { public: true },
      onRequest: async (req) => openGrant(req),
      handler: async (req, reply) => {
        await upload(req, req.wire!.raw, req.headers['content-type']);
        return reply.code(200).send('');
      },
    });
  }
}
