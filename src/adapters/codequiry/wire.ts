import type { AssignmentRow, DocumentRow } from '../../store/index.js';
import { parseOptions } from '../../services/document-options.js';

/** What the adapter keeps per check (vendor record kind "check", external id = the integer check id). */
export interface CheckRecord {
  language_id: number;
  /** Set by /check/start; until then submissions are held. */
  started_at: string | null;
  test_type: number | null;
  webcheck: boolean;
  dbcheck: boolean;
  /** Demo checks are read-only (403), as on Codequiry. Origo creates none itself. */
  demo?: boolean;
}

/** Per submission (vendor record kind "submission", external id = the integer submission id). */
export interface SubmissionRecord {
  check_id: number;
  filename: string;
}

/** Codequiry status ids. */
export const STATUS = { created: 1, ready: 2, failed: 3, completed: 4, error: 5, checking: 6, queued: 7 } as const;

export const STATUS_TEXT: Record<number, string> = {
  1: 'Created',
  2: 'Ready',
  3: 'Failed',
  4: 'Checks completed',
  5: 'Error',
  6: 'Checking',
  7: 'Queued',
};

const STATUS_VIEW: Record<number, { icon: string; color: string }> = {
  1: { icon: 'fa-plus', color: 'secondary' },
  2: { icon: 'fa-upload', color: 'info' },
  3: { icon: 'fa-times', color: 'danger' },
  4: { icon: 'fa-check', color: 'success' },
  5: { icon: 'fa-exclamation', color: 'danger' },
  6: { icon: 'fa-spinner', color: 'warning' },
  7: { icon: 'fa-clock', color: 'secondary' },
};

/** `YYYY-MM-DD HH:MM:SS` (UTC), the only form the Go SDK parses. */
export function cqDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `May 29, 2019 9:50 PM UTC` (modify_updated_at, the Java SDK's second date form). */
export function cqLongDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const h = d.getUTCHours() % 12 || 12;
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${h}:${String(d.getUTCMinutes()).padStart(2, '0')} ${d.getUTCHours() < 12 ? 'AM' : 'PM'} UTC`;
}

/** A percent (0..100) as Codequiry's two-decimal string. */
export const pctString = (share: number | null | undefined): string | null => (share === null || share === undefined ? null : (share * 100).toFixed(2));

/** Submission status from the document's pipeline status. */
export function submissionStatus(doc: DocumentRow, started: boolean): number {
  if (doc.status === 'failed') return STATUS.failed;
  if (!started || isHeld(doc)) return STATUS.ready;
  if (doc.status === 'done') return STATUS.completed;
  if (doc.status === 'checking') return STATUS.checking;
  return STATUS.queued;
}

/** Check status: created (empty), ready (uploaded), checking/queued, completed, error (all failed). */
export function checkStatus(rec: CheckRecord, docs: DocumentRow[]): number {
  const active = startedDocs(rec, docs);
  if (!active.length) return docs.length ? STATUS.ready : STATUS.created;
  if (active.every((d) => d.status === 'failed')) return STATUS.error;
  // Submissions uploaded after the last start wait for the next one: the check is ready again.
  if (active.every(isFinished)) return active.length < docs.length ? STATUS.ready : STATUS.completed;
  return active.some((d) => d.status === 'checking' || d.status === 'done') ? STATUS.checking : STATUS.queued;
}

/** A submission uploaded but not yet started (document option `hold`). */
export const isHeld = (doc: DocumentRow): boolean => parseOptions(doc.options).hold === true;
export const isFinished = (doc: DocumentRow): boolean => doc.status === 'done' || doc.status === 'failed';

/** The submissions a start has released (all of them once started, except later uploads). */
export function startedDocs(rec: CheckRecord, docs: DocumentRow[]): DocumentRow[] {
  return rec.started_at ? docs.filter((d) => !isHeld(d)) : [];
}

export function checkObject(a: AssignmentRow, rec: CheckRecord, docs: DocumentRow[]) {
  const status = checkStatus(rec, docs);
  const last = docs.reduce((m, d) => (d.updated_at > m ? d.updated_at : m), a.updated_at);
  return {
    id: a.id,
    name: a.name,
    status_id: status,
    status_message: STATUS_TEXT[status],
    job_id: 0,
    course_id: null,
    test_type: rec.test_type,
    language_id: rec.language_id,
    total_submissions: docs.length,
    created_at: cqDate(a.created_at),
    updated_at: cqDate(last),
  };
}

export function assignmentStatuses(status: number, createdAt: string | null) {
  return { id: status, status: STATUS_TEXT[status], icon: STATUS_VIEW[status].icon, color: STATUS_VIEW[status].color, created_at: createdAt, updated_at: createdAt };
}

/** Display name of a submission: the ZIP's name without `.zip`, as Codequiry shows it. */
export function submissionName(filename: string): string {
  return filename.replace(/\.zip$/i, '');
}

export interface SubmissionScores {
  /** Peer (group) similarity, repository similarity; null when not computed. */
  peer: number | null;
  repository: number | null;
  total: number | null;
}

export function submissionObject(doc: DocumentRow, name: string, started: boolean, scores: SubmissionScores) {
  const status = submissionStatus(doc, started);
  return {
    id: doc.id,
    filename: name,
    file_size: doc.size,
    status_id: status,
    created_at: cqDate(doc.created_at),
    updated_at: cqDate(doc.updated_at),
    // result1 = group (peer) similarity, result2 = database (repository), result3 = web: never computed offline.
    result1: pctString(scores.peer),
    result2: pctString(scores.repository),
    result3: null,
    total_result: pctString(scores.total),
    modify_updated_at: cqLongDate(doc.updated_at),
    assignmentstatuses: assignmentStatuses(status, cqDate(doc.updated_at)),
  };
}
