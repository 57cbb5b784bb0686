import type { AssignmentRow, CourseRow, PageOf } from '../store/index.js';
import { nowIso } from '../store/index.js';
import type { PageRequest, ServiceContext } from './context.js';
import { page } from './context.js';
import { invalid, notFound } from './errors.js';
import { publicId } from './ids.js';
import type { Principal } from './principal.js';
import { reachesAssignment, reachesCourse, require as requireAction, type Action } from './policy.js';
import { DEFAULT_SETTINGS, mergeSettings, parseSettings, scoreSettingsChanged, type AssignmentSettings } from './settings.js';
import type { DocumentService } from './document-service.js';

export interface AssignmentInput {
  name?: unknown;
  kind?: unknown;
  course_id?: unknown;
  settings?: unknown;
}

/** A course's name and code fit what lists and reports show: 422 naming the field otherwise. */
function courseLengths(input: { name?: unknown; code?: unknown }): void {
  if (typeof input.name === 'string' && input.name.length > 200) throw invalid('name must be at most 200 characters', { fields: { name: 'must be at most 200 characters' } });
  if (typeof input.code === 'string' && input.code.length > 100) throw invalid('code must be at most 100 characters', { fields: { code: 'must be at most 100 characters' } });
}

/** Courses and assignments (with their check settings). */
export class AssignmentService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly documents: DocumentService,
  ) {}

  // ---- courses ----

  /** `limitLengths`: the native API's limits on name and code (Inspera's subjects keep their own names). */
  async createCourse(p: Principal, input: { name?: unknown; code?: unknown }, options: { limitLengths?: boolean } = {}): Promise<CourseRow> {
    requireAction(p, 'courses.create');
    if (options.limitLengths) courseLengths(input);
    if (typeof input.name !== 'string' || !input.name.trim()) throw invalid('name is required', { fields: { name: 'is required' } });
    if (input.code !== undefined && input.code !== null && typeof input.code !== 'string') throw invalid('code must be a string');
    return this.ctx.store.courses.create({ public_id: publicId('crs'), organisation_id: p.organisationId, name: input.name.trim(), code: (input.code as string | undefined) ?? null, owner_user_id: p.userId, created_at: nowIso() });
  }

  /** A course the caller reaches for `action`; "not found" otherwise (never "forbidden": its existence is not told). */
  async getCourse(p: Principal, id: string, action: Action = 'courses.read'): Promise<CourseRow> {
    requireAction(p, action);
    const course = await this.ctx.store.courses.byPublicId(p.organisationId, id);
    if (!course || !reachesCourse(p, action, course)) throw notFound('Course');
    return course;
  }

  async listCourses(p: Principal, req: PageRequest): Promise<PageOf<CourseRow>> {
    const scope = requireAction(p, 'courses.read');
    return this.ctx.store.courses.list(p.organisationId, page(req), scope === 'own' ? (p.userId ?? -1) : undefined);
  }

  async updateCourse(p: Principal, id: string, input: { name?: unknown; code?: unknown }): Promise<CourseRow> {
    const course = await this.getCourse(p, id, 'courses.manage');
    const patch: { name?: string; code?: string | null } = {};
    if (input.name !== undefined) {
      if (typeof input.name !== 'string' || !input.name.trim()) throw invalid('name must be a non-empty string');
      patch.name = input.name.trim();
    }
    if (input.code !== undefined) patch.code = input.code === null ? null : String(input.code);
    courseLengths(patch);
    return (await this.ctx.store.courses.update(course.id, patch)) as CourseRow;
  }

  async deleteCourse(p: Principal, id: string): Promise<void> {
    const course = await this.getCourse(p, id, 'courses.manage');
    await this.ctx.store.courses.delete(course.id);
  }

  // ---- assignments ----

  async create(p: Principal, input: AssignmentInput): Promise<AssignmentRow> {
    requireAction(p, 'assignments.create');
    const fields: Record<string, string> = {};
    if (typeof input.name !== 'string' || !input.name.trim()) fields.name = 'is required';
    else if (input.name.length > 300) fields.name = 'must be at most 300 characters';
    const kind = input.kind ?? 'text';
    if (kind !== 'text' && kind !== 'code') fields.kind = 'must be "text" or "code"';
    if (Object.keys(fields).length) throw invalid('invalid assignment', { fields });
    const settings = mergeSettings(DEFAULT_SETTINGS, input.settings);
    let courseId: number | null = null;
    if (input.course_id !== undefined && input.course_id !== null) courseId = (await this.getCourse(p, String(input.course_id))).id;
    return this.createIn(p.organisationId, { name: (input.name as string).trim(), kind: kind as string, courseId, ownerUserId: p.userId, settings });
  }

  /** Creates an assignment without a role check (vendor adapters that create containers for an org). */
  async createIn(organisationId: number, a: { name: string; kind: string; courseId?: number | null; ownerUserId?: number | null; settings: AssignmentSettings }): Promise<AssignmentRow> {
    const now = nowIso();
    return this.ctx.store.assignments.create({
      public_id: publicId('asg'),
      organisation_id: organisationId,
      course_id: a.courseId ?? null,
      owner_user_id: a.ownerUserId ?? null,
      name: a.name,
      kind: a.kind,
      settings: JSON.stringify(a.settings),
      created_at: now,
      updated_at: now,
    });
  }

  /** An assignment the caller reaches for `action`; "not found" otherwise. */
  async get(p: Principal, id: string, action: Action = 'assignments.read'): Promise<AssignmentRow> {
    requireAction(p, action);
    const a = await this.ctx.store.assignments.byPublicId(p.organisationId, id);
    if (!a || !(await this.reaches(p, a, action))) throw notFound('Assignment');
    return a;
  }

  /**
   * The assignment a caller hands documents in to, or lists its own documents of: every
   * assignment of the organisation for a student, the reachable ones for an instructor.
   */
  async container(p: Principal, id: string): Promise<AssignmentRow> {
    return this.get(p, id, 'documents.submit');
  }

  /** Whether the caller reaches an assignment row for `action` (loads its course when ownership counts). */
  async reaches(p: Principal, a: AssignmentRow, action: Action = 'assignments.read'): Promise<boolean> {
    const course = a.course_id !== null && a.owner_user_id !== p.userId ? await this.ctx.store.courses.byId(a.course_id) : null;
    return reachesAssignment(p, action, a, course);
  }

  /** An assignment by internal id that the caller reaches (vendor adapters' integer ids), or undefined. */
  async byIdFor(p: Principal, id: number, action: Action = 'assignments.read'): Promise<AssignmentRow | undefined> {
    const a = await this.ctx.store.assignments.byId(id);
    return a && (await this.reaches(p, a, action)) ? a : undefined;
  }

  async byId(organisationId: number, id: number): Promise<AssignmentRow | undefined> {
    const a = await this.ctx.store.assignments.byId(id);
    return a && a.organisation_id === organisationId ? a : undefined;
  }

  async byName(organisationId: number, name: string): Promise<AssignmentRow | undefined> {
    return this.ctx.store.assignments.byName(organisationId, name);
  }

  async list(p: Principal, req: PageRequest & { course_id?: string }): Promise<PageOf<AssignmentRow>> {
    const scope = requireAction(p, 'assignments.read');
    let courseId: number | undefined;
    if (req.course_id) courseId = (await this.getCourse(p, req.course_id)).id;
    // A course the caller owns lists all of its assignments.
    const ownedBy = scope === 'own' && courseId === undefined ? (p.userId ?? -1) : undefined;
    return this.ctx.store.assignments.list(p.organisationId, page(req), courseId, ownedBy);
  }

  settingsOf(a: AssignmentRow): AssignmentSettings {
    return parseSettings(a.settings);
  }

  async update(p: Principal, id: string, input: AssignmentInput): Promise<AssignmentRow> {
    const a = await this.get(p, id, 'assignments.manage');
    const patch: { name?: string; settings?: string; course_id?: number | null; updated_at: string } = { updated_at: nowIso() };
    if (input.name !== undefined) {
      if (typeof input.name !== 'string' || !input.name.trim()) throw invalid('name must be a non-empty string', { fields: { name: 'is required' } });
      patch.name = input.name.trim();
    }
    if (input.kind !== undefined && input.kind !== a.kind) throw invalid('kind cannot be changed', { fields: { kind: 'cannot be changed' } });
    const before = this.settingsOf(a);
    const after = input.settings !== undefined ? mergeSettings(before, input.settings) : before;
    if (input.settings !== undefined) patch.settings = JSON.stringify(after);
    if (input.course_id !== undefined) patch.course_id = input.course_id === null ? null : (await this.getCourse(p, String(input.course_id))).id;
    const updated = (await this.ctx.store.assignments.update(a.id, patch)) as AssignmentRow;
    // Reports made under the old settings would no longer say what the assignment asks: check again.
    if (scoreSettingsChanged(before, after).length) await this.recheckDocuments(updated, 'settings');
    return updated;
  }

  /** Checks an assignment's documents again, on request (`POST /assignments/{id}/recheck`). */
  async recheck(p: Principal, id: string): Promise<{ assignment: AssignmentRow; queued: number }> {
    const a = await this.get(p, id, 'assignments.manage');
    requireAction(p, 'documents.recheck');
    return { assignment: a, queued: await this.recheckDocuments(a, 'requested') };
  }

  /**
   * Queues a new check of every document of the assignment that has been or is being checked;
   * documents not yet converted read the settings when their check starts. Returns how many.
   */
  async recheckDocuments(a: AssignmentRow, why: string): Promise<number> {
    return this.documents.recheckAll(await this.documents.inAssignment(a), why);
  }

  async updateRow(a: AssignmentRow, patch: { name?: string; settings?: AssignmentSettings }): Promise<AssignmentRow> {
    return (await this.ctx.store.assignments.update(a.id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.settings !== undefined ? { settings: JSON.stringify(patch.settings) } : {}),
      updated_at: nowIso(),
    })) as AssignmentRow;
  }

  /** Deletes an assignment and every document in it (blobs, texts, fingerprints). */
  async delete(p: Principal, id: string): Promise<void> {
    await this.deleteRow(await this.get(p, id, 'assignments.manage'));
  }

  async deleteRow(a: AssignmentRow): Promise<void> {
    for (const doc of await this.ctx.store.documents.inAssignment(a.id)) await this.documents.deleteRow(doc);
    await this.ctx.store.assignments.delete(a.id);
  }
}
