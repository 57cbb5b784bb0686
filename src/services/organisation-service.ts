import type { OrganisationRow, OrgUnitRow, PageOf, Store } from '../store/index.js';
import { nowIso } from '../store/index.js';
import type { ServiceContext, PageRequest } from './context.js';
import { page } from './context.js';
import { AppError, invalid, notFound } from './errors.js';
import { publicId } from './ids.js';
import type { Principal } from './principal.js';
import { require as requireAction } from './policy.js';

function requireName(name: unknown, what: string): string {
  if (typeof name !== 'string' || !name.trim()) throw invalid(`${what} name is required`, { fields: { name: 'is required' } });
  if (name.length > 200) throw invalid(`${what} name is too long`, { fields: { name: 'must be at most 200 characters' } });
  return name.trim();
}

/**
 * A list of origins (`scheme://host[:port]`, nothing after) with one of the schemes, as origins;
 * a message saying what is wrong otherwise.
 */
export function originList(value: unknown, schemes: readonly string[]): string[] | string {
  const what = `must be a list of ${schemes.map((x) => x.replace(':', '')).join(' or ')} origins like "https://lms.example.edu"`;
  if (!Array.isArray(value) || value.length > 50) return what;
  const out: string[] = [];
  for (const v of value) {
    if (typeof v !== 'string') return what;
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      return `${what}; "${String(v).slice(0, 100)}" is not a URL`;
    }
    if (!schemes.includes(u.protocol) || u.username || u.password || u.search || u.hash || u.pathname !== '/' || /[*\s]/.test(v)) return `${what}; "${v.slice(0, 100)}" is not one`;
    if (!out.includes(u.origin)) out.push(u.origin);
  }
  return out;
}

/** Whether `url` is an absolute http(s) URL on one of the origins. */
export function onOrigins(url: string, origins: unknown): boolean {
  if (!Array.isArray(origins)) return false;
  try {
    const u = new URL(url);
    return ['http:', 'https:'].includes(u.protocol) && !u.username && !u.password && origins.includes(u.origin);
  } catch {
    return false;
  }
}

/** Organisations (tenants) and their units. */
export class OrganisationService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Creates an organisation with its default repository. Used by system admins and bootstrap. */
  /** `store`: a transaction of the caller's to create the organisation in (bootstrap's). */
  async createUnchecked(name: string, store: Store = this.ctx.store): Promise<OrganisationRow> {
    return store.transaction(async (tx) => {
      const now = nowIso();
      const org = await tx.organisations.create({ public_id: publicId('org'), name: requireName(name, 'Organisation'), settings: '{}', created_at: now, updated_at: now });
      await tx.repositories.create({ public_id: publicId('repo'), organisation_id: org.id, name: 'Institutional repository', is_default: 1, created_at: now });
      return org;
    });
  }

  async create(p: Principal, input: { name?: unknown }): Promise<OrganisationRow> {
    requireAction(p, 'organisations.create');
    return this.createUnchecked(requireName(input.name, 'Organisation'));
  }

  async get(p: Principal, id: string, action: 'organisations.read' | 'organisations.update' | 'organisations.delete' = 'organisations.read'): Promise<OrganisationRow> {
    const scope = requireAction(p, action);
    const org = await this.ctx.store.organisations.byPublicId(id);
    if (!org || (scope !== 'all' && org.id !== p.organisationId)) throw notFound('Organisation');
    return org;
  }

  async list(p: Principal, req: PageRequest): Promise<PageOf<OrganisationRow>> {
    if (requireAction(p, 'organisations.read') !== 'all') {
      const own = await this.ctx.store.organisations.byId(p.organisationId);
      return { items: own ? [own] : [], total: own ? 1 : 0 };
    }
    return this.ctx.store.organisations.list(page(req));
  }

  async update(p: Principal, id: string, input: { name?: unknown; settings?: unknown }): Promise<OrganisationRow> {
    const org = await this.get(p, id, 'organisations.update');
    const patch: { name?: string; settings?: string; updated_at: string } = { updated_at: nowIso() };
    if (input.name !== undefined) patch.name = requireName(input.name, 'Organisation');
    if (input.settings !== undefined) {
      if (typeof input.settings !== 'object' || input.settings === null || Array.isArray(input.settings)) throw invalid('settings must be an object');
      const checked = await this.checkSettings(input.settings as Record<string, unknown>);
      patch.settings = JSON.stringify({ ...JSON.parse(org.settings), ...checked });
    }
    return (await this.ctx.store.organisations.update(org.id, patch)) as OrganisationRow;
  }

  async delete(p: Principal, id: string): Promise<void> {
    const org = await this.get(p, id, 'organisations.delete');
    if (org.id === p.organisationId) throw new AppError('conflict', 'You cannot delete your own organisation.');
    const docs = await this.ctx.store.documents.list(org.id, {}, { limit: 1_000_000, offset: 0 });
    await this.ctx.store.organisations.delete(org.id);
    for (const d of docs.items) if (d.blob_key) await this.ctx.blobs.delete(d.blob_key);
  }

  /** The caller's own organisation row (vendor adapters naming the account; no policy action). */
  async byIdUnchecked(organisationId: number): Promise<OrganisationRow | undefined> {
    return this.ctx.store.organisations.byId(organisationId);
  }

  /**
   * Settings checked when set. Those that make the server call out (`drillbit_callback_url`,
   * `plagscan_callback_url`, `inspera_webhook_url`: every key ending in `_url`) go through the
   * outbound policy. `frame_ancestors` (https origins that may show the viewer and report pages in a
   * frame) and `redirect_origins` (http(s) origins an expired viewer link may send the browser to)
   * must be lists of origins; they are stored as origins (`https://lms.example.edu`).
   */
  private async checkSettings(settings: Record<string, unknown>): Promise<Record<string, unknown>> {
    const fields: Record<string, string> = {};
    const out = { ...settings };
    for (const [key, value] of Object.entries(settings)) {
      if (!/_url$/.test(key) || value === null || value === '') continue;
      const problem = typeof value === 'string' ? await this.ctx.outbound.checkUrl(value) : 'must be an http(s) URL';
      if (problem) fields[`settings.${key}`] = problem;
    }
    for (const [key, schemes] of [['frame_ancestors', ['https:']], ['redirect_origins', ['https:', 'http:']]] as const) {
      if (!(key in settings) || settings[key] === null) continue;
      const r = originList(settings[key], schemes);
      if (typeof r === 'string') fields[`settings.${key}`] = r;
      else out[key] = r;
    }
    if (Object.keys(fields).length) throw invalid(`settings: ${Object.entries(fields).map(([k, v]) => `${k} ${v}`).join('; ')}`, { fields });
    return out;
  }

  async setSettings(organisationId: number, patch: Record<string, unknown>): Promise<void> {
    const checked = await this.checkSettings(patch);
    const org = await this.ctx.store.organisations.byId(organisationId);
    if (!org) throw notFound('Organisation');
    await this.ctx.store.organisations.update(org.id, { settings: JSON.stringify({ ...JSON.parse(org.settings), ...checked }), updated_at: nowIso() });
  }

  async settingsOf(organisationId: number): Promise<Record<string, unknown>> {
    const org = await this.ctx.store.organisations.byId(organisationId);
    return org ? (JSON.parse(org.settings) as Record<string, unknown>) : {};
  }

  // ---- organisation units ----

  async createUnit(p: Principal, input: { name?: unknown; parent_id?: unknown }): Promise<OrgUnitRow> {
    requireAction(p, 'units.manage');
    let parentId: number | null = null;
    if (input.parent_id !== undefined && input.parent_id !== null) {
      parentId = (await this.getUnit(p, String(input.parent_id))).id;
    }
    return this.ctx.store.orgUnits.create({ public_id: publicId('unit'), organisation_id: p.organisationId, parent_id: parentId, name: requireName(input.name, 'Unit'), created_at: nowIso() });
  }

  async getUnit(p: Principal, id: string): Promise<OrgUnitRow> {
    requireAction(p, 'units.read');
    const unit = await this.ctx.store.orgUnits.byPublicId(p.organisationId, id);
    if (!unit) throw notFound('Organisation unit');
    return unit;
  }

  async listUnits(p: Principal): Promise<OrgUnitRow[]> {
    requireAction(p, 'units.read');
    return this.ctx.store.orgUnits.list(p.organisationId);
  }

  async updateUnit(p: Principal, id: string, input: { name?: unknown; parent_id?: unknown }): Promise<OrgUnitRow> {
    requireAction(p, 'units.manage');
    const unit = await this.getUnit(p, id);
    const patch: { name?: string; parent_id?: number | null } = {};
    if (input.name !== undefined) patch.name = requireName(input.name, 'Unit');
    if (input.parent_id !== undefined) {
      if (input.parent_id === null) patch.parent_id = null;
      else {
        const parent = await this.getUnit(p, String(input.parent_id));
        if (parent.id === unit.id) throw invalid('A unit cannot be its own parent.');
        patch.parent_id = parent.id;
      }
    }
    return (await this.ctx.store.orgUnits.update(unit.id, patch)) as OrgUnitRow;
  }

  async deleteUnit(p: Principal, id: string): Promise<void> {
    requireAction(p, 'units.manage');
    const unit = await this.getUnit(p, id);
    await this.ctx.store.orgUnits.delete(unit.id);
  }
}
