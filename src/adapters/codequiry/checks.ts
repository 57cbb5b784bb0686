import { require as requireAction, scopeOf } from '../../services/policy.js';
import type { AssignmentRow, DocumentRow } from '../../store/index.js';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import type { StoredAnalysis } from '../../services/analysis-model.js';
import { DEFAULT_SETTINGS } from '../../services/settings.js';
import type { CheckRecord, SubmissionRecord, SubmissionScores } from './wire.js';
import type { CodequiryLanguage } from './languages.js';

const V = 'codequiry' as const;

/** A Codequiry check as Origo holds it: a code assignment, the adapter's record and its submissions. */
export interface CheckState {
  assignment: AssignmentRow;
  rec: CheckRecord;
  docs: DocumentRow[];
}

/** Maps Codequiry checks and submissions (integer ids) onto assignments and documents through vendor records. */
export class CodequiryChecks {
  constructor(private readonly s: Services) {}

  async create(p: Principal, name: string, lang: CodequiryLanguage): Promise<CheckState> {
    requireAction(p, 'assignments.create');
    const settings = { ...DEFAULT_SETTINGS, language: lang.origo, ai_detection: false };
    const assignment = await this.s.assignments.createIn(p.organisationId, { name, kind: 'code', ownerUserId: p.userId, settings });
    const rec: CheckRecord = { language_id: lang.id, started_at: null, test_type: null, webcheck: false, dbcheck: false };
    await this.s.vendorRecords.put(V, 'check', p.organisationId, String(assignment.id), assignment.id, rec);
    return { assignment, rec, docs: [] };
  }

  async load(p: Principal, checkId: number | undefined): Promise<CheckState | undefined> {
    if (checkId === undefined) return undefined;
    const r = await this.s.vendorRecords.get<CheckRecord>(V, 'check', p.organisationId, String(checkId));
    if (!r || r.internalId === null) return undefined;
    // A check the caller reaches (an instructor's key: its own checks), with the submissions it reaches.
    const assignment = await this.s.assignments.byIdFor(p, r.internalId);
    if (!assignment) return undefined;
    const docs = (await this.s.documents.inAssignmentFor(p, assignment)).sort((a, b) => a.id - b.id);
    return { assignment, rec: r.data, docs };
  }

  async list(p: Principal): Promise<CheckState[]> {
    const out: CheckState[] = [];
    for (const r of await this.s.vendorRecords.list<CheckRecord>(V, 'check', p.organisationId)) {
      const st = await this.load(p, Number(r.externalId));
      if (st) out.push(st);
    }
    return out.sort((a, b) => b.assignment.id - a.assignment.id);
  }

  async save(p: Principal, st: CheckState, patch: Partial<CheckRecord>): Promise<CheckRecord> {
    st.rec = { ...st.rec, ...patch };
    await this.s.vendorRecords.put(V, 'check', p.organisationId, String(st.assignment.id), st.assignment.id, st.rec);
    return st.rec;
  }

  /** Stores one ZIP as a held submission: nothing is checked until /check/start. */
  async upload(p: Principal, st: CheckState, filename: string, bytes: Uint8Array): Promise<DocumentRow> {
    const doc = await this.s.documents.submitAs(p, {
      assignment: st.assignment,
      title: filename.replace(/\.zip$/i, ''),
      filename,
      mime: 'application/zip',
      bytes,
      ownerUserId: p.userId,
      options: { hold: true },
    });
    await this.s.vendorRecords.put<SubmissionRecord>(V, 'submission', p.organisationId, String(doc.id), doc.id, { check_id: st.assignment.id, filename });
    st.docs.push(doc);
    return doc;
  }

  /** Starts the group check (and the repository check when asked): every held or checked submission is checked again. */
  async start(p: Principal, st: CheckState, o: { dbcheck: boolean; webcheck: boolean; testType: number | null }): Promise<void> {
    const settings = this.s.assignments.settingsOf(st.assignment);
    if (settings.check_repository !== o.dbcheck) st.assignment = await this.s.assignments.updateRow(st.assignment, { settings: { ...settings, check_repository: o.dbcheck } });
    requireAction(p, 'documents.recheck');
    await this.save(p, st, { started_at: new Date().toISOString(), dbcheck: o.dbcheck, webcheck: o.webcheck, test_type: o.testType });
    for (const doc of st.docs) {
      if (doc.status === 'failed') continue;
      await this.s.documents.recheck(doc, 'start');
    }
    st.docs = (await this.s.documents.inAssignmentFor(p, st.assignment)).sort((a, b) => a.id - b.id);
  }

  async submission(st: CheckState, submissionId: number | undefined): Promise<DocumentRow | undefined> {
    return st.docs.find((d) => d.id === submissionId);
  }

  async analysis(doc: DocumentRow): Promise<StoredAnalysis | null> {
    return (await this.s.reports.latest(doc))?.analysis ?? null;
  }

  scores(analysis: StoredAnalysis | null, rec: CheckRecord): SubmissionScores {
    if (!analysis) return { peer: null, repository: null, total: null };
    const max = (scope: 'peer' | 'repository') => analysis.sources.filter((s) => s.scope === scope).reduce((m, s) => Math.max(m, s.similarity), 0);
    return { peer: max('peer'), repository: rec.dbcheck ? max('repository') : null, total: analysis.similarity };
  }

  /** The files of a submission as extraction found them in its ZIP, with their text. */
  async files(doc: DocumentRow): Promise<{ path: string; content: string }[]> {
    const t = await this.s.documents.text(doc);
    if (!t) return [];
    const files = (t.extraction.files ?? []) as { path: string; offset: number; length: number }[];
    return files.map((f) => ({ path: f.path, content: t.text.slice(f.offset, f.offset + f.length) }));
  }

  /**
   * The submissions the caller reaches, over every check it reaches: the whole organisation for an
   * administrator's key, its own checks' for an instructor, none for a student (checks are
   * assignments, which students do not reach). Counting the organisation's vendor records for
   * every key told instructors and students how many submissions the others had; that one count
   * is kept for the keys that reach the whole organisation (walking every check costs ~2 ms each).
   */
  async submissionsOf(p: Principal): Promise<number> {
    const scope = scopeOf(p, 'documents.read');
    if (scope === null) return 0;
    // Organisation-wide readers (administrators, client-level keys) reach every submission: one count.
    if (scope !== 'own') return (await this.s.vendorRecords.list(V, 'submission', p.organisationId, 1_000_000)).length;
    return (await this.list(p)).reduce((n, st) => n + st.docs.length, 0);
  }
}
