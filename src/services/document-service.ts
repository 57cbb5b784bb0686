import { createHash } from 'node:crypto';
import type { AssignmentRow, DocumentFilter, DocumentRow, PageOf, Store } from '../store/index.js';
import { nowIso } from '../store/index.js';
import type { PageRequest, ServiceContext } from './context.js';
import { page } from './context.js';
import { AppError, invalid, notFound } from './errors.js';
import { documentPublicId } from './ids.js';
import type { Principal } from './principal.js';
import { reachesAssignment, reachesDocument, require as requireAction, type Action } from './policy.js';
import type { DocumentOptions } from './document-options.js';
import { parseOptions } from './document-options.js';
import type { DocumentEvent } from './events.js';

export interface SubmitInput {
  assignment?: AssignmentRow | null;
  title?: string | null;
  author?: string | null;
  filename?: string | null;
  mime?: string | null;
  bytes: Uint8Array;
  ownerUserId?: number | null;
  options?: DocumentOptions;
}

/** Document statuses, in order; `failed` and `deleted` end the line. */
export const DOCUMENT_STATUSES = ['queued', 'converting', 'converted', 'checking', 'done', 'failed', 'deleted'] as const;

export const jobKeys = {
  extract: (docId: number) => `extract:${docId}`,
  analyse: (docId: number, why: string) => `analyse:${docId}:${why}`,
  notify: (docId: number, event: DocumentEvent, tag: string) => `notify:${docId}:${event}:${tag}`,
};

/** Enqueues announcing an event about a document (inside the caller's transaction). */
export async function enqueueNotify(tx: Store, documentId: number, event: DocumentEvent, tag: string, version: number | null = null): Promise<void> {
  await tx.jobs.enqueue('notify', { documentId, event, version }, { dedupeKey: jobKeys.notify(documentId, event, tag) });
}

/** Documents: ingest, read, list, delete, repository membership and re-checks. */
export class DocumentService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Ingest: validates, stores the bytes, records the document and queues its extraction, so
   * that once this returns nothing is lost even if the process dies.
   */
  async submit(organisationId: number, input: SubmitInput): Promise<DocumentRow> {
    const size = input.bytes.byteLength;
    if (size > this.ctx.limits.maxUploadBytes) throw new AppError('payload_too_large', `The file is ${size} bytes; the limit is ${this.ctx.limits.maxUploadBytes}.`);
    if (size === 0) throw new AppError('unsupported_document', 'The file is empty.');
    const title = (input.title ?? input.filename ?? '').trim() || 'Untitled document';
    if (title.length > 500) throw invalid('title must be at most 500 characters', { fields: { title: 'too long' } });
    const md5 = createHash('md5').update(input.bytes).digest('hex');
    const blobKey = await this.ctx.blobs.put(input.bytes);
    try {
      return await this.ctx.store.transaction(async (tx) => {
        const now = nowIso();
        const doc = await tx.documents.create({
          public_id: documentPublicId(),
          organisation_id: organisationId,
          assignment_id: input.assignment?.id ?? null,
          owner_user_id: input.ownerUserId ?? null,
          title,
          author: input.author?.trim() || null,
          filename: input.filename ?? null,
          mime: input.mime ?? null,
          size,
          md5,
          blob_key: blobKey,
          status: 'queued',
          reason: null,
          language: null,
          char_count: null,
          word_count: null,
          page_count: null,
          similarity: null,
          options: JSON.stringify(input.options ?? {}),
          created_at: now,
          updated_at: now,
        });
        await tx.jobs.enqueue('extract', { documentId: doc.id }, { dedupeKey: jobKeys.extract(doc.id) });
        await enqueueNotify(tx, doc.id, 'document.received', 'ingest');
        return doc;
      });
    } catch (err) {
      await this.ctx.blobs.delete(blobKey);
      throw err;
    }
  }

  /** Ingest for a caller: the policy's `documents.submit`, into an assignment the caller reaches. */
  async submitAs(p: Principal, input: SubmitInput): Promise<DocumentRow> {
    requireAction(p, 'documents.submit');
    if (input.assignment) {
      const a = input.assignment;
      const course = a.course_id !== null ? await this.ctx.store.courses.byId(a.course_id) : null;
      if (!reachesAssignment(p, 'documents.submit', a, course)) throw notFound('Assignment');
    }
    return this.submit(p.organisationId, { ...input, ownerUserId: input.ownerUserId ?? p.userId });
  }

  /** Whether the caller reaches a document for `action` (through its assignment, for instructors). */
  async reaches(p: Principal, doc: DocumentRow | undefined, action: Action = 'documents.read'): Promise<boolean> {
    if (!doc) return false;
    const a = doc.assignment_id !== null && doc.owner_user_id !== p.userId ? await this.ctx.store.assignments.byId(doc.assignment_id) : null;
    const course = a && a.course_id !== null && a.owner_user_id !== p.userId ? await this.ctx.store.courses.byId(a.course_id) : null;
    return reachesDocument(p, action, doc, a, course);
  }

  /** A document the caller reaches for `action`; "not found" otherwise. */
  async get(p: Principal, id: string, action: Action = 'documents.read'): Promise<DocumentRow> {
    requireAction(p, action);
    const doc = await this.ctx.store.documents.byPublicId(p.organisationId, id);
    if (!doc || !(await this.reaches(p, doc, action))) throw notFound('Document');
    return doc;
  }

  /** A document by internal id (vendor adapters' integer ids) that the caller reaches for `action`, or undefined. */
  async byIdFor(p: Principal, id: number, action: Action = 'documents.read'): Promise<DocumentRow | undefined> {
    const doc = await this.byId(p.organisationId, id);
    return doc && (await this.reaches(p, doc, action)) ? doc : undefined;
  }

  async byId(organisationId: number, id: number): Promise<DocumentRow | undefined> {
    const doc = await this.ctx.store.documents.byId(id);
    return doc && doc.organisation_id === organisationId && doc.status !== 'deleted' ? doc : undefined;
  }

  async byPublicId(organisationId: number, id: string): Promise<DocumentRow | undefined> {
    const doc = await this.ctx.store.documents.byPublicId(organisationId, id);
    return doc && doc.status !== 'deleted' ? doc : undefined;
  }

  async list(p: Principal, filter: DocumentFilter, req: PageRequest): Promise<PageOf<DocumentRow>> {
    const scope = requireAction(p, 'documents.read');
    const f = { ...filter };
    if (scope === 'own') {
      // Students: their own documents; instructors: also those of the assignments and courses they own.
      if (p.role === 'student') f.ownerUserId = p.userId ?? -1;
      else f.reachableBy = p.userId ?? -1;
    }
    return this.ctx.store.documents.list(p.organisationId, f, page(req));
  }

  /** Every live document of an assignment (internal use: checks, deletion; no caller). */
  async inAssignment(a: AssignmentRow): Promise<DocumentRow[]> {
    return (await this.ctx.store.documents.inAssignment(a.id)).filter((d) => d.status !== 'deleted');
  }

  /** The documents of an assignment the caller reaches for `action` (a student: only its own). */
  async inAssignmentFor(p: Principal, a: AssignmentRow, action: Action = 'documents.read'): Promise<DocumentRow[]> {
    requireAction(p, action);
    const docs = await this.inAssignment(a);
    const course = a.course_id !== null ? await this.ctx.store.courses.byId(a.course_id) : null;
    return docs.filter((d) => reachesDocument(p, action, d, a, course));
  }

  async text(doc: DocumentRow): Promise<{ text: string; extraction: Record<string, unknown> } | null> {
    const row = await this.ctx.store.documents.text(doc.id);
    return row ? { text: row.text, extraction: JSON.parse(row.extraction) as Record<string, unknown> } : null;
  }

  async original(doc: DocumentRow): Promise<Uint8Array | null> {
    return doc.blob_key ? this.ctx.blobs.get(doc.blob_key) : null;
  }

  options(doc: DocumentRow): DocumentOptions {
    return parseOptions(doc.options);
  }

  async setOptions(doc: DocumentRow, patch: DocumentOptions): Promise<DocumentRow> {
    return (await this.ctx.store.documents.update(doc.id, { options: JSON.stringify({ ...this.options(doc), ...patch }), updated_at: nowIso() })) as DocumentRow;
  }

  async update(doc: DocumentRow, patch: { title?: string; author?: string | null }): Promise<DocumentRow> {
    return (await this.ctx.store.documents.update(doc.id, { ...patch, updated_at: nowIso() })) as DocumentRow;
  }

  async delete(p: Principal, id: string): Promise<void> {
    await this.deleteRow(await this.get(p, id, 'documents.delete'));
  }

  /** Removes the blob, the text, the fingerprints and the row (analyses go with it). */
  async deleteRow(doc: DocumentRow): Promise<void> {
    await this.ctx.store.transaction(async (tx) => {
      await tx.fingerprints.delete(doc.id);
      await tx.documents.deleteText(doc.id);
      await tx.documents.delete(doc.id);
    });
    if (doc.blob_key) await this.ctx.blobs.delete(doc.blob_key);
  }

  /** Queues a fresh check of a document (after settings change, on request, or a held check). */
  async recheck(doc: DocumentRow, why: string): Promise<void> {
    if (doc.status === 'failed' || doc.status === 'deleted') throw new AppError('conflict', `The document is ${doc.status}; it cannot be checked.`);
    await this.ctx.store.transaction(async (tx) => {
      if (doc.status === 'converted' || doc.status === 'done') {
        await tx.jobs.enqueue('analyse', { documentId: doc.id, reason: why }, { dedupeKey: jobKeys.analyse(doc.id, `${why}:${Date.now()}`) });
      }
      const options = { ...parseOptions(doc.options), hold: false };
      await tx.documents.update(doc.id, { options: JSON.stringify(options), updated_at: nowIso() });
    });
  }

  /**
   * Queues a new check of each document already checked or being checked (a check running now
   * may have read the old settings); the others are skipped (they read the settings when their
   * check starts). A code assignment's jobs coalesce into one group run. Returns how many.
   */
  async recheckAll(docs: readonly DocumentRow[], why: string): Promise<number> {
    const due = docs.filter((d) => d.status === 'converted' || d.status === 'checking' || d.status === 'done');
    if (!due.length) return 0;
    const tag = `${why}:${Date.now()}`;
    await this.ctx.store.transaction(async (tx) => {
      for (const d of due) await tx.jobs.enqueue('analyse', { documentId: d.id, reason: why }, { dedupeKey: jobKeys.analyse(d.id, tag) });
    });
    return due.length;
  }

  // ---- repositories ----

  /** Adds a document to a repository (the default one when none is named); false when it was there already. */
  async addToRepository(doc: DocumentRow, repositoryId?: number): Promise<boolean> {
    const repoId = repositoryId ?? (await this.ctx.store.repositories.defaultOf(doc.organisation_id))?.id;
    if (!repoId) throw notFound('Repository');
    return this.ctx.store.repositories.addDocument(repoId, doc.id, nowIso());
  }

  async removeFromRepository(doc: DocumentRow, repositoryId?: number): Promise<boolean> {
    if (repositoryId !== undefined) return this.ctx.store.repositories.removeDocument(repositoryId, doc.id);
    let removed = false;
    for (const r of await this.ctx.store.repositories.repositoriesOf(doc.id)) removed = (await this.ctx.store.repositories.removeDocument(r, doc.id)) || removed;
    return removed;
  }

  async repositoriesOf(doc: DocumentRow): Promise<number[]> {
    return this.ctx.store.repositories.repositoriesOf(doc.id);
  }
}
