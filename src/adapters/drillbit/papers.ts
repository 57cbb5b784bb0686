import type { DocumentRow } from '../../store/index.js';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import type { DocumentOptions } from '../../services/document-options.js';
import type { StoredAi } from '../../services/analysis-model.js';
import { DEFAULT_SETTINGS, type AssignmentSettings } from '../../services/settings.js';
import { looseBool, looseInt, looseString, type WireInput } from '../shared/index.js';
import { DrillbitError } from './wire-errors.js';
import { PAPER, type PaperState } from './vendor-state.js';
import { reportKeyOf } from './paper-mapping.js';
import { PENDING } from './wire-format.js';
import type { Folder } from './folders.js';

export interface Paper {
  doc: DocumentRow;
  rec: PaperState | undefined;
  /** The AI score of the latest analysis (null before the first one, or for analyses made before AI scoring). */
  ai: StoredAi | null;
}

const text = (v: unknown) => looseString(v)?.trim() ?? '';

/** Papers = documents; their DrillBit facts live in vendor records keyed by the paper id. */
export class Papers {
  constructor(private readonly services: Services) {}

  async ai(doc: DocumentRow): Promise<StoredAi | null> {
    if (doc.status !== 'done') return null;
    return (await this.services.reports.latest(doc))?.analysis.ai ?? null;
  }

  async record(doc: DocumentRow): Promise<PaperState | undefined> {
    return (await this.services.vendorRecords.get<PaperState>('drillbit', PAPER, doc.organisation_id, String(doc.id)))?.data;
  }

  /** A paper of the caller's organisation (and, when given, of that folder); 404 otherwise. */
  async get(p: Principal, rawId: unknown, folder?: Folder): Promise<Paper> {
    const id = looseInt(rawId);
    const doc = id === undefined ? undefined : await this.services.documents.byId(p.organisationId, id);
    if (!doc || (folder && doc.assignment_id !== folder.assignment.id)) throw new DrillbitError(404, 'Paper not found.');
    // Students see only their own papers.
    await this.services.documents.get(p, doc.public_id).catch(() => {
      throw new DrillbitError(404, 'Paper not found.');
    });
    return { doc, rec: await this.record(doc), ai: await this.ai(doc) };
  }

  /**
   * A paper and its report key; 404 when the key does not belong to it. The upload answer's
   * placeholder `--` (its `d_key` while the check runs, as DrillBit's documentation shows) is
   * accepted too: Frappe keeps the upload answer's `submissions.d_key` and builds its download
   * links from it, and the Moodle upload's `download-link` carries it. The caller is already
   * authenticated and allowed to see the paper, so the placeholder opens nothing more.
   */
  async withKey(p: Principal, rawId: unknown, key: unknown): Promise<Paper> {
    const paper = await this.get(p, rawId);
    const k = text(key);
    if (k !== PENDING && k.toUpperCase() !== reportKeyOf(paper.doc)) throw new DrillbitError(404, 'Paper not found.');
    return paper;
  }

  /** The papers of a folder the caller reaches (a student: only its own). */
  async inFolder(p: Principal, folder: Folder): Promise<Paper[]> {
    const docs = await this.services.documents.inAssignmentFor(p, folder.assignment);
    return Promise.all(docs.map(async (doc) => ({ doc, rec: await this.record(doc), ai: await this.ai(doc) })));
  }

  /**
   * Stores an uploaded paper in a folder and queues its check. `plagiarismCheck: NO` keeps the
   * paper unchecked; Moodle's `ex_ref`/`ex_qts`/`ex_ss` (and the legacy names) override the
   * folder's exclusions for this paper only.
   */
  async upload(p: Principal, folder: Folder, wire: WireInput, via: PaperState['via'], baseUrl: string): Promise<Paper> {
    const q = wire.params;
    const file = wire.files.find((f) => f.field === 'file') ?? wire.files[0];
    if (!file || file.bytes.length === 0) throw new DrillbitError(400, 'Please upload a file.');
    const user = p.userId ? await this.services.users.byId(p.userId) : undefined;
    const author = text(q.authorName ?? q.name ?? q.author_name);
    const title = text(q.title) || file.filename || 'Untitled';
    const plagiarismCheck = looseBool(q.plagiarismCheck) ?? true;
    const overrides: Partial<AssignmentSettings> = {};
    const exRef = looseBool(q.ex_ref ?? q.exclude_refernces ?? q.exclude_references ?? q.exclude_reference);
    const exQts = looseBool(q.ex_qts ?? q.exclude_quotes);
    const exSs = looseBool(q.ex_ss ?? q.exclude_small_sources);
    if (via !== 'classroom') {
      if (exRef !== undefined) overrides.exclude_references = exRef;
      if (exQts !== undefined) overrides.exclude_quotes = exQts;
      if (exSs !== undefined) overrides.min_match_words = exSs ? folder.state.exclude_threshold : DEFAULT_SETTINGS.min_match_words;
    }
    const options: DocumentOptions = {
      ...(Object.keys(overrides).length ? { settings: overrides } : {}),
      ...(plagiarismCheck ? {} : { hold: true }),
    };
    const doc = await this.services.documents.submitAs(p, {
      assignment: folder.assignment,
      title,
      author: author || user?.name || null,
      filename: file.filename || null,
      mime: file.mime,
      bytes: file.bytes,
      options,
    });
    const state: PaperState = {
      d_key: reportKeyOf(doc),
      folder_id: folder.assignment.id,
      author: author || user?.name || '',
      mail_id: author.includes('@') ? author : (user?.email ?? ''),
      doc_type: text(q.documentType ?? q.doc_type) || 'Assignment',
      language: text(q.language) || 'English',
      guide_name: text(q.guide_name),
      guide_email: text(q.guide_email),
      plagiarism_check: plagiarismCheck,
      grammar_check: looseBool(q.grammarCheck) ?? false,
      via,
      base_url: baseUrl,
    };
    await this.services.vendorRecords.put('drillbit', PAPER, p.organisationId, String(doc.id), doc.id, state);
    return { doc, rec: state, ai: null };
  }

  /** Deletes papers by id (`paperId` may list several: "1,2"); 404 when one is not in the folder. */
  async delete(p: Principal, folder: Folder, rawIds: unknown): Promise<void> {
    const ids = [rawIds].flat().flatMap((v) => String(v ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
    if (!ids.length) throw new DrillbitError(400, 'paperId is required.');
    const papers = await Promise.all(ids.map((id) => this.get(p, id, folder)));
    for (const { doc } of papers) {
      await this.services.documents.delete(p, doc.public_id);
      await this.services.vendorRecords.delete('drillbit', PAPER, p.organisationId, String(doc.id));
    }
  }
}
