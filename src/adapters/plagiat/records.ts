import type { DocumentRow, UserRow } from '../../store/index.js';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { AppError } from '../../services/errors.js';
import { PlagiatError } from './wire.js';

/** What the adapter keeps about a document uploaded through documents/add (vendor record `document`). */
export interface DocumentRecord {
  action: 'check' | 'index';
  callbackUrl: string | null;
  assignmentId: string | null;
  userEmail: string | null;
  externalUserId: string | null;
  languageCode: string | null;
  faculty: string | null;
  unitName: string | null;
  authors: string[];
  coordinators: string[];
  reviewers: string[];
  documentKind: number | null;
  aiDetection: boolean;
  grammarCheck: boolean;
  /** Set by documents/reject and documents/send-for-correction. */
  decision: 'rejected' | 'sent-for-correction' | null;
}

/** First name and surname as Plagiat.pl keeps them (vendor record `user`, keyed by the user's public id). */
export interface UserRecord {
  name: string;
  surname: string;
}

export const VENDOR = 'plagiat' as const;
export const KIND = { document: 'document', assignment: 'assignment', user: 'user' } as const;

/** A document by its Plagiat.pl id, visible to the caller; a 400 "Unknown document ID" otherwise. */
export async function documentById(services: Services, p: Principal, id: string | undefined): Promise<{ doc: DocumentRow; id: string; record: DocumentRecord }> {
  if (!id) throw new PlagiatError(400, 'Missing document ID');
  const rec = await services.vendorRecords.get<DocumentRecord>(VENDOR, KIND.document, p.organisationId, id);
  const row = rec?.internalId != null ? await services.documents.byId(p.organisationId, rec.internalId) : undefined;
  if (!rec || !row) throw new PlagiatError(400, 'Unknown document ID');
  try {
    return { doc: await services.documents.get(p, row.public_id), id, record: rec.data };
  } catch (err) {
    if (err instanceof AppError) throw new PlagiatError(400, 'Unknown document ID');
    throw err;
  }
}

/** The newest document with this MD5 sum that came through this API. */
export async function documentByMd5(services: Services, p: Principal, md5: string): Promise<{ doc: DocumentRow; id: string; record: DocumentRecord }> {
  const found = await services.documents.list(p, { md5: md5.trim().toLowerCase() }, { limit: 500 });
  for (const doc of [...found.items].reverse()) {
    if (doc.status === 'deleted') continue;
    const recs = await services.vendorRecords.byInternal<DocumentRecord>(VENDOR, KIND.document, doc.id);
    if (recs.length) return { doc, id: recs[0].externalId, record: recs[0].data };
  }
  throw new PlagiatError(400, 'Unknown document ID');
}

/** Either parameter, as the spec allows: `id` (Chamilo: `documentId`) or `md5sum`. */
export async function documentFromParams(services: Services, p: Principal, params: Record<string, unknown>): Promise<{ doc: DocumentRow; id: string; record: DocumentRecord }> {
  const id = str(params.id) ?? str(params.documentId);
  if (id) return documentById(services, p, id);
  const md5 = str(params.md5sum);
  if (md5) return documentByMd5(services, p, md5);
  throw new PlagiatError(400, 'Missing document ID');
}

export async function userNames(services: Services, user: UserRow): Promise<UserRecord> {
  const rec = (await services.vendorRecords.byInternal<UserRecord>(VENDOR, KIND.user, user.id))[0];
  if (rec) return rec.data;
  const [name, ...rest] = user.name.split(/\s+/);
  return { name: name ?? '', surname: rest.join(' ') };
}

function str(v: unknown): string | undefined {
  if (Array.isArray(v)) return str(v[0]);
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
export { str as paramString };
