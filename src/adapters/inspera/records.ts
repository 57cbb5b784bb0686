import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import type { AssignmentRow, DocumentRow } from '../../store/index.js';
import { DEFAULT_SETTINGS } from '../../services/settings.js';
import type { SubmissionChoices } from './submission-options.js';
import { scopeOf } from '../../services/policy.js';

/** What Origo keeps about an Inspera submission (vendor record "document", keyed by its documentId). */
export interface InsperaSubmission {
  generation: 'older' | 'newer';
  title: string;
  author: string;
  email: string;
  mime: string;
  extension: string;
  language: string | null;
  assignmentId: string | null;
  subjectId: string | null;
  thesisId: string | null;
  institutionName: string | null;
  choices: SubmissionChoices;
  /** md5 of the file once it has arrived. */
  md5: string | null;
  /** The user whose token made the submission (null: an institution's client token); the document's owner. */
  ownerUserId?: number | null;
}

export const KIND = { document: 'document', assignment: 'assignment', attempts: 'attempts' } as const;

/**
 * A submission the caller may see: the institution's client token sees every one, a user's token
 * (the CRUD generation's login) only what the policy lets it reach (a student: its own
 * submissions; an educator: its own and those of its assignments). Undefined otherwise.
 */
export async function submissionRecord(services: Services, p: Principal, documentId: string) {
  const rec = await services.vendorRecords.get<InsperaSubmission & { assignmentInternalId?: number | null }>('inspera', KIND.document, p.organisationId, documentId);
  if (!rec) return undefined;
  if (rec.internalId !== null) {
    const doc = await services.documents.byId(p.organisationId, rec.internalId);
    return !doc || (await services.documents.reaches(p, doc)) ? rec : undefined;
  }
  // The file has not arrived yet: judge by who made the submission and where it goes.
  if (p.userId !== null && rec.data.ownerUserId === p.userId) return rec;
  const a = rec.data.assignmentInternalId ? await services.assignments.byIdFor(p, rec.data.assignmentInternalId) : undefined;
  const scope = scopeOf(p, 'documents.read');
  return scope === 'organisation' || scope === 'all' || a ? rec : undefined;
}

/** The Origo document behind an Inspera documentId (null while its file has not arrived). */
export async function documentOf(services: Services, organisationId: number, internalId: number | null): Promise<DocumentRow | null> {
  if (internalId === null) return null;
  return (await services.documents.byId(organisationId, internalId)) ?? null;
}

/**
 * The Origo assignment for an Inspera assignmentId, made on first use: peers are compared with
 * each other and with the organisation's repository. A subject (subjectId/subjectName) becomes a
 * course with that code.
 */
export async function assignmentFor(services: Services, p: Principal, assignmentId: string, names: { assignmentName?: string; subjectId?: string; subjectName?: string }): Promise<AssignmentRow> {
  const known = await services.vendorRecords.get<{ name: string }>('inspera', KIND.assignment, p.organisationId, assignmentId);
  if (known?.internalId) {
    const a = await services.assignments.byId(p.organisationId, known.internalId);
    if (a) return a;
  }
  let courseId: number | null = null;
  if (names.subjectId) {
    const courses = await services.assignments.listCourses(p, { limit: 500 });
    const course = courses.items.find((c) => c.code === names.subjectId) ?? (await services.assignments.createCourse(p, { name: names.subjectName || names.subjectId, code: names.subjectId }));
    courseId = course.id;
  }
  const name = names.assignmentName?.trim() || `Inspera assignment ${assignmentId}`;
  const a = await services.assignments.createIn(p.organisationId, {
    name: name.slice(0, 300),
    kind: 'text',
    courseId,
    ownerUserId: p.userId,
    settings: { ...DEFAULT_SETTINGS, check_peers: true, check_repository: true },
  });
  await services.vendorRecords.put('inspera', KIND.assignment, p.organisationId, assignmentId, a.id, { name });
  return a;
}

/**
 * The attempt count's key: assignment and author as a JSON array, unambiguous whatever either
 * contains. (It used to join them with a NUL character, which PostgreSQL refuses in text: every
 * submission answered 500 there; migration 007 rewrites such keys stored in SQLite.)
 */
export const attemptKey = (assignmentId: string | null, email: string) => JSON.stringify([assignmentId ?? '', email.trim().toLowerCase()]);

/** How many submissions an author has made to an assignment through the Inspera API. */
export async function attemptsOf(services: Services, p: Principal, assignmentId: string | null, email: string): Promise<number> {
  return (await services.vendorRecords.get<{ count: number }>('inspera', KIND.attempts, p.organisationId, attemptKey(assignmentId, email)))?.data.count ?? 0;
}

/**
 * Counts one more submission by an author to an assignment (after it was accepted). Two
 * submissions at the same instant may both pass the limit: the count is read, then written.
 */
export async function countAttempt(services: Services, p: Principal, assignmentId: string | null, email: string): Promise<void> {
  const count = await attemptsOf(services, p, assignmentId, email);
  await services.vendorRecords.put('inspera', KIND.attempts, p.organisationId, attemptKey(assignmentId, email), null, { count: count + 1 });
}
