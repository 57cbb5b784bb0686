import type { ApiKeyRow, PageOf, Store, UserRow, UserFilter } from '../store/index.js';
import { nowIso } from '../store/index.js';
import type { PageRequest, ServiceContext } from './context.js';
import { page } from './context.js';
import { AppError, conflict, invalid, notFound } from './errors.js';
import { newApiKey, publicId } from './ids.js';
import { ROLES, VENDOR_SURFACES, type Principal, type Role } from './principal.js';
import { can, require as requireAction } from './policy.js';
import { hashApiKey, hashPassword } from './secrets.js';
import { allowListProblem } from './ip-allow-list.js';

export interface UserInput {
  email?: unknown;
  name?: unknown;
  role?: unknown;
  password?: unknown;
  org_unit_id?: unknown;
  active?: unknown;
  extra?: unknown;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Users, their passwords and API keys. */
export class UserService {
  constructor(private readonly ctx: ServiceContext) {}

  private async validate(p: Principal, input: UserInput, creating: boolean): Promise<Partial<UserRow>> {
    const fields: Record<string, string> = {};
    const out: Partial<UserRow> = {};
    if (input.email !== undefined && input.email !== null) {
      if (typeof input.email !== 'string' || !EMAIL.test(input.email)) fields.email = 'must be an email address';
      else if (input.email.trim().length > 254) fields.email = 'must be at most 254 characters';
      else out.email = input.email.trim().toLowerCase();
    } else if (input.email === null) out.email = null;
    if (input.name !== undefined) {
      if (typeof input.name !== 'string' || !input.name.trim()) fields.name = 'must be a non-empty string';
      else if (input.name.length > 200) fields.name = 'must be at most 200 characters';
      else out.name = input.name.trim();
    } else if (creating) {
      if (out.email) out.name = out.email;
      else fields.name = 'is required';
    }
    if (input.role !== undefined) {
      if (!ROLES.includes(input.role as Role)) fields.role = `must be one of ${ROLES.join(', ')}`;
      else out.role = input.role as Role;
    } else if (creating) out.role = 'instructor';
    if (input.password !== undefined && input.password !== null) {
      if (typeof input.password !== 'string' || input.password.length < 8) fields.password = 'must be at least 8 characters';
      else out.password_hash = await hashPassword(input.password);
    }
    if (input.org_unit_id !== undefined) {
      if (input.org_unit_id === null) out.org_unit_id = null;
      else {
        const unit = await this.ctx.store.orgUnits.byPublicId(p.organisationId, String(input.org_unit_id));
        if (!unit) fields.org_unit_id = 'is not an organisation unit of yours';
        else out.org_unit_id = unit.id;
      }
    }
    if (input.active !== undefined) {
      if (typeof input.active !== 'boolean') fields.active = 'must be true or false';
      else out.active = input.active ? 1 : 0;
    }
    if (input.extra !== undefined) {
      if (typeof input.extra !== 'object' || input.extra === null || Array.isArray(input.extra)) fields.extra = 'must be an object';
      else out.extra = JSON.stringify(input.extra);
    }
    if (Object.keys(fields).length) throw invalid('invalid user', { fields });
    return out;
  }

  async create(p: Principal, input: UserInput): Promise<UserRow> {
    requireAction(p, 'users.manage');
    return this.createIn(p.organisationId, await this.validate(p, input, true));
  }

  /**
   * Creates a user in an organisation without a role check (bootstrap, vendor adapters acting for
   * an org). An e-mail address is unique within an organisation only: whether it has an account in
   * another organisation is never told (that account is another person's business).
   */
  /** `store`: a transaction of the caller's to create the user in (bootstrap's). */
  async createIn(organisationId: number, values: Partial<UserRow>, store: Store = this.ctx.store): Promise<UserRow> {
    if (values.email && (await store.users.byEmailIn(organisationId, values.email))) throw conflict('A user with this email already exists in your organisation.');
    const now = nowIso();
    try {
      return await store.users.create({
        public_id: publicId('usr'),
        organisation_id: organisationId,
        org_unit_id: values.org_unit_id ?? null,
        email: values.email ?? null,
        name: values.name ?? values.email ?? 'user',
        role: values.role ?? 'instructor',
        password_hash: values.password_hash ?? null,
        active: values.active ?? 1,
        extra: values.extra ?? '{}',
        created_at: now,
        updated_at: now,
      });
    } catch (err) {
      if (/unique|duplicate/i.test(String(err))) throw conflict('A user with this email already exists in your organisation.');
      throw err;
    }
  }

  async setPassword(user: UserRow, password: string): Promise<UserRow> {
    if (password.length < 8) throw invalid('password must be at least 8 characters', { fields: { password: 'too short' } });
    return (await this.ctx.store.users.update(user.id, { password_hash: await hashPassword(password), updated_at: nowIso() })) as UserRow;
  }

  async get(p: Principal, id: string, action: 'users.read' | 'users.update' | 'users.manage' = 'users.read'): Promise<UserRow> {
    const scope = requireAction(p, action);
    const user = await this.ctx.store.users.byPublicId(p.organisationId, id);
    if (!user || (scope === 'own' && user.id !== p.userId)) throw notFound('User');
    return user;
  }

  async byId(id: number): Promise<UserRow | undefined> {
    return this.ctx.store.users.byId(id);
  }

  async byEmailIn(organisationId: number, email: string): Promise<UserRow | undefined> {
    return this.ctx.store.users.byEmailIn(organisationId, email);
  }

  /** Users of the organisation (administrators); anyone else sees only itself. */
  async list(p: Principal, filter: UserFilter, req: PageRequest): Promise<PageOf<UserRow>> {
    const scope = requireAction(p, 'users.read');
    if (scope === 'own') {
      const self = p.userId !== null ? await this.ctx.store.users.byId(p.userId) : undefined;
      const items = self ? (await this.ctx.store.users.list(p.organisationId, filter, { limit: 500, offset: 0 })).items.filter((u) => u.id === self.id) : [];
      return { items, total: items.length };
    }
    return this.ctx.store.users.list(p.organisationId, filter, page(req));
  }

  async update(p: Principal, id: string, input: UserInput): Promise<UserRow> {
    const user = await this.get(p, id, 'users.update');
    // Role, activity and unit are the administrator's to change; a user edits its own name, email and password.
    if (!can(p, 'users.manage') && (input.role !== undefined || input.active !== undefined || input.org_unit_id !== undefined)) requireAction(p, 'users.manage');
    const values = await this.validate(p, input, false);
    return this.updateRow(user, values);
  }

  async updateRow(user: UserRow, values: Partial<UserRow>): Promise<UserRow> {
    if (values.email && values.email !== user.email) {
      const other = await this.ctx.store.users.byEmailIn(user.organisation_id, values.email);
      if (other && other.id !== user.id) throw conflict('A user with this email already exists in your organisation.');
    }
    return (await this.ctx.store.users.update(user.id, { ...values, updated_at: nowIso() })) as UserRow;
  }

  async delete(p: Principal, id: string): Promise<void> {
    const user = await this.get(p, id, 'users.manage');
    if (user.id === p.userId) throw new AppError('conflict', 'You cannot delete yourself.');
    await this.ctx.store.users.delete(user.id);
  }

  // ---- API keys ----

  /** Issues a key; the plain key is returned once and only its hash is stored. */
  async createApiKey(
    p: Principal,
    input: { name?: unknown; level?: unknown; user_id?: unknown; vendor?: unknown; allowed_ips?: unknown },
  ): Promise<{ row: ApiKeyRow; key: string }> {
    requireAction(p, 'api_keys.manage');
    const level = input.level ?? 'client';
    if (level !== 'client' && level !== 'user') throw invalid('level must be "client" or "user"', { fields: { level: 'must be client or user' } });
    let userId: number | null = null;
    if (level === 'user') {
      if (input.user_id === undefined || input.user_id === null) throw invalid('user_id is required for a user-level key', { fields: { user_id: 'is required' } });
      const user = await this.ctx.store.users.byPublicId(p.organisationId, String(input.user_id));
      if (!user) throw invalid('user_id is not a user of your organisation', { fields: { user_id: 'unknown user' } });
      userId = user.id;
    }
    if (input.vendor !== undefined && input.vendor !== null && !(VENDOR_SURFACES as readonly string[]).includes(String(input.vendor))) {
      throw invalid('vendor must be one of codequiry, drillbit, plagiat, inspera, plagscan');
    }
    if (input.allowed_ips !== undefined && input.allowed_ips !== null && typeof input.allowed_ips !== 'string') throw invalid('allowed_ips must be a string');
    if (typeof input.allowed_ips === 'string' && allowListProblem(input.allowed_ips)) throw invalid(`allowed_ips: ${allowListProblem(input.allowed_ips)}`);
    if (typeof input.name === 'string' && input.name.length > 200) throw invalid('name must be at most 200 characters', { fields: { name: 'must be at most 200 characters' } });
    const name = typeof input.name === 'string' && input.name.trim() ? input.name.trim() : 'API key';
    return this.issueKey(p.organisationId, userId, level, name, (input.vendor as string | undefined) ?? null, (input.allowed_ips as string | undefined) ?? null);
  }

  async issueKey(organisationId: number, userId: number | null, level: 'client' | 'user', name: string, vendor: string | null, allowedIps: string | null, plainKey?: string, store: Store = this.ctx.store): Promise<{ row: ApiKeyRow; key: string }> {
    const key = plainKey ?? newApiKey();
    const row = await store.apiKeys.create({
      public_id: publicId('key'),
      organisation_id: organisationId,
      user_id: userId,
      level,
      name,
      vendor,
      key_hash: hashApiKey(key),
      allowed_ips: allowedIps,
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null,
    });
    return { row, key };
  }

  async listApiKeys(p: Principal): Promise<ApiKeyRow[]> {
    requireAction(p, 'api_keys.manage');
    return this.ctx.store.apiKeys.list(p.organisationId);
  }

  async getApiKey(p: Principal, id: string): Promise<ApiKeyRow> {
    requireAction(p, 'api_keys.manage');
    const row = await this.ctx.store.apiKeys.byPublicId(p.organisationId, id);
    if (!row || row.revoked_at) throw notFound('API key');
    return row;
  }

  async updateApiKey(p: Principal, id: string, input: { name?: unknown; allowed_ips?: unknown }): Promise<ApiKeyRow> {
    const row = await this.getApiKey(p, id);
    const patch: { name?: string; allowed_ips?: string | null } = {};
    if (input.name !== undefined) {
      if (typeof input.name !== 'string' || !input.name.trim()) throw invalid('name must be a non-empty string');
      if (input.name.length > 200) throw invalid('name must be at most 200 characters', { fields: { name: 'must be at most 200 characters' } });
      patch.name = input.name.trim();
    }
    if (input.allowed_ips !== undefined) {
      if (input.allowed_ips !== null && typeof input.allowed_ips !== 'string') throw invalid('allowed_ips must be a string or null');
      if (typeof input.allowed_ips === 'string' && allowListProblem(input.allowed_ips)) throw invalid(`allowed_ips: ${allowListProblem(input.allowed_ips)}`);
      patch.allowed_ips = input.allowed_ips as string | null;
    }
    return (await this.ctx.store.apiKeys.update(row.id, patch)) as ApiKeyRow;
  }

  async revokeApiKey(p: Principal, id: string): Promise<void> {
    const row = await this.getApiKey(p, id);
    if (row.id === p.apiKeyId) throw new AppError('conflict', 'You cannot revoke the key you are using.');
    await this.ctx.store.apiKeys.update(row.id, { revoked_at: nowIso() });
  }
}
