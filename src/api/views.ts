import type { ApiKeyRow, AssignmentRow, CourseRow, DocumentRow, OrganisationRow, OrgUnitRow, Store, UserRow, WebhookDeliveryRow, WebhookEndpointRow } from '../store/index.js';
import { parseSettings } from '../services/settings.js';
import { percent } from '../services/report-service.js';

/** Looks up public ids of referenced rows, once per request. */
export class IdResolver {
  private cache = new Map<string, string | null>();
  constructor(private readonly store: Store) {}

  private async get(kind: string, id: number | null, load: (id: number) => Promise<{ public_id: string } | undefined>): Promise<string | null> {
    if (id === null) return null;
    const key = `${kind}:${id}`;
    if (!this.cache.has(key)) this.cache.set(key, (await load(id))?.public_id ?? null);
    return this.cache.get(key) ?? null;
  }
  organisation = (id: number | null) => this.get('org', id, (i) => this.store.organisations.byId(i));
  unit = (id: number | null) => this.get('unit', id, (i) => this.store.orgUnits.byId(i));
  user = (id: number | null) => this.get('user', id, (i) => this.store.users.byId(i));
  course = (id: number | null) => this.get('course', id, (i) => this.store.courses.byId(i));
  assignment = (id: number | null) => this.get('assignment', id, (i) => this.store.assignments.byId(i));
  document = (id: number | null) => this.get('document', id, (i) => this.store.documents.byId(i));
}

export const organisationView = (o: OrganisationRow) => ({ id: o.public_id, name: o.name, settings: JSON.parse(o.settings) as unknown, created_at: o.created_at, updated_at: o.updated_at });

export const unitView = async (u: OrgUnitRow, ids: IdResolver) => ({ id: u.public_id, name: u.name, parent_id: await ids.unit(u.parent_id), created_at: u.created_at });

export const userView = async (u: UserRow, ids: IdResolver) => ({
  id: u.public_id,
  organisation_id: await ids.organisation(u.organisation_id),
  org_unit_id: await ids.unit(u.org_unit_id),
  email: u.email,
  name: u.name,
  role: u.role,
  active: u.active === 1,
  has_password: u.password_hash !== null,
  created_at: u.created_at,
  updated_at: u.updated_at,
});

export const apiKeyView = async (k: ApiKeyRow, ids: IdResolver) => ({
  id: k.public_id,
  name: k.name,
  level: k.level,
  user_id: await ids.user(k.user_id),
  vendor: k.vendor,
  allowed_ips: k.allowed_ips,
  created_at: k.created_at,
  last_used_at: k.last_used_at,
});

export const courseView = (c: CourseRow) => ({ id: c.public_id, name: c.name, code: c.code, created_at: c.created_at });

export const assignmentView = async (a: AssignmentRow, ids: IdResolver) => ({
  id: a.public_id,
  name: a.name,
  kind: a.kind,
  course_id: await ids.course(a.course_id),
  settings: parseSettings(a.settings),
  created_at: a.created_at,
  updated_at: a.updated_at,
});

export const documentView = async (d: DocumentRow, ids: IdResolver) => ({
  id: d.public_id,
  assignment_id: await ids.assignment(d.assignment_id),
  title: d.title,
  author: d.author,
  filename: d.filename,
  mime: d.mime,
  size: d.size,
  md5: d.md5,
  status: d.status,
  reason: d.status === 'failed' ? d.reason : null,
  language: d.language,
  counts: d.char_count === null ? null : { characters: d.char_count, words: d.word_count, pages: d.page_count },
  similarity: d.status === 'done' && d.similarity !== null ? percent(d.similarity) : null,
  created_at: d.created_at,
  updated_at: d.updated_at,
});

export const webhookView = async (w: WebhookEndpointRow, ids: IdResolver, withSecret = false) => ({
  id: w.public_id,
  url: w.url,
  events: JSON.parse(w.events) as string[],
  document_id: await ids.document(w.document_id),
  active: w.active === 1,
  created_at: w.created_at,
  ...(withSecret ? { secret: w.secret } : {}),
});

export const deliveryView = (d: WebhookDeliveryRow) => ({
  id: d.public_id,
  event: d.event,
  method: d.method,
  url: d.url,
  status: d.status,
  attempts: d.attempts,
  last_status_code: d.last_status_code,
  last_error: d.last_error,
  created_at: d.created_at,
  delivered_at: d.delivered_at,
});

export function pageView<T>(items: T[], total: number, limit: number, offset: number) {
  return { items, total, limit, offset };
}
