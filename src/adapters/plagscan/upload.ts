import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import type { AssignmentRow } from '../../store/index.js';
import { AppError } from '../../services/errors.js';
import { looseString } from '../shared/index.js';
import { PlagScanError } from './wire-errors.js';
import { VENDOR, type DocumentData, type UploadData } from './records.js';

/** The same bytes from the same owner within this time return the earlier docID (PlagScan's rule). */
export const DUPLICATE_WINDOW_MS = 5000;

export interface UploadedContent {
  bytes: Buffer;
  filename: string;
  mime: string;
}

/** `fileUpload` (any file field, if named otherwise) or `textdata` + `textname`. */
export function contentOf(req: FastifyRequest): UploadedContent {
  const wire = req.wire!;
  const file = wire.files.find((f) => f.field === 'fileUpload') ?? wire.files[0];
  if (file && file.bytes.length > 0) return { bytes: file.bytes, filename: file.filename || 'document', mime: file.mime };
  const text = looseString(wire.params.textdata);
  if (text !== undefined && text.trim() !== '') {
    const name = looseString(wire.params.textname)?.trim() || 'text';
    return { bytes: Buffer.from(text, 'utf8'), filename: /\.[a-z0-9]{1,5}$/i.test(name) ? name : `${name}.txt`, mime: 'text/plain' };
  }
  throw new PlagScanError(400, 'A file (fileUpload) or a text (textdata) is required');
}

export interface IngestInput {
  content: UploadedContent;
  title: string;
  author?: string | null;
  ownerUserId: number | null;
  assignment: AssignmentRow | null;
  submissionID: number | null;
  hold: boolean;
  toRepository: boolean;
  checkRepository: boolean;
}

/** Stores a document (or finds the one just made from the same bytes) and returns its docID. */
export async function ingest(services: Services, p: Principal, input: IngestInput): Promise<number> {
  const md5 = createHash('md5').update(input.content.bytes).digest('hex');
  const uploadKey = `${input.ownerUserId ?? 'org'}:${input.submissionID ?? '-'}:${md5}`;
  const recent = await services.vendorRecords.get<UploadData>(VENDOR, 'upload', p.organisationId, uploadKey);
  if (recent && Date.now() - recent.data.at < DUPLICATE_WINDOW_MS) {
    const earlier = await services.vendorRecords.get<DocumentData>(VENDOR, 'document', p.organisationId, String(recent.data.docID));
    if (earlier && !earlier.data.deleted) return recent.data.docID;
  }
  let doc;
  try {
    doc = await services.documents.submitAs(p, {
      assignment: input.assignment,
      title: input.title,
      author: input.author ?? null,
      filename: input.content.filename,
      mime: input.content.mime,
      bytes: input.content.bytes,
      ownerUserId: input.ownerUserId,
      options: { hold: input.hold, to_repository: input.toRepository, check_repository: input.checkRepository },
    });
  } catch (err) {
    if (err instanceof AppError && (err.code === 'payload_too_large' || err.code === 'unsupported_document')) throw new PlagScanError(err.status, err.message);
    throw err;
  }
  const data: DocumentData = { ownerID: input.ownerUserId, submissionID: input.submissionID };
  await services.vendorRecords.put(VENDOR, 'document', p.organisationId, String(doc.id), doc.id, data);
  await services.vendorRecords.put<UploadData>(VENDOR, 'upload', p.organisationId, uploadKey, doc.id, { docID: doc.id, at: Date.now() });
  return doc.id;
}

/** The `/v3/...` base of this request as the client addressed it (for `location` fields). */
export function baseOf(req: FastifyRequest): string {
  const path = req.url.split('?')[0];
  const i = path.indexOf('/v3/');
  return i >= 0 ? path.slice(0, i + 3) : '/v3';
}
