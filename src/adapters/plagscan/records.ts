import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import type { DocumentRow, UserRow } from '../../store/index.js';
import type { Action } from '../../services/policy.js';
import { MESSAGES, PlagScanError } from './wire-errors.js';

/**
 * PlagScan's integer ids are Origo's internal ids (documents, users, assignments as submissions,
 * units as groups); what only PlagScan knows about them lives in vendor records:
 *   document   docID → the document: owner, submission, deletion
 *   upload     "<owner>:<md5>" → the last docID made from these bytes (5-second duplicate rule)
 *   user       userID → username, names and the user's PlagScan settings
 *   username   lower-case username → userID (409 on duplicates)
 *   submission submissionID → the container's PlagScan fields and the users involved in it
 */
export const VENDOR = 'plagscan' as const;

export interface DocumentData {
  ownerID: number | null;
  submissionID: number | null;
  deleted?: boolean;
}

export interface UploadData {
  docID: number;
  at: number;
}

export interface UserData {
  username: string;
  firstname: string;
  lastname: string;
  title: string;
  settings: Record<string, number>;
}

export interface SubmissionData {
  ownerID: number;
  title: string;
  endTime: string;
  maxUploads: number;
  share: number;
  checkDeadline: boolean;
  enableResubmission: boolean;
  checkOnUpload: boolean;
  type: number;
  excludeSelfMatches: boolean;
  excludeFromRepository: boolean;
  involved: { userID: number; shareMode: number }[];
}

/** The document behind a docID, for the caller; the Moodle plugin's exact messages otherwise. */
export async function documentFor(services: Services, p: Principal, docID: number | undefined, action: Action = 'documents.read'): Promise<{ doc: DocumentRow; data: DocumentData }> {
  if (docID === undefined || docID <= 0) throw new PlagScanError(422, 'Validation failed for the field id');
  const rec = await services.vendorRecords.get<DocumentData>(VENDOR, 'document', p.organisationId, String(docID));
  if (!rec) throw new PlagScanError(404, MESSAGES.documentNotInInstitution);
  if (rec.data.deleted) throw new PlagScanError(404, MESSAGES.documentDeleted);
  const doc = await services.documents.byId(p.organisationId, docID);
  if (!doc) throw new PlagScanError(404, MESSAGES.documentDeleted);
  // A user's token reaches that user's documents (an instructor also those of its submissions), through
  // the policy; the administrator's token reaches all. Others get the spec's "not the admin" error.
  if (!(await services.documents.reaches(p, doc, action))) throw new PlagScanError(403, MESSAGES.adminOnly);
  return { doc, data: rec.data };
}

/**
 * A user of the caller's organisation by PlagScan user id. Another organisation's user is answered
 * as one that does not exist: user ids are numbered across organisations, and a different answer
 * would tell a caller which ids another organisation has (as the token route already does).
 */
export async function userFor(services: Services, p: Principal, userID: number | undefined, field = 'userID'): Promise<UserRow> {
  if (userID === undefined || userID <= 0) throw new PlagScanError(422, `Validation failed for the field ${field}`);
  const user = await services.users.byId(userID);
  if (!user || user.organisation_id !== p.organisationId) throw new PlagScanError(404, MESSAGES.userMissing);
  return user;
}

export async function userData(services: Services, user: UserRow): Promise<UserData> {
  const rec = await services.vendorRecords.get<UserData>(VENDOR, 'user', user.organisation_id, String(user.id));
  if (rec) return rec.data;
  const [firstname, ...rest] = user.name.split(/\s+/);
  return { username: user.email ?? user.name, firstname: firstname ?? '', lastname: rest.join(' '), title: '', settings: {} };
}
